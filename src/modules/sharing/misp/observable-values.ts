// A light check and tidy of MISP values before they become STIX objects: trimmed, hashes and host
// names lowercased, phone numbers to E.164, AS numbers as `AS<n>`. It only has to reject what
// would make a wrong or invalid STIX object; the importer canonicalises every value again.
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import type { ObservableType } from '#modules/observables/index.ts';

/** Longest value read from an attribute: more is a hostile or broken export, not an indicator. */
export const MAX_VALUE_CHARS = 8192;

const HASH_LENGTHS: Partial<Record<ObservableType, number>> = { md5: 32, sha1: 40, sha256: 64 };
const DOMAIN = /^(?=.{1,253}$)(?:(?!-)[a-z0-9_-]{1,63}(?<!-)\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const EMAIL = /^[^\s@]{1,64}@([^\s@]+)$/;
// Bech32 (bc1…, either case) or Base58 (1… / 3…, case-sensitive: no 0, O, I, l).
const BTC = /^(?:bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/;
const ETH = /^0x[0-9a-f]{40}$/i;
const ASN = /^(?:AS)?\s?(\d{1,10})$/i;
const CVE = /^CVE-\d{4}-\d{4,}$/i;
const BANK_ACCOUNT_JP = /^(\d{4})[-\s]?(\d{3})[-\s]?([1249])[-\s]?(\d{7})$/;
const MAX_ASN = 4_294_967_295;

function domainValue(raw: string): string | null {
  const trimmed = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  const ascii = /^[\x21-\x7e]*$/.test(trimmed) ? trimmed.toLowerCase() : domainToASCII(trimmed);
  return DOMAIN.test(ascii) ? ascii : null;
}

function ipValue(raw: string): { type: ObservableType; value: string } | null {
  const [address = '', prefix, ...rest] = raw.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const value = version === 6 ? address.toLowerCase() : address;
  if (prefix === undefined) return { type: version === 6 ? 'ipv6' : 'ipv4', value };
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (version === 6 ? 128 : 32) ? { type: 'cidr', value: `${value}/${bits}` } : null;
}

/** Japanese numbers written nationally (03-1234-5678) become +81…; others must already carry +country. */
function phoneValue(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/[\s\-().]/g, '');
  const international = digits.startsWith('+')
    ? digits
    : digits.startsWith('00')
      ? `+${digits.slice(2)}`
      : digits.startsWith('0')
        ? `+81${digits.slice(1)}`
        : '';
  return /^\+[1-9]\d{6,14}$/.test(international) ? international : null;
}

function urlValue(raw: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(raw)) return null;
  try {
    return new URL(raw).hostname ? raw : null;
  } catch {
    return null;
  }
}

/** The (possibly retyped, e.g. an IP with a prefix is a CIDR) observable a MISP value names, or null when it is not one. */
export function observableValue(type: ObservableType, input: string): { type: ObservableType; value: string } | null {
  const raw = input.trim();
  if (raw.length === 0 || raw.length > MAX_VALUE_CHARS) return null;
  const same = (value: string | null) => (value === null ? null : { type, value });
  switch (type) {
    case 'ipv4':
    case 'ipv6':
    case 'cidr':
      return ipValue(raw);
    case 'domain':
      return same(domainValue(raw));
    case 'url':
      return same(urlValue(raw));
    case 'email': {
      const host = EMAIL.exec(raw)?.[1];
      const domain = host ? domainValue(host) : null;
      return same(domain ? `${raw.slice(0, raw.lastIndexOf('@'))}@${domain}` : null);
    }
    case 'md5':
    case 'sha1':
    case 'sha256':
      return same(new RegExp(`^[0-9a-f]{${HASH_LENGTHS[type] ?? 0}}$`, 'i').test(raw) ? raw.toLowerCase() : null);
    case 'asn': {
      const number = Number(ASN.exec(raw)?.[1] ?? NaN);
      return same(Number.isInteger(number) && number <= MAX_ASN ? `AS${number}` : null);
    }
    case 'phone':
      return same(phoneValue(raw));
    case 'bank_account_jp': {
      const parts = BANK_ACCOUNT_JP.exec(raw.normalize('NFKC'));
      return same(parts ? parts.slice(1).join('-') : null);
    }
    case 'btc':
      return same(BTC.test(raw) ? (/^bc1/i.test(raw) ? raw.toLowerCase() : raw) : null);
    case 'eth':
      return same(ETH.test(raw) ? raw.toLowerCase() : null);
    case 'cve':
      return same(CVE.test(raw) ? raw.toUpperCase() : null);
    case 'card':
      return null;
  }
}
