// Offline warning lists (MISP-style): values that are real but rarely evidence — private and documentation
// ranges, public resolvers, very popular domains, police/government domains, reserved names, the empty-file
// hashes and published test card numbers. warningFor() runs for every extracted value, so the data is indexed
// once at import into Sets and sorted numeric ranges.
import ipaddr from 'ipaddr.js';
import { getDomain } from 'tldts';
import type { ObservableType } from '#modules/observables/observables.contract.ts';
import { parseIPv4 } from '../enrich/ipv4.ts';
import abusableData from './abusable-hosts.json' with { type: 'json' };
import governmentData from './government-domains.json' with { type: 'json' };
import hashData from './hashes.json' with { type: 'json' };
import ipRangeData from './ip-ranges.json' with { type: 'json' };
import popularData from './popular-domains.json' with { type: 'json' };
import resolverData from './public-resolvers.json' with { type: 'json' };
import reservedData from './reserved-domains.json' with { type: 'json' };

/** Names of the lists warningFor() can return. */
export type WarningListName =
  | 'private_range'
  | 'loopback_range'
  | 'link_local_range'
  | 'cgnat_range'
  | 'documentation_range'
  | 'benchmark_range'
  | 'multicast_range'
  | 'broadcast_address'
  | 'unspecified_range'
  | 'reserved_range'
  | 'public_resolver'
  | 'popular_domain'
  | 'police_domain'
  | 'government_domain'
  | 'reserved_domain'
  | 'empty_file_hash'
  | 'documentation_asn'
  | 'private_asn'
  | 'reserved_asn';

const PUBLIC_RESOLVER: WarningListName = 'public_resolver';

// ---------- IPv4: flattened, non-overlapping sorted intervals (most specific list wins) ----------

interface V4Range {
  readonly start: number;
  readonly end: number;
  readonly list: WarningListName;
}

function v4Cidr(cidr: string): { start: number; end: number } {
  const [addr = '', bitsText = '32'] = cidr.split('/');
  const bits = Number(bitsText);
  const base = parseIPv4(addr);
  if (base < 0 || !(bits >= 0 && bits <= 32)) throw new Error(`bad IPv4 CIDR in warning list: ${cidr}`);
  const size = 2 ** (32 - bits);
  const start = base - (base % size);
  return { start, end: start + size - 1 };
}

const v4Ranges: V4Range[] = [
  ...ipRangeData.v4.map((r) => ({ ...v4Cidr(r.cidr), list: r.list as WarningListName })),
  ...resolverData.operators.flatMap((op) => op.v4.map((ip) => ({ ...v4Cidr(`${ip}/32`), list: PUBLIC_RESOLVER }))),
];

const v4Flat = (() => {
  const bounds = new Set<number>();
  for (const r of v4Ranges) {
    bounds.add(r.start);
    bounds.add(r.end + 1);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const starts: number[] = [];
  const ends: number[] = [];
  const lists: WarningListName[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i] ?? 0;
    const e = (points[i + 1] ?? 0) - 1;
    let best: V4Range | undefined;
    for (const r of v4Ranges) {
      if (r.start <= s && r.end >= e && (!best || r.end - r.start < best.end - best.start)) best = r;
    }
    if (!best) continue;
    const last = lists.length - 1;
    if (last >= 0 && lists[last] === best.list && ends[last] === s - 1) ends[last] = e;
    else {
      starts.push(s);
      ends.push(e);
      lists.push(best.list);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), lists };
})();

function v4Lookup(value: number): WarningListName | null {
  const { starts, ends, lists } = v4Flat;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) > value) hi = mid - 1;
    else if ((ends[mid] ?? 0) < value) lo = mid + 1;
    else return lists[mid] ?? null;
  }
  return null;
}

/** Most specific listed range that wholly contains [start, end]. */
function v4ContainingRange(start: number, end: number): WarningListName | null {
  let best: V4Range | undefined;
  for (const r of v4Ranges) {
    if (r.start <= start && r.end >= end && (!best || r.end - r.start < best.end - best.start)) best = r;
  }
  return best ? best.list : null;
}

// ---------- IPv6: canonical-string Set for resolvers, parsed ranges for the rest ----------

const v6Resolvers = new Set(resolverData.operators.flatMap((op) => op.v6.map((ip) => ipaddr.IPv6.parse(ip).toRFC5952String())));
const v6Ranges = ipRangeData.v6
  .map((r) => {
    const [addr, bits] = ipaddr.IPv6.parseCIDR(r.cidr);
    return { addr, bits, list: r.list as WarningListName };
  })
  .sort((a, b) => b.bits - a.bits);

/** First 16-bit groups that some listed IPv6 range can start with: lets most global-unicast addresses skip parsing. */
const v6FirstGroups = new Set<number>();
const v6FirstGroupSpans: (readonly [number, number])[] = [];
for (const r of v6Ranges) {
  const first = r.addr.parts[0] ?? 0;
  if (r.bits >= 16) v6FirstGroups.add(first);
  else {
    const span = 2 ** (16 - r.bits);
    v6FirstGroupSpans.push([first - (first % span), first - (first % span) + span - 1]);
  }
}
v6FirstGroups.add(0); // IPv4-mapped ::ffff:a.b.c.d
// Resolvers too, so a non-canonical spelling (2a02:6b8::feed:0ff) still reaches the canonical Set check.
for (const ip of v6Resolvers) v6FirstGroups.add(parseInt(ip.slice(0, ip.indexOf(':')), 16));

function v6MayBeListed(ip: string): boolean {
  const colon = ip.indexOf(':');
  if (colon <= 0 || colon > 4) return true;
  const first = parseInt(ip.slice(0, colon), 16);
  if (Number.isNaN(first) || v6FirstGroups.has(first)) return true;
  for (const [lo, hi] of v6FirstGroupSpans) if (first >= lo && first <= hi) return true;
  return false;
}

function v6Warning(addr: ipaddr.IPv6): WarningListName | null {
  if (addr.isIPv4MappedAddress()) {
    const v4 = parseIPv4(addr.toIPv4Address().toString());
    return v4 >= 0 ? v4Lookup(v4) : null;
  }
  if (v6Resolvers.has(addr.toRFC5952String())) return PUBLIC_RESOLVER;
  for (const r of v6Ranges) if (addr.match(r.addr, r.bits)) return r.list;
  return null;
}

function ipWarning(ip: string): WarningListName | null {
  const v4 = parseIPv4(ip);
  if (v4 >= 0) return v4Lookup(v4);
  if (!ip.includes(':')) return null;
  if (v6Resolvers.has(ip)) return PUBLIC_RESOLVER;
  if (!v6MayBeListed(ip)) return null;
  let addr: ipaddr.IPv6;
  try {
    addr = ipaddr.IPv6.parse(ip);
  } catch {
    return null;
  }
  return v6Warning(addr);
}

function cidrWarning(cidr: string): WarningListName | null {
  const slash = cidr.indexOf('/');
  if (slash < 0) return ipWarning(cidr);
  const bits = Number(cidr.slice(slash + 1));
  if (!Number.isInteger(bits)) return null;
  const base = parseIPv4(cidr.slice(0, slash));
  if (base >= 0) {
    if (bits < 0 || bits > 32) return null;
    const size = 2 ** (32 - bits);
    const start = base - (base % size);
    return v4ContainingRange(start, start + size - 1);
  }
  let addr: ipaddr.IPv6;
  try {
    addr = ipaddr.IPv6.parse(cidr.slice(0, slash));
  } catch {
    return null;
  }
  if (bits < 0 || bits > 128) return null;
  if (bits === 128) return v6Warning(addr);
  if (addr.isIPv4MappedAddress() && bits >= 96) {
    const v4 = parseIPv4(addr.toIPv4Address().toString());
    const size = 2 ** (128 - bits);
    const start = v4 - (v4 % size);
    return v4 >= 0 ? v4ContainingRange(start, start + size - 1) : null;
  }
  for (const r of v6Ranges) if (r.bits <= bits && addr.match(r.addr, r.bits)) return r.list;
  return null;
}

// ---------- Domains ----------

const popular = new Set(popularData.domains);
const abusable = new Set(abusableData.suffixes);
const reservedTlds = new Set(reservedData.tlds);
const reservedDomains = new Set(reservedData.domains);
const governmentSuffixes = new Set(governmentData.governmentSuffixes);
const policeSuffixes = new Set(governmentData.policeSuffixes);
const prefectures = new Set(governmentData.prefectures);
const policePathPrefixes = governmentData.policePathPrefixes;

/** True when host equals an entry of the set or is a subdomain of one. */
function underAny(host: string, set: ReadonlySet<string>): boolean {
  for (let name = host; ;) {
    if (set.has(name)) return true;
    const dot = name.indexOf('.');
    if (dot < 0) return false;
    name = name.slice(dot + 1);
  }
}

/** pref.<prefecture>.jp or pref.<prefecture>.lg.jp at the end of the labels, optionally preceded by police. */
function prefectureHost(labels: readonly string[]): { police: boolean } | null {
  const n = labels.length;
  let i: number;
  if (labels[n - 1] === 'jp' && labels[n - 2] === 'lg') i = n - 3;
  else if (labels[n - 1] === 'jp') i = n - 2;
  else return null;
  const pref = labels[i];
  if (pref === undefined || !prefectures.has(pref) || labels[i - 1] !== 'pref') return null;
  return { police: labels[i - 2] === 'police' };
}

function domainWarning(rawHost: string, allowPopular: boolean): WarningListName | null {
  const host = rawHost.endsWith('.') ? rawHost.slice(0, -1) : rawHost;
  if (host === '') return null;
  const lastDot = host.lastIndexOf('.');
  const tld = lastDot < 0 ? host : host.slice(lastDot + 1);
  if (reservedTlds.has(tld) || underAny(host, reservedDomains)) return 'reserved_domain';
  if (tld === 'jp') {
    if (underAny(host, policeSuffixes)) return 'police_domain';
    const pref = prefectureHost(host.split('.'));
    if (pref) return pref.police ? 'police_domain' : 'government_domain';
    if (underAny(host, governmentSuffixes)) return 'government_domain';
  }
  if (!allowPopular || underAny(host, abusable)) return null;
  if (popular.has(host)) return 'popular_domain';
  const registrable = getDomain(host, { allowPrivateDomains: true });
  return registrable !== null && popular.has(registrable) ? 'popular_domain' : null;
}

/** Host (and path) of a canonical WHATWG URL such as https://user@host:8080/path?q. */
function splitUrl(url: string): { host: string; path: string } | null {
  const sep = url.indexOf('://');
  if (sep < 0) return null;
  const from = sep + 3;
  let to = url.length;
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) {
      to = i;
      break;
    }
  }
  let authority = url.slice(from, to);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host: string;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    host = close < 0 ? authority.slice(1) : authority.slice(1, close);
  } else {
    const colon = authority.indexOf(':');
    host = colon < 0 ? authority : authority.slice(0, colon);
  }
  return { host: host.toLowerCase(), path: url.slice(to) };
}

function urlWarning(url: string): WarningListName | null {
  const parts = splitUrl(url);
  if (!parts || parts.host === '') return null;
  const { host, path } = parts;
  if (parseIPv4(host) >= 0 || host.includes(':')) return ipWarning(host);
  const warning = domainWarning(host, true);
  // Prefectural police pages that live on the prefecture's site (www.pref.ibaraki.jp/kenkei/…).
  if (warning === 'government_domain' && prefectureHost(host.split('.')) && policePathPrefixes.some((p) => path.startsWith(p))) return 'police_domain';
  return warning;
}

function emailWarning(email: string): WarningListName | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const domain = email.slice(at + 1).toLowerCase();
  if (domain.startsWith('[')) return ipWarning(domain.slice(1, -1).replace(/^ipv6:/i, ''));
  // Popular mail domains (gmail.com, yahoo.co.jp, docomo.ne.jp …) host anyone's mailbox: an address there is
  // not "probably benign", so only reserved / police / government apply to e-mail.
  return domainWarning(domain, false);
}

// ---------- Hashes, cards, ASNs ----------

const emptyHashes = new Set([...hashData.empty_file_hash.md5, ...hashData.empty_file_hash.sha1, ...hashData.empty_file_hash.sha256]);

/** Canonical masked card form used by the extractor: BIN (first 6) + U+2026 + last 4. */
export function maskCard(digits: string): string {
  return `${digits.slice(0, 6)}\u2026${digits.slice(-4)}`;
}

function asnWarning(value: string): WarningListName | null {
  const m = /^(?:AS)?(\d{1,10})$/i.exec(value.trim());
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  if (n > 4294967295) return null;
  if ((n >= 64496 && n <= 64511) || (n >= 65536 && n <= 65551)) return 'documentation_asn';
  if ((n >= 64512 && n <= 65534) || (n >= 4200000000 && n <= 4294967294)) return 'private_asn';
  if (n === 0 || n === 23456 || n === 65535 || n === 4294967295 || (n >= 65552 && n <= 131071)) return 'reserved_asn';
  return null;
}

/**
 * Name of the warning list the canonical value is on, or null. Canonical forms: ipv4 dotted decimal, ipv6
 * RFC 5952, cidr 'a.b.c.d/n' (or IPv6 CIDR; flagged when wholly inside a listed range), domain lower-case
 * A-label, url WHATWG serialisation (its host is checked), email local@domain (its domain is checked, except
 * for the popular list), hashes lower-case hex, card BIN…last4, asn 'AS123' or '123'.
 */
export function warningFor(type: ObservableType, canonical: string): WarningListName | null {
  switch (type) {
    case 'ipv4':
    case 'ipv6':
      return ipWarning(canonical);
    case 'cidr':
      return cidrWarning(canonical);
    case 'domain':
      return domainWarning(canonical, true);
    case 'url':
      return urlWarning(canonical);
    case 'email':
      return emailWarning(canonical);
    case 'md5':
    case 'sha1':
    case 'sha256':
      return emptyHashes.has(canonical) ? 'empty_file_hash' : null;
    case 'card':
      // Published test numbers stay visible: phishing kits and carding dumps use them, and a
      // card number in a report is worth recording whatever it is.
      return null;
    case 'asn':
      return asnWarning(canonical);
    case 'cve':
    case 'phone':
    case 'bank_account_jp':
    case 'btc':
    case 'eth':
      return null;
  }
}

/** Sizes of the loaded lists (for the about page and tests). */
export const WARNING_LIST_STATS = {
  ipv4Ranges: v4Ranges.length,
  ipv6Ranges: v6Ranges.length + v6Resolvers.size,
  popularDomains: popular.size,
  abusableSuffixes: abusable.size,
} as const;
