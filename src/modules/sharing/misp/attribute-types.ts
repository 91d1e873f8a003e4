// Which MISP attribute types Koban reads, and as what. Composite types (`filename|sha256`,
// `domain|ip`) list one entry per `|`-separated part; null marks a part Koban does not hold
// (file names, ports). The first held part is the one an indicator's pattern names.
import type { ObservableType } from '#modules/observables/index.ts';

export type MispTypeRule =
  | {
      kind: 'observable';
      parts: readonly (ObservableType | null)[];
      /** False for references (`link`): they are observed, never detected on. */
      canIndicate: boolean;
      /** A value that is not a Koban observable is a kind Koban does not hold (a relative `uri`, a foreign account), not an error. */
      isForeignWhenUnreadable: boolean;
    }
  | { kind: 'vulnerability' }
  | { kind: 'ignored' }
  | { kind: 'unsupported'; reason: string };

const observable = (parts: (ObservableType | null)[], extra: { canIndicate?: boolean; isForeignWhenUnreadable?: boolean } = {}): MispTypeRule => ({
  kind: 'observable',
  parts,
  canIndicate: extra.canIndicate ?? true,
  isForeignWhenUnreadable: extra.isForeignWhenUnreadable ?? false,
});

// ipv4 stands for "an IP address": the value decides between ipv4, ipv6 and cidr.
const RULES: Readonly<Record<string, MispTypeRule>> = {
  'ip-src': observable(['ipv4']),
  'ip-dst': observable(['ipv4']),
  'ip-src|port': observable(['ipv4', null]),
  'ip-dst|port': observable(['ipv4', null]),
  domain: observable(['domain']),
  hostname: observable(['domain']),
  'hostname|port': observable(['domain', null]),
  'domain|ip': observable(['domain', 'ipv4']),
  url: observable(['url']),
  uri: observable(['url'], { isForeignWhenUnreadable: true }),
  link: observable(['url'], { canIndicate: false }),
  email: observable(['email']),
  'email-src': observable(['email']),
  'email-dst': observable(['email']),
  'email-reply-to': observable(['email']),
  'whois-registrant-email': observable(['email']),
  md5: observable(['md5']),
  sha1: observable(['sha1']),
  sha256: observable(['sha256']),
  'filename|md5': observable([null, 'md5']),
  'filename|sha1': observable([null, 'sha1']),
  'filename|sha256': observable([null, 'sha256']),
  'malware-sample': observable([null, 'md5']),
  'phone-number': observable(['phone']),
  'whois-registrant-phone': observable(['phone']),
  btc: observable(['btc']),
  AS: observable(['asn']),
  'bank-account-nr': observable(['bank_account_jp'], { isForeignWhenUnreadable: true }),
  vulnerability: { kind: 'vulnerability' },
  text: { kind: 'ignored' },
  comment: { kind: 'ignored' },
  xmr: { kind: 'unsupported', reason: 'Koban holds Bitcoin and Ethereum wallets only' },
  iban: { kind: 'unsupported', reason: 'Koban holds Japanese bank accounts (bank-branch-type-number) only' },
};

/** An ETH address in MISP is a `coin-address` object's `address-crypto` text beside `symbol` ETH (MISP has no eth type). */
export const ETH_RULE: MispTypeRule = observable(['eth']);

export function mispTypeRule(type: string): MispTypeRule {
  const rule = Object.hasOwn(RULES, type) ? RULES[type] : undefined;
  return rule ?? { kind: 'unsupported', reason: `MISP type "${type}" is not imported` };
}

const ATTRIBUTION_CATEGORIES = new Set(['Attribution', 'Person', 'Social network']);
const HOSTILE_CATEGORIES = new Set([
  'Network activity',
  'Payload delivery',
  'Payload installation',
  'Payload type',
  'Artifacts dropped',
  'Antivirus detection',
  'Persistence mechanism',
  'Financial fraud',
]);

/** STIX indicator-type-ov from the MISP category. */
export function indicatorTypeOf(category: string | null): string {
  if (category && ATTRIBUTION_CATEGORIES.has(category)) return 'attribution';
  if (category && HOSTILE_CATEGORIES.has(category)) return 'malicious-activity';
  return 'unknown';
}
