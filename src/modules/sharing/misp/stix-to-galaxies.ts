// STIX threat SDOs → MISP galaxy clusters and their `misp-galaxy:` tags. A receiving MISP links
// the tag to the cluster of the same name in its galaxy library; the Galaxy block carries the
// name, aliases and description for instances (and readers) that do not have it.
import type { StixObject } from '../stix/observables.ts';
import { boundedText, recordsOf, stringField, stringsOf } from './fields.ts';
import { galaxyTagName } from './tags.ts';
import type { MispGalaxy, MispGalaxyCluster } from './types.ts';

type GalaxyKind = { type: string; name: string; namespace: string };

const THREAT_ACTOR: GalaxyKind = { type: 'threat-actor', name: 'Threat Actor', namespace: 'misp' };
const RANSOMWARE: GalaxyKind = { type: 'ransomware', name: 'Ransomware', namespace: 'misp' };
const MALPEDIA: GalaxyKind = { type: 'malpedia', name: 'Malpedia', namespace: 'misp' };
const ATTACK_PATTERN: GalaxyKind = { type: 'mitre-attack-pattern', name: 'Attack Pattern', namespace: 'mitre-attack' };

function attackIdOf(object: StixObject): string | null {
  for (const reference of recordsOf(object.external_references)) {
    const externalId = stringField(reference, 'external_id');
    if (reference.source_name === 'mitre-attack' && externalId && /^T\d{4}(?:\.\d{3})?$/.test(externalId)) return externalId;
  }
  return null;
}

/** The galaxy and cluster value an SDO belongs to; null for objects that are not threats MISP has galaxies for. */
function placeOf(object: StixObject, name: string): { kind: GalaxyKind; value: string } | null {
  switch (object.type) {
    case 'intrusion-set':
    case 'threat-actor':
      return { kind: THREAT_ACTOR, value: name };
    case 'malware':
      return { kind: stringsOf(object.malware_types).includes('ransomware') ? RANSOMWARE : MALPEDIA, value: name };
    case 'attack-pattern': {
      const attackId = attackIdOf(object);
      return attackId ? { kind: ATTACK_PATTERN, value: `${name} - ${attackId}` } : null;
    }
    default:
      return null;
  }
}

/** The galaxies of the threat SDOs among `objects`, one cluster per tag, and the tags that name them. */
export function stixToGalaxies(objects: readonly StixObject[]): { galaxies: MispGalaxy[]; tagNames: string[] } {
  const galaxies = new Map<string, MispGalaxy>();
  const tagNames = new Set<string>();
  for (const object of objects) {
    const name = typeof object.name === 'string' ? object.name.trim() : '';
    const place = name ? placeOf(object, name) : null;
    if (!place) continue;
    const tagName = galaxyTagName(place.kind.type, place.value);
    if (tagNames.has(tagName)) continue;
    tagNames.add(tagName);
    const synonyms = stringsOf(object.aliases).filter((alias) => alias !== name);
    const cluster: MispGalaxyCluster = {
      type: place.kind.type,
      value: place.value,
      tag_name: tagName,
      description: boundedText(typeof object.description === 'string' ? object.description : null) ?? '',
      ...(synonyms.length > 0 ? { meta: { synonyms } } : {}),
    };
    const galaxy = galaxies.get(place.kind.type) ?? { ...place.kind, GalaxyCluster: [] };
    galaxy.GalaxyCluster.push(cluster);
    galaxies.set(place.kind.type, galaxy);
  }
  return { galaxies: [...galaxies.values()], tagNames: [...tagNames] };
}
