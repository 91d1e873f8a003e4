// IP → autonomous system from @ip-location-db/asn (RouteViews + RIR + DB-IP, CC BY 4.0), loaded lazily from the
// `-num` CSVs into sorted typed arrays and searched with a binary search. No network at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ipaddr from 'ipaddr.js';
import { parseIPv4 } from './ipv4.ts';

/** Date of the snapshot in @ip-location-db/asn 2.3.2026061719. */
export const ASN_DATA_DATE = '2026-06-17';
export const ASN_ATTRIBUTION =
  'IP to ASN data: ip-location-db/asn by sapics, from RouteViews, the NRO (5 RIRs) and DB-IP IP to ASN Lite (https://db-ip.com), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); snapshot 2026-06-17, modified (merged).';

export interface AsnInfo {
  readonly asn: number;
  readonly org: string;
}

interface V4Table {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly asns: Uint32Array;
  readonly orgIdx: Uint32Array;
}

interface V6Table {
  readonly startHi: BigUint64Array;
  readonly startLo: BigUint64Array;
  readonly endHi: BigUint64Array;
  readonly endLo: BigUint64Array;
  readonly asns: Uint32Array;
  readonly orgIdx: Uint32Array;
}

interface Tables {
  readonly v4: V4Table;
  readonly v6: V6Table;
  readonly orgs: readonly string[];
}

const MASK64 = (1n << 64n) - 1n;
let tables: Tables | undefined;

/** One CSV row of `start,end,asn,org` where org may be quoted with "" escapes. Returns the index after the line. */
interface Row {
  start: string;
  end: string;
  asn: number;
  org: string;
  next: number;
}

function parseRow(text: string, pos: number, row: Row): boolean {
  const c1 = text.indexOf(',', pos);
  if (c1 < 0) return false;
  const c2 = text.indexOf(',', c1 + 1);
  const c3 = text.indexOf(',', c2 + 1);
  if (c2 < 0 || c3 < 0) return false;
  row.start = text.slice(pos, c1);
  row.end = text.slice(c1 + 1, c2);
  row.asn = Number(text.slice(c2 + 1, c3));
  let p = c3 + 1;
  if (text.charCodeAt(p) === 34 /* " */) {
    let org = '';
    p++;
    for (;;) {
      const q = text.indexOf('"', p);
      if (q < 0) return false;
      org += text.slice(p, q);
      if (text.charCodeAt(q + 1) === 34) {
        org += '"';
        p = q + 2;
      } else {
        p = q + 1;
        break;
      }
    }
    row.org = org;
    const nl = text.indexOf('\n', p);
    row.next = nl < 0 ? text.length : nl + 1;
  } else {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = text.length;
    row.org = text.slice(p, text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    row.next = nl + 1;
  }
  return true;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n + 1;
}

function loadTables(): Tables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const orgs: string[] = [];
  const orgIds = new Map<string, number>();
  const orgId = (org: string): number => {
    let id = orgIds.get(org);
    if (id === undefined) {
      id = orgs.length;
      // A fresh string, so the kept name does not pin the whole CSV text (V8 sliced strings keep their parent);
      // the file is read as latin1, so this also decodes UTF-8 names.
      orgs.push(Buffer.from(org, 'latin1').toString('utf8'));
      orgIds.set(org, id);
    }
    return id;
  };
  const row: Row = { start: '', end: '', asn: 0, org: '', next: 0 };

  const text4 = readFileSync(require.resolve('@ip-location-db/asn/asn-ipv4-num.csv'), 'latin1');
  const cap4 = countLines(text4);
  const starts = new Uint32Array(cap4);
  const ends = new Uint32Array(cap4);
  const asns4 = new Uint32Array(cap4);
  const org4 = new Uint32Array(cap4);
  let n4 = 0;
  for (let pos = 0; pos < text4.length && parseRow(text4, pos, row); pos = row.next) {
    starts[n4] = Number(row.start);
    ends[n4] = Number(row.end);
    asns4[n4] = row.asn;
    org4[n4] = orgId(row.org);
    n4++;
  }

  const text6 = readFileSync(require.resolve('@ip-location-db/asn/asn-ipv6-num.csv'), 'latin1');
  const cap6 = countLines(text6);
  const startHi = new BigUint64Array(cap6);
  const startLo = new BigUint64Array(cap6);
  const endHi = new BigUint64Array(cap6);
  const endLo = new BigUint64Array(cap6);
  const asns6 = new Uint32Array(cap6);
  const org6 = new Uint32Array(cap6);
  let n6 = 0;
  for (let pos = 0; pos < text6.length && parseRow(text6, pos, row); pos = row.next) {
    const s = BigInt(row.start);
    const e = BigInt(row.end);
    startHi[n6] = s >> 64n;
    startLo[n6] = s & MASK64;
    endHi[n6] = e >> 64n;
    endLo[n6] = e & MASK64;
    asns6[n6] = row.asn;
    org6[n6] = orgId(row.org);
    n6++;
  }
  tables = {
    v4: { starts: starts.subarray(0, n4), ends: ends.subarray(0, n4), asns: asns4.subarray(0, n4), orgIdx: org4.subarray(0, n4) },
    v6: {
      startHi: startHi.subarray(0, n6),
      startLo: startLo.subarray(0, n6),
      endHi: endHi.subarray(0, n6),
      endLo: endLo.subarray(0, n6),
      asns: asns6.subarray(0, n6),
      orgIdx: org6.subarray(0, n6),
    },
    orgs,
  };
  return tables;
}

/** Row counts and approximate typed-array bytes (for tests and the about page). */
export function asnTableStats(): { v4Rows: number; v6Rows: number; orgs: number; typedArrayBytes: number } {
  const t = loadTables();
  const bytes =
    t.v4.starts.byteLength +
    t.v4.ends.byteLength +
    t.v4.asns.byteLength +
    t.v4.orgIdx.byteLength +
    t.v6.startHi.byteLength * 4 +
    t.v6.asns.byteLength +
    t.v6.orgIdx.byteLength;
  return { v4Rows: t.v4.starts.length, v6Rows: t.v6.startHi.length, orgs: t.orgs.length, typedArrayBytes: bytes };
}

function lookupV4(t: Tables, ip: number): AsnInfo | null {
  const { starts, ends } = t.v4;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) <= ip) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0 || (ends[found] ?? 0) < ip) return null;
  return { asn: t.v4.asns[found] ?? 0, org: t.orgs[t.v4.orgIdx[found] ?? 0] ?? '' };
}

function lookupV6(t: Tables, ipHi: bigint, ipLo: bigint): AsnInfo | null {
  const { startHi, startLo, endHi, endLo } = t.v6;
  let lo = 0;
  let hi = startHi.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const sh = startHi[mid] ?? 0n;
    if (sh < ipHi || (sh === ipHi && (startLo[mid] ?? 0n) <= ipLo)) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return null;
  const eh = endHi[found] ?? 0n;
  if (eh < ipHi || (eh === ipHi && (endLo[found] ?? 0n) < ipLo)) return null;
  return { asn: t.v6.asns[found] ?? 0, org: t.orgs[t.v6.orgIdx[found] ?? 0] ?? '' };
}

/** Origin AS of an IPv4/IPv6 address, or null (private, unrouted, not an address). IPv4-mapped IPv6 is looked up as IPv4. */
export function asnOf(ip: string): AsnInfo | null {
  const t = loadTables();
  const v4 = parseIPv4(ip);
  if (v4 >= 0) return lookupV4(t, v4);
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip.trim());
  } catch {
    return null;
  }
  if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) addr = addr.toIPv4Address();
  if (addr instanceof ipaddr.IPv4) {
    const [a = 0, b = 0, c = 0, d = 0] = addr.octets;
    return lookupV4(t, ((a << 24) >>> 0) + (b << 16) + (c << 8) + d);
  }
  const parts = addr.parts;
  let hi = 0n;
  let lo = 0n;
  for (let i = 0; i < 4; i++) hi = (hi << 16n) | BigInt(parts[i] ?? 0);
  for (let i = 4; i < 8; i++) lo = (lo << 16n) | BigInt(parts[i] ?? 0);
  return lookupV6(t, hi, lo);
}
