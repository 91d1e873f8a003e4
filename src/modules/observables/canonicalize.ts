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

const IPV4_TOKEN = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const URL_TOKEN = /^https?:\/\/[!-~]+$/i;
const DOMAIN_TOKEN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?$/i;

function direct(token: string): { type: ObservableType; value: string } | null {
  if (IPV4_TOKEN.test(token)) {
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
  if (URL_TOKEN.test(token)) {
    const value = canonicalUrl(token);
    return value ? { type: 'url', value } : null;
  }
  if (DOMAIN_TOKEN.test(token) && /[a-z]/i.test(token)) {
    const value = canonicalDomain(token);
    return value ? { type: 'domain', value } : null;
  }
  return null;
}

const MAX_INPUT = 2048;

/** A trimmed input of one word, normalised (full-width, defanged); null when it holds spaces. */
function singleToken(trimmed: string): string | null {
  return /\s/.test(trimmed) ? null : normaliseText(trimmed).text;
}

export function canonicalize(input: string): CanonicalValue | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_INPUT) return null;
  const token = singleToken(trimmed);
  const fast = token === null ? null : direct(token);
  if (fast) return { ...fast, warning: warningFor(fast.type, fast.value) };
  let best: { hit: CanonicalValue; covered: number } | null = null;
  for (const hit of extractObservables(trimmed, { includeWarnings: true })) {
    const covered = hit.end - hit.start;
    if (!best || covered > best.covered) best = { hit: { type: hit.type, value: hit.value, warning: hit.warning }, covered };
  }
  return best?.hit ?? null;
}

/**
 * The branch of `direct` for one type: for a token of that type it decides exactly as `direct`
 * does (the branches before it cannot match such a token), without trying the others.
 */
const DIRECT_AS: Partial<Record<ObservableType, (token: string) => string | null>> = {
  ipv4: (token) => (IPV4_TOKEN.test(token) ? canonicalIpv4(token) : null),
  url: (token) => (URL_TOKEN.test(token) ? canonicalUrl(token) : null),
  domain: (token) => (DOMAIN_TOKEN.test(token) && /[a-z]/i.test(token) ? canonicalDomain(token) : null),
  md5: (token) => hashAs('md5', token),
  sha1: (token) => hashAs('sha1', token),
  sha256: (token) => hashAs('sha256', token),
};

function hashAs(type: ObservableType, token: string): string | null {
  return HASH_TYPES[token.length] === type && /^[0-9a-f]+$/i.test(token) && !/^\d+$/.test(token) ? token.toLowerCase() : null;
}

/**
 * `canonicalize` for a value whose type the caller was told (a STIX pattern names it): a plain
 * value of that type skips the detection of the others; anything else goes through
 * `canonicalize`, so the result is always the one `canonicalize` gives.
 */
export function canonicalizeAs(type: ObservableType, input: string): CanonicalValue | null {
  const one = DIRECT_AS[type];
  const trimmed = input.trim();
  if (!one || trimmed.length === 0 || trimmed.length > MAX_INPUT) return canonicalize(input);
  const token = singleToken(trimmed);
  const value = token === null ? null : one(token);
  return value === null ? canonicalize(input) : { type, value, warning: warningFor(type, value) };
}
