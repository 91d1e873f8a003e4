// The host and registrable domain stored beside each observable, which serve the relations
// URL → host → registrable domain, e-mail → domain and subdomain → domain through indexes.
import { getDomain } from 'tldts';
import type { ObservableType } from './observables.contract.ts';

export type HostFacts = { host: string | null; registrable: string | null };

const NONE: HostFacts = { host: null, registrable: null };

function factsOfHost(host: string): HostFacts {
  return { host, registrable: getDomain(host, { allowPrivateDomains: true }) };
}

export function hostFactsOf(type: ObservableType, value: string): HostFacts {
  switch (type) {
    case 'domain':
      return factsOfHost(value);
    case 'email':
      return factsOfHost(value.slice(value.lastIndexOf('@') + 1));
    case 'url': {
      const host = new URL(value).hostname;
      return host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host) ? { host: host.replace(/^\[|\]$/g, ''), registrable: null } : factsOfHost(host);
    }
    case 'ipv4':
    case 'ipv6':
    case 'cidr':
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'cve':
    case 'asn':
    case 'phone':
    case 'bank_account_jp':
    case 'btc':
    case 'eth':
    case 'card':
      return NONE;
  }
}
