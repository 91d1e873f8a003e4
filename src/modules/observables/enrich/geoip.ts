// IP → country (ISO 3166-1 alpha-2) from the frozen npm snapshot of ip-location-db geo-whois-asn-country.
// The combined IPv4+IPv6 mmdb is read synchronously on first use (no network, no file watching).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ipaddr from 'ipaddr.js';
import { Reader } from 'maxmind';
import type { CountryResponse } from 'maxmind';

/** Date of the data snapshot in @ip-location-db/geo-whois-asn-country-mmdb 2.3.2026061719: show it wherever a country is shown. */
export const GEOIP_DATA_DATE = '2026-06-17';
export const GEOIP_ATTRIBUTION =
  'IP country data: ip-location-db geo-whois-asn-country (sapics, CC0 1.0; derived from RIR whois/ASN data of the NRO, CC BY 4.0), snapshot 2026-06-17';

/** ip-location-db stores a flat { country_code } record, not MaxMind's nested country.iso_code. */
interface CountryRecord extends CountryResponse {
  readonly country_code?: string;
}

let reader: Reader<CountryRecord> | undefined;

function load(): Reader<CountryRecord> {
  if (reader) return reader;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb');
  reader = new Reader<CountryRecord>(readFileSync(file));
  return reader;
}

/** Country of an IPv4/IPv6 address, or null when unknown, private/reserved or not an address. IPv4-mapped IPv6 is looked up as IPv4. */
export function countryOf(ip: string): string | null {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip.trim());
  } catch {
    return null;
  }
  if (addr.kind() === 'ipv6' && addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) addr = addr.toIPv4Address();
  const record = load().get(addr.toString());
  const code = record?.country_code;
  return typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : null;
}
