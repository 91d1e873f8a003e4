// A Koban observable → the MISP attribute that carries it. MISP has no type for Ethereum
// addresses: they travel as a `coin-address` object (address-crypto + symbol ETH), the form
// MISP's own object template prescribes, and are read back from it.
import type { ObservableType } from '#modules/observables/index.ts';
import { uuidv5 } from '../stix/ids.ts';
import type { MispAttribute, MispObject, MispTag } from './types.ts';

export type AttributeFacts = {
  uuid: string;
  toIds: boolean;
  timestamp: string;
  comment: string;
  tags: MispTag[];
  firstSeen: string | null;
  lastSeen: string | null;
};

type MispPlace = { type: string; category: string };

const PLACES: Readonly<Record<Exclude<ObservableType, 'eth' | 'card'>, MispPlace>> = {
  ipv4: { type: 'ip-dst', category: 'Network activity' },
  ipv6: { type: 'ip-dst', category: 'Network activity' },
  cidr: { type: 'ip-dst', category: 'Network activity' },
  domain: { type: 'domain', category: 'Network activity' },
  url: { type: 'url', category: 'Network activity' },
  email: { type: 'email-src', category: 'Payload delivery' },
  md5: { type: 'md5', category: 'Payload delivery' },
  sha1: { type: 'sha1', category: 'Payload delivery' },
  sha256: { type: 'sha256', category: 'Payload delivery' },
  phone: { type: 'phone-number', category: 'Other' },
  bank_account_jp: { type: 'bank-account-nr', category: 'Financial fraud' },
  btc: { type: 'btc', category: 'Financial fraud' },
  asn: { type: 'AS', category: 'Network activity' },
  cve: { type: 'vulnerability', category: 'External analysis' },
};

const COIN_ADDRESS_TEMPLATE = { uuid: 'd0e6997e-78da-4815-a6a1-cfc1c1cb8a46', version: '7' };

export function mispAttribute(place: MispPlace, value: string, facts: AttributeFacts, relation?: string): MispAttribute {
  return {
    uuid: facts.uuid,
    type: place.type,
    category: place.category,
    value,
    to_ids: facts.toIds,
    distribution: '5',
    comment: facts.comment,
    timestamp: facts.timestamp,
    disable_correlation: false,
    ...(relation ? { object_relation: relation } : {}),
    ...(facts.firstSeen ? { first_seen: facts.firstSeen } : {}),
    ...(facts.lastSeen ? { last_seen: facts.lastSeen } : {}),
    ...(facts.tags.length > 0 ? { Tag: facts.tags } : {}),
  };
}

function ethObject(value: string, facts: AttributeFacts): MispObject {
  const symbolFacts: AttributeFacts = { ...facts, uuid: uuidv5(facts.uuid, 'symbol'), toIds: false, comment: '', tags: [], firstSeen: null, lastSeen: null };
  return {
    uuid: uuidv5(facts.uuid, 'coin-address'),
    name: 'coin-address',
    'meta-category': 'financial',
    description: 'An address used in a cryptocurrency',
    template_uuid: COIN_ADDRESS_TEMPLATE.uuid,
    template_version: COIN_ADDRESS_TEMPLATE.version,
    timestamp: facts.timestamp,
    distribution: '5',
    comment: '',
    Attribute: [
      mispAttribute({ type: 'text', category: 'Financial fraud' }, value, facts, 'address-crypto'),
      { ...mispAttribute({ type: 'text', category: 'Other' }, 'ETH', symbolFacts, 'symbol'), disable_correlation: true },
    ],
  };
}

/** The attribute (or, for ETH, object) of an observable; null for card numbers, which never leave Koban. */
export function observableToMisp(type: ObservableType, value: string, facts: AttributeFacts): { attribute: MispAttribute } | { object: MispObject } | null {
  if (type === 'card') return null;
  if (type === 'eth') return { object: ethObject(value, facts) };
  // MISP validates an AS attribute as a bare number (it strips an "AS" prefix before checking).
  const mispValue = type === 'asn' ? value.replace(/^AS/i, '') : value;
  return { attribute: mispAttribute(PLACES[type], mispValue, facts) };
}
