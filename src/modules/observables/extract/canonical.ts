// Canonical forms: one value per observable. These forms are part of the contract (issue 3 §2).
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { parse as parseDomain } from 'tldts';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// RFC 2606/6761 names are not in the public suffix list but are written in reports (and warning-listed).
const RESERVED_TLDS = new Set(['test', 'invalid', 'example', 'localhost']);

/** Lower-case A-label form of a host name with a known public suffix and a registrable part, or null. */
export function canonicalDomain(host: string): string | null {
  const trimmed = host.endsWith('.') ? host.slice(0, -1) : host;
  if (trimmed.length === 0 || trimmed.length > 253) return null;
  const ascii = /^[\x21-\x7e]*$/.test(trimmed) ? trimmed.toLowerCase() : domainToASCII(trimmed);
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  const tld = labels[labels.length - 1] ?? '';
  if (RESERVED_TLDS.has(tld)) return labels.length >= 2 ? ascii : null;
  const parsed = parseDomain(ascii, { allowPrivateDomains: true, extractHostname: false });
  if (!(parsed.isIcann || parsed.isPrivate) || !parsed.domain || parsed.isIp) return null;
  if (/^\d+$/.test(parsed.publicSuffix ?? '')) return null;
  return ascii;
}

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function canonicalIpv4(text: string): string | null {
  const m = DOTTED_QUAD.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = Number(m[3]);
  const d = Number(m[4]);
  return a > 255 || b > 255 || c > 255 || d > 255 ? null : `${a}.${b}.${c}.${d}`;
}

export function canonicalIpv6(text: string): string | null {
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return null;
  try {
    return ipaddr.IPv6.parse(text).toRFC5952String();
  } catch {
    return null;
  }
}

export function canonicalCidr(address: string, prefix: number): string | null {
  const v4 = canonicalIpv4(address);
  if (v4 !== null) {
    if (prefix < 0 || prefix > 32) return null;
    return `${ipaddr.IPv4.networkAddressFromCIDR(`${v4}/${prefix}`).toString()}/${prefix}`;
  }
  const v6 = canonicalIpv6(address);
  if (v6 === null || prefix < 0 || prefix > 128) return null;
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${v6}/${prefix}`).toRFC5952String()}/${prefix}`;
}

/** WHATWG serialisation, with the host checked: a known domain, or an IP address. */
export function canonicalUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'ftp:'].includes(url.protocol)) return null;
  const host = url.hostname;
  const isIp = host.startsWith('[') || canonicalIpv4(host) !== null;
  if (!isIp && canonicalDomain(host) === null) return null;
  return url.href;
}

export function canonicalEmail(local: string, host: string): string | null {
  const domain = canonicalDomain(host);
  if (!domain || local.length === 0 || local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  return `${local}@${domain}`;
}
