// What a CSV "type" column may say, in Koban's, STIX's, MISP's or Japanese words, read as the
// observable types a value of that row may canonicalise to. A name wider than one type (MISP's
// ip-dst holds IPv4, IPv6 or a CIDR; "hash" any digest) admits all of them.
import type { ObservableType } from '#modules/observables/index.ts';
import { normaliseHeaderName } from './header-names.ts';

const IP: readonly ObservableType[] = ['ipv4', 'ipv6', 'cidr'];
const HASH: readonly ObservableType[] = ['md5', 'sha1', 'sha256'];
const WALLET: readonly ObservableType[] = ['btc', 'eth'];

const TYPES: Readonly<Record<string, readonly ObservableType[]>> = {
  ipv4: ['ipv4', 'cidr'],
  ipv4addr: ['ipv4', 'cidr'],
  ipv6: ['ipv6', 'cidr'],
  ipv6addr: ['ipv6', 'cidr'],
  ip: IP,
  ipaddr: IP,
  ipaddress: IP,
  ipdst: IP,
  ipsrc: IP,
  ipアドレス: IP,
  cidr: ['cidr'],
  iprange: ['cidr'],
  domain: ['domain'],
  domainname: ['domain'],
  hostname: ['domain'],
  host: ['domain'],
  fqdn: ['domain'],
  ドメイン: ['domain'],
  ドメイン名: ['domain'],
  ホスト名: ['domain'],
  url: ['url'],
  uri: ['url'],
  link: ['url'],
  email: ['email'],
  emailaddr: ['email'],
  emailaddress: ['email'],
  emailsrc: ['email'],
  emaildst: ['email'],
  mail: ['email'],
  メール: ['email'],
  メールアドレス: ['email'],
  md5: ['md5'],
  sha1: ['sha1'],
  sha256: ['sha256'],
  hash: HASH,
  ハッシュ: HASH,
  ハッシュ値: HASH,
  phone: ['phone'],
  phonenumber: ['phone'],
  tel: ['phone'],
  telephone: ['phone'],
  電話: ['phone'],
  電話番号: ['phone'],
  bankaccountjp: ['bank_account_jp'],
  bankaccount: ['bank_account_jp'],
  口座: ['bank_account_jp'],
  口座番号: ['bank_account_jp'],
  銀行口座: ['bank_account_jp'],
  btc: ['btc'],
  bitcoin: ['btc'],
  ビットコイン: ['btc'],
  eth: ['eth'],
  ethereum: ['eth'],
  イーサリアム: ['eth'],
  wallet: WALLET,
  cryptocurrencywallet: WALLET,
  ウォレット: WALLET,
  暗号資産アドレス: WALLET,
  asn: ['asn'],
  as: ['asn'],
  autonomoussystem: ['asn'],
  as番号: ['asn'],
  cve: ['cve'],
  vulnerability: ['cve'],
  脆弱性: ['cve'],
  card: ['card'],
};

const TYPES_BY_NAME: ReadonlyMap<string, readonly ObservableType[]> = new Map(Object.entries(TYPES));

/** The types a type-column text admits; null when the name is not one Koban knows. */
export function observableTypesOfName(name: string): readonly ObservableType[] | null {
  return TYPES_BY_NAME.get(normaliseHeaderName(name)) ?? null;
}
