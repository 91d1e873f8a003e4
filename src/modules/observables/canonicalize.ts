// A value typed into a search box, in any form (defanged, full-width, with brackets), to its
// canonical (type, value). Single tokens that already read as an address, hash or CVE are
// classified directly (bulk lookups are mostly such); anything else goes through full extraction
// and the hit that covers most of the input wins.
import type { ObservableType } from './observables.contract.ts';
import { canonicalDomain, canonicalIpv4, canonicalIpv6, canonicalUrl } from './extract/canonical.ts';
import { extractObservables } from './extract/extract.ts';
import { normaliseText } from './extract/normalise.ts';
import { warningFor } from './warning-lists/warning-lists.ts';

export type CanonicalValue = { type: ObservableType; value: string; warning: string | null };

const HASH_TYPES: Record<number, ObservableType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

function direct(token: string): { type: ObservableType; value: string } | null {
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(token)) {
    const value = canonicalIpv4(token);
    return value ? { type: 'ipv4', value } : null;
  }
  if (/^[0-9a-f]+$/i.test(token) && !/^\d+$/.test(token)) {
    const type = HASH_TYPES[token.length];
    return type ? { type, value: token.toLowerCase() } : null;
  }
  if (/^[0-9a-f:.]+$/i.test(token) && token.includes(':')) {
    const value = canonicalIpv6(token);
    return value ? { type: 'ipv6', value } : null;
  }
  if (/^https?:\/\/[!-~]+$/i.test(token)) {
    const value = canonicalUrl(token);
    return value ? { type: 'url', value } : null;
  }
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?$/i.test(token) && /[a-z]/i.test(token)) {
    const value = canonicalDomain(token);
    return value ? { type: 'domain', value } : null;
  }
  return null;
}

export function canonicalize(input: string): CanonicalValue | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return null;
  const fast = /\s/.test(trimmed) ? null : direct(normaliseText(trimmed).text);
  if (fast) return { ...fast, warning: warningFor(fast.type, fast.value) };
  let best: { hit: CanonicalValue; covered: number } | null = null;
  for (const hit of extractObservables(trimmed, { includeWarnings: true })) {
    const covered = hit.end - hit.start;
    if (!best || covered > best.covered) best = { hit: { type: hit.type, value: hit.value, warning: hit.warning }, covered };
  }
  return best?.hit ?? null;
}
