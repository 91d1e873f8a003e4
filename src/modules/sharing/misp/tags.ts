// MISP tags: `tlp:amber` decides markings, `misp-galaxy:threat-actor="APT10"` names a galaxy
// cluster, anything else is a label. MISP writes tags as `Tag: [{name}]` in exports and feeds,
// and as `EventTag/AttributeTag: [{Tag: {name}}]` in some API answers; both are read.
import { parseTlpName, stricterTlp, type Tlp } from '../tlp.ts';
import { arrayField, isRecord, stringField, type JsonRecord } from './fields.ts';
import type { MispTag } from './types.ts';

export const MAX_TAG_CHARS = 1024;

/** The tag names of an event (`EventTag`) or attribute (`AttributeTag`); overlong names are dropped. */
export function tagNamesOf(record: JsonRecord, joinKey: 'EventTag' | 'AttributeTag'): string[] {
  const names = new Set<string>();
  const plain = arrayField(record, 'Tag') ?? [];
  const joined = (arrayField(record, joinKey) ?? []).map((link) => (isRecord(link) ? link.Tag : null));
  for (const tag of [...plain, ...joined]) {
    const name = isRecord(tag) ? stringField(tag, 'name')?.trim() : undefined;
    if (name && name.length <= MAX_TAG_CHARS) names.add(name);
  }
  return [...names];
}

export function isTlpTag(name: string): boolean {
  return /^tlp:/i.test(name);
}

/** The strictest `tlp:*` level among the tags; null when none is a TLP tag MISP or FIRST defines. */
export function tlpOfTags(names: readonly string[]): Tlp | null {
  let level: Tlp | null = null;
  for (const name of names) {
    const found = isTlpTag(name) ? parseTlpName(name) : null;
    if (found) level = level ? stricterTlp(level, found) : found;
  }
  return level;
}

const GALAXY_TAG = /^misp-galaxy:([a-z0-9-]+)="(.+)"$/i;

/** `misp-galaxy:threat-actor="APT10"` → { galaxyType: 'threat-actor', value: 'APT10' }. */
export function galaxyTagOf(name: string): { galaxyType: string; value: string } | null {
  const match = GALAXY_TAG.exec(name);
  return match?.[1] && match[2] ? { galaxyType: match[1].toLowerCase(), value: match[2] } : null;
}

export function galaxyTagName(galaxyType: string, value: string): string {
  return `misp-galaxy:${galaxyType}="${value}"`;
}

/** Labels are the tags that are neither TLP markings nor galaxy clusters (those become objects). */
export function labelTags(names: readonly string[]): string[] {
  return names.filter((name) => !isTlpTag(name) && !galaxyTagOf(name));
}

// The colours of MISP's own tlp taxonomy, so the tags look the same as locally created ones.
const TLP_COLOURS: Readonly<Record<Tlp, string>> = {
  clear: '#ffffff',
  green: '#339900',
  amber: '#ffc000',
  'amber+strict': '#ffc000',
  red: '#cc0033',
};
const GALAXY_COLOUR = '#0088cc';
const LABEL_COLOUR = '#004646';

/** `tlp:amber+strict`: MISP's tlp taxonomy writes TLP 2.0 names in lower case. */
export function tlpTag(level: Tlp): MispTag {
  return { name: `tlp:${level}`, colour: TLP_COLOURS[level] };
}

export function colouredTag(name: string): MispTag {
  return { name, colour: galaxyTagOf(name) ? GALAXY_COLOUR : LABEL_COLOUR };
}
