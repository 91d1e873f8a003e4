// Koban observables ↔ STIX 2.1 cyber-observable objects and indicator patterns.
// Phone numbers, Japanese bank accounts and cryptocurrency wallets have no STIX type; they travel
// as new SCO types declared by extension-definition objects (STIX 2.1 §7.3), which every export
// that uses them carries. Card numbers never leave: Koban holds only a keyed hash of them.
import type { ObservableType } from '#modules/observables/index.ts';
import { kobanId, scoId } from './ids.ts';

export type ObservableRef = { type: ObservableType; value: string; attributes?: Record<string, string> | null };
export type StixObject = Record<string, unknown> & { type: string; id: string };

export const KOBAN_CREATED = '2026-12-06T00:00:00.000Z';

type CustomSco = { type: string; extension: string; name: string; description: string };

/** The new SCO types Koban declares, each with its extension definition. */
export const CUSTOM_SCOS = {
  phone: {
    type: 'x-koban-phone-number',
    extension: kobanId('extension-definition', 'x-koban-phone-number'),
    name: 'Koban phone number',
    description: 'A telephone number in E.164 form (value), e.g. +81312345678.',
  },
  bank: {
    type: 'x-koban-bank-account',
    extension: kobanId('extension-definition', 'x-koban-bank-account'),
    name: 'Koban Japanese bank account',
    description:
      'A Japanese bank account: value is bank code (4) - branch code (3) - account type (1 普通, 2 当座, 4 貯蓄, 9 other) - number (7); optional account_holder in half-width kana.',
  },
  wallet: {
    type: 'x-koban-cryptocurrency-wallet',
    extension: kobanId('extension-definition', 'x-koban-cryptocurrency-wallet'),
    name: 'Koban cryptocurrency wallet',
    description: 'A cryptocurrency address (value) with its currency (currency: BTC or ETH).',
  },
} as const satisfies Record<string, CustomSco>;

const CUSTOM_BY_TYPE: ReadonlyMap<string, CustomSco> = new Map(Object.values(CUSTOM_SCOS).map((c) => [c.type, c]));

/** The extension-definition object that declares a custom SCO type. */
export function extensionDefinition(custom: CustomSco, createdBy: string): StixObject {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: custom.extension,
    created_by_ref: createdBy,
    created: KOBAN_CREATED,
    modified: KOBAN_CREATED,
    name: custom.name,
    description: custom.description,
    schema: `https://koban.invalid/stix/${custom.type}/v1`,
    version: '1.0.0',
    extension_types: ['new-sco'],
  };
}

/** The extension definitions the given objects need. */
export function extensionDefinitionsFor(objects: Iterable<{ type: string }>, createdBy: string): StixObject[] {
  const needed = new Set<string>();
  for (const object of objects) if (CUSTOM_BY_TYPE.has(object.type)) needed.add(object.type);
  return [...needed].map((type) => extensionDefinition(CUSTOM_BY_TYPE.get(type) as CustomSco, createdBy));
}

function customSco(custom: CustomSco, properties: Record<string, string>): StixObject {
  return {
    type: custom.type,
    spec_version: '2.1',
    id: scoId(custom.type, { value: properties.value }),
    ...properties,
    extensions: { [custom.extension]: { extension_type: 'new-sco' } },
  };
}

const HASH_NAMES: Partial<Record<ObservableType, string>> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' };

/** The SCO of an observable, or null for types that do not leave Koban (cards) or are not SCOs (CVE, CIDR handled as ipv4/6). */
export function observableToSco(observable: ObservableRef): StixObject | null {
  const { type, value } = observable;
  const simple = (stixType: string): StixObject => ({ type: stixType, spec_version: '2.1', id: scoId(stixType, { value }), value });
  switch (type) {
    case 'ipv4':
      return simple('ipv4-addr');
    case 'ipv6':
      return simple('ipv6-addr');
    case 'cidr':
      return simple(value.includes(':') ? 'ipv6-addr' : 'ipv4-addr');
    case 'domain':
      return simple('domain-name');
    case 'url':
      return simple('url');
    case 'email':
      return simple('email-addr');
    case 'md5':
    case 'sha1':
    case 'sha256': {
      const hashes = { [HASH_NAMES[type] as string]: value };
      return { type: 'file', spec_version: '2.1', id: scoId('file', { hashes }), hashes };
    }
    case 'asn': {
      const number = Number(value.replace(/^AS/i, ''));
      return Number.isInteger(number) ? { type: 'autonomous-system', spec_version: '2.1', id: scoId('autonomous-system', { number }), number } : null;
    }
    case 'phone':
      return customSco(CUSTOM_SCOS.phone, { value });
    case 'bank_account_jp':
      return customSco(CUSTOM_SCOS.bank, { value, ...(observable.attributes?.holder ? { account_holder: observable.attributes.holder } : {}) });
    case 'btc':
    case 'eth':
      return customSco(CUSTOM_SCOS.wallet, { value, currency: type.toUpperCase() });
    case 'cve':
    case 'card':
      return null;
  }
}

function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The STIX pattern that matches an observable, e.g. `[ipv4-addr:value = '198.51.100.7']`. */
export function patternOf(observable: ObservableRef): string | null {
  if (observable.type === 'card' || observable.type === 'cve') return null;
  const hashName = HASH_NAMES[observable.type];
  if (hashName) return `[file:hashes.'${hashName}' = ${quoted(observable.value)}]`;
  if (observable.type === 'cidr') return `[${observable.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr'}:value ISSUBSET ${quoted(observable.value)}]`;
  const sco = observableToSco(observable);
  if (!sco) return null;
  if (sco.type === 'autonomous-system') return `[autonomous-system:number = ${String(sco.number)}]`;
  return `[${sco.type}:value = ${quoted(observable.value)}]`;
}

const TYPE_BY_SCO: Readonly<Record<string, ObservableType>> = {
  'ipv4-addr': 'ipv4',
  'ipv6-addr': 'ipv6',
  'domain-name': 'domain',
  url: 'url',
  'email-addr': 'email',
  'x-koban-phone-number': 'phone',
  'x-koban-bank-account': 'bank_account_jp',
};

const TYPE_BY_HASH: Readonly<Record<string, ObservableType>> = { MD5: 'md5', 'SHA-1': 'sha1', SHA1: 'sha1', 'SHA-256': 'sha256', SHA256: 'sha256' };

/** The (type, raw value) pairs an SCO carries; the caller canonicalises them. */
export function scoValues(sco: Record<string, unknown>): { type: ObservableType; value: string; attributes?: Record<string, string> }[] {
  const type = typeof sco.type === 'string' ? sco.type : '';
  if (type === 'file') {
    const hashes = sco.hashes;
    if (hashes === null || typeof hashes !== 'object') return [];
    return Object.entries(hashes as Record<string, unknown>).flatMap(([name, value]) => {
      const observableType = TYPE_BY_HASH[name.toUpperCase()];
      return observableType && typeof value === 'string' ? [{ type: observableType, value }] : [];
    });
  }
  if (type === 'autonomous-system') return typeof sco.number === 'number' ? [{ type: 'asn', value: `AS${sco.number}` }] : [];
  if (typeof sco.value !== 'string') return [];
  if (type === 'x-koban-cryptocurrency-wallet') {
    const currency = typeof sco.currency === 'string' ? sco.currency.toLowerCase() : '';
    return currency === 'btc' || currency === 'eth' ? [{ type: currency, value: sco.value }] : [];
  }
  if ((type === 'ipv4-addr' || type === 'ipv6-addr') && sco.value.includes('/')) return [{ type: 'cidr', value: sco.value }];
  const observableType = TYPE_BY_SCO[type];
  if (!observableType) return [];
  const holder = type === 'x-koban-bank-account' && typeof sco.account_holder === 'string' ? { holder: sco.account_holder } : undefined;
  return [{ type: observableType, value: sco.value, ...(holder ? { attributes: holder } : {}) }];
}

const COMPARISON = /([a-z0-9-]+):([a-z0-9_.'-]+?)\s*(=|ISSUBSET)\s*'((?:[^'\\]|\\.)*)'/gi;

/**
 * The observables an indicator's STIX pattern names by equality (`[url:value = '…']`,
 * `[file:hashes.'SHA-256' = '…']`, `ISSUBSET` for CIDRs). Comparisons joined by AND still name
 * each value; other operators (LIKE, MATCHES, >) name none.
 */
export function patternValues(pattern: string): { type: ObservableType; value: string }[] {
  const found: { type: ObservableType; value: string }[] = [];
  for (const match of pattern.matchAll(COMPARISON)) {
    const [, scoType = '', path = '', operator = '', literal = ''] = match;
    const value = literal.includes('\\') ? literal.replace(/\\(.)/g, '$1') : literal;
    if (operator.toUpperCase() === 'ISSUBSET') {
      if (scoType === 'ipv4-addr' || scoType === 'ipv6-addr')
        found.push({ type: value.includes('/') ? 'cidr' : scoType === 'ipv4-addr' ? 'ipv4' : 'ipv6', value });
      continue;
    }
    if (scoType === 'file') {
      const hashName = /^hashes\.'?([^']+)'?$/.exec(path)?.[1];
      const hashType = hashName ? TYPE_BY_HASH[hashName.toUpperCase()] : undefined;
      if (hashType) found.push({ type: hashType, value });
      continue;
    }
    if (path !== 'value') continue;
    if ((scoType === 'ipv4-addr' || scoType === 'ipv6-addr') && value.includes('/')) {
      found.push({ type: 'cidr', value });
      continue;
    }
    if (scoType === 'x-koban-cryptocurrency-wallet') {
      found.push({ type: /^0x/i.test(value) ? 'eth' : 'btc', value });
      continue;
    }
    const observableType = TYPE_BY_SCO[scoType];
    if (observableType) found.push({ type: observableType, value });
  }
  if (/autonomous-system/i.test(pattern))
    for (const match of pattern.matchAll(/autonomous-system:number\s*=\s*(\d{1,10})\b/gi)) found.push({ type: 'asn', value: `AS${match[1] ?? ''}` });
  return found;
}
