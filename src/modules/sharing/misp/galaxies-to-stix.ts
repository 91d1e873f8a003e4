// MISP galaxy clusters → STIX SDOs: threat actors to intrusion sets, malware families to malware,
// ATT&CK techniques to attack patterns. Ids come from the normalised name (or the ATT&CK id), so
// the same group named by two events, or by a galaxy and a tag, is one object. Galaxies that give
// context only (sector, country, …) are left out without a problem.
import { kobanId, namedObjectId } from '../stix/ids.ts';
import type { StixObject } from '../stix/observables.ts';
import { TLP2_MARKING_IDS, type Tlp } from '../tlp.ts';
import { arrayField, boundedText, isRecord, stringField, stringsOf, type JsonRecord } from './fields.ts';
import type { MispProblemList } from './problems.ts';
import { galaxyTagOf, MAX_TAG_CHARS } from './tags.ts';

export type GalaxyCluster = { galaxyType: string; value: string; description: string | null; synonyms: string[] };
type SdoKind = 'intrusion-set' | 'malware' | 'attack-pattern';

const KIND_BY_GALAXY: Readonly<Record<string, SdoKind>> = {
  'threat-actor': 'intrusion-set',
  'mitre-intrusion-set': 'intrusion-set',
  'microsoft-activity-group': 'intrusion-set',
  ransomware: 'malware',
  malpedia: 'malware',
  tool: 'malware',
  'mitre-malware': 'malware',
  backdoor: 'malware',
  botnet: 'malware',
  rat: 'malware',
  'mitre-attack-pattern': 'attack-pattern',
};

const MALWARE_TYPES: Readonly<Record<string, string>> = { ransomware: 'ransomware', backdoor: 'backdoor', botnet: 'bot', rat: 'remote-access-trojan' };
const MAX_ALIASES = 100;
// ATT&CK galaxies write "APT10 - G0045", "PlugX - S0013", "Spearphishing Attachment - T1566.001".
const ATTACK_ID = /^(.+?)\s+-\s+([GSTM]\d{4}(?:\.\d{3})?)$/;
const ATTACK_PATHS: Readonly<Record<string, string>> = { G: 'groups', S: 'software', T: 'techniques', M: 'mitigations' };

export function normalisedName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function clusterOf(raw: unknown, galaxyType: string | null, path: string, problems: MispProblemList): GalaxyCluster | null {
  const type = isRecord(raw) ? (stringField(raw, 'type') ?? galaxyType) : null;
  const value = isRecord(raw) ? stringField(raw, 'value')?.trim() : undefined;
  if (!isRecord(raw) || type === null || !value || value.length > MAX_TAG_CHARS) {
    problems.add(path, 'misp.invalid_attribute', 'a galaxy cluster needs a type and a value of at most 1024 characters', { value });
    return null;
  }
  const meta = isRecord(raw.meta) ? raw.meta : {};
  const synonyms = stringsOf(meta.synonyms).filter((synonym) => synonym.length <= MAX_TAG_CHARS);
  return { galaxyType: type.toLowerCase(), value, description: boundedText(stringField(raw, 'description')), synonyms: synonyms.slice(0, MAX_ALIASES) };
}

/** The clusters of `Galaxy[].GalaxyCluster[]`, then those only named by `misp-galaxy:` tags. */
export function galaxyClustersOf(event: JsonRecord, eventPath: string, tagNames: readonly string[], problems: MispProblemList): GalaxyCluster[] {
  const clusters: GalaxyCluster[] = [];
  (arrayField(event, 'Galaxy') ?? []).forEach((galaxy, g) => {
    const path = `${eventPath}Galaxy[${g}]`;
    const list = isRecord(galaxy) ? arrayField(galaxy, 'GalaxyCluster') : null;
    if (!isRecord(galaxy) || !list) return problems.add(path, 'misp.invalid_attribute', 'a galaxy needs a GalaxyCluster list');
    list.forEach((raw, c) => {
      const cluster = clusterOf(raw, stringField(galaxy, 'type'), `${path}.GalaxyCluster[${c}]`, problems);
      if (cluster) clusters.push(cluster);
    });
  });
  for (const name of tagNames) {
    const tagged = galaxyTagOf(name);
    if (tagged) clusters.push({ galaxyType: tagged.galaxyType, value: tagged.value, description: null, synonyms: [] });
  }
  return clusters;
}

function attackReference(externalId: string): Record<string, string> {
  const page = `${ATTACK_PATHS[externalId.charAt(0)] ?? 'techniques'}/${externalId.replace('.', '/')}`;
  return { source_name: 'mitre-attack', external_id: externalId, url: `https://attack.mitre.org/${page}` };
}

export type GalaxyContext = { tlp: Tlp; modified: string; identityId: string };

/** The SDO of a cluster, or null for galaxies Koban does not turn into objects. */
export function clusterToStix(cluster: GalaxyCluster, context: GalaxyContext): StixObject | null {
  const kind = KIND_BY_GALAXY[cluster.galaxyType];
  if (!kind) return null;
  const attack = ATTACK_ID.exec(cluster.value);
  const name = attack?.[1] ?? cluster.value;
  const externalId = attack?.[2] ?? null;
  const id = kind === 'attack-pattern' && externalId ? kobanId(kind, externalId) : namedObjectId(kind, name);
  const key = normalisedName(name);
  const aliases = [...new Set(cluster.synonyms.map((s) => s.trim()))].filter((s) => normalisedName(s) !== key);
  const malwareType = MALWARE_TYPES[cluster.galaxyType];
  return {
    type: kind,
    spec_version: '2.1',
    id,
    created_by_ref: context.identityId,
    created: context.modified,
    modified: context.modified,
    name,
    ...(cluster.description ? { description: cluster.description } : {}),
    ...(kind !== 'attack-pattern' && aliases.length > 0 ? { aliases } : {}),
    ...(kind === 'malware' ? { is_family: true, ...(malwareType ? { malware_types: [malwareType] } : {}) } : {}),
    ...(externalId ? { external_references: [attackReference(externalId)] } : {}),
    object_marking_refs: [TLP2_MARKING_IDS[context.tlp]],
  };
}

/** Adds what a second mention of the same object knows (a galaxy's description when a tag came first, more aliases). */
export function mergeSdo(existing: StixObject, extra: StixObject): void {
  if (existing.description === undefined && extra.description !== undefined) existing.description = extra.description;
  if (existing.external_references === undefined && extra.external_references !== undefined) existing.external_references = extra.external_references;
  const known = new Set(stringsOf(existing.aliases));
  const merged = [...known, ...stringsOf(extra.aliases).filter((alias) => !known.has(alias) && alias !== existing.name)].slice(0, MAX_ALIASES);
  if (merged.length > 0) existing.aliases = merged;
}
