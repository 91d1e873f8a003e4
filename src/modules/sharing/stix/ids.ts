// Deterministic STIX identifiers. SCO ids follow STIX 2.1 §2.9 (UUIDv5 in the SCO namespace over
// the JSON of the id-contributing properties), so the same IP address gets the same id at every
// producer; Koban's own SDOs use a Koban namespace, so a re-export of the same thing keeps its id
// and a partner's re-import is idempotent.
import { createHash } from 'node:crypto';
import { canonicalJson } from '#kernel/audit/index.ts';

export const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Koban's namespace for the ids of the objects it produces (a fixed random UUID). */
export const KOBAN_NAMESPACE = '7c3f0f5e-5a8e-4b4e-9d0a-6b1f7d2c4e11';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** RFC 4122 version-5 UUID of `name` in `namespace`. */
export function uuidv5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function scoId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${uuidv5(SCO_NAMESPACE, canonicalJson(contributing))}`;
}

/** The id of a Koban-produced object named by a stable key (e.g. `indicator` + observable type and value). */
export function kobanId(type: string, key: string): string {
  return `${type}--${uuidv5(KOBAN_NAMESPACE, `${type}\u0000${key}`)}`;
}

/**
 * The id of a named SDO (intrusion set, malware family): the same name — whatever its width, case
 * or punctuation — gives the same id whoever produced it (a catalogue entry, a MISP galaxy).
 */
export function namedObjectId(type: string, name: string): string {
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return kobanId(type, key);
}
