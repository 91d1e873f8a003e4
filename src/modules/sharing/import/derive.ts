// The observables an imported STIX object names, in Koban's canonical forms, so that an imported
// indicator correlates with the cases and reports that saw the same value.
import { canonicalizeAs, type ObservableType } from '#modules/observables/index.ts';
import { patternValues, scoValues } from '../stix/observables.ts';

export type DerivedObservable = { type: ObservableType; value: string; warning: string | null; attributes: Record<string, string> | null };

const BANK_ACCOUNT = /^\d{4}-\d{3}-\d-\d{7}$/;
/** A hash named as such by STIX (file:hashes.'SHA-256') is one even when all its digits are 0–9. */
const HASH_LENGTH: Partial<Record<ObservableType, number>> = { md5: 32, sha1: 40, sha256: 64 };
/** Types `canonicalize` may file differently from how the STIX object names them. */
const COMPATIBLE: Partial<Record<ObservableType, readonly ObservableType[]>> = { ipv4: ['cidr'], ipv6: ['cidr'], cidr: ['ipv4', 'ipv6'] };

function canonical(type: ObservableType, raw: string, attributes: Record<string, string> | null): DerivedObservable | null {
  if (type === 'bank_account_jp') return BANK_ACCOUNT.test(raw) ? { type, value: raw, warning: null, attributes } : null;
  if (type === 'card') return null;
  const hashLength = HASH_LENGTH[type];
  if (hashLength !== undefined && raw.length === hashLength && /^[0-9a-f]+$/i.test(raw)) {
    const value = raw.toLowerCase();
    return { type, value, warning: canonicalizeAs(type, value)?.warning ?? null, attributes };
  }
  const found = canonicalizeAs(type, raw);
  if (!found) return null;
  if (found.type !== type && !COMPATIBLE[type]?.includes(found.type)) return null;
  return { type: found.type, value: found.value, warning: found.warning, attributes };
}

/** Observables of an indicator (from its STIX pattern) or of a cyber-observable object. */
export function observablesOf(object: Record<string, unknown>): DerivedObservable[] {
  const named =
    object.type === 'indicator'
      ? object.pattern_type === 'stix' && typeof object.pattern === 'string'
        ? patternValues(object.pattern)
        : []
      : scoValues(object);
  const found: DerivedObservable[] = [];
  const seen = new Set<string>();
  for (const item of named) {
    const derived = canonical(item.type, item.value, 'attributes' in item ? ((item.attributes as Record<string, string> | undefined) ?? null) : null);
    if (!derived) continue;
    const key = `${derived.type}\u0000${derived.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(derived);
  }
  return found;
}
