// The criminals' infrastructure of the demo year, drawn once and then reused across reports and
// cases on purpose: the same phishing domains, mule bank accounts, C2 addresses and wallets turn
// up again and again, so correlation has something to show. Values are fictitious: domains are
// made-up names, phone numbers are in the 5555 blocks, bank accounts use real bank and branch
// names (so they parse and resolve against the Zengin table) with invented account numbers.
// Documentation ranges (192.0.2.0/24 …) and reserved names are warning-listed and never correlate,
// so C2 and VPN-scanner addresses are invented public-looking ones; they appear only with 「デモ」 text.
import { createHash } from 'node:crypto';
import type { Random } from './demo.random.ts';

/** Bank and branch names the Zengin table resolves (checked by `koban extract`). */
const MULE_BANKS = [
  '常陽銀行 本店営業部',
  '三井住友銀行 新宿支店',
  'みずほ銀行 渋谷支店',
  'りそな銀行 大阪営業部',
  '楽天銀行 第一営業支店',
  'PayPay銀行 すずめ支店',
  '住信SBIネット銀行 法人第一支店',
] as const;

const LURE_WORDS = ['parcel-check', 'delivery-notice', 'account-verify', 'card-secure', 'bank-login', 'tax-refund', 'point-campaign', 'mobile-bill'] as const;
const SHOP_WORDS = ['brand-outlet', 'sale-market', 'camera-deals', 'sneaker-store', 'kitchen-select'] as const;
const PHISHING_TLDS = ['top', 'xyz', 'shop', 'cyou', 'icu'] as const;
const RANSOM_FAMILIES = [
  { family: 'DemoLock', extension: '.demolock' },
  { family: 'KakuuCrypt', extension: '.kakuu' },
  { family: 'NightMoth', extension: '.moth' },
] as const;

export type MuleAccount = { text: string; holder: string };
export type RansomFamily = { family: string; extension: string; leakSite: string; wallet: string; hashes: string[] };

export type Infrastructure = {
  phishingDomains: string[];
  fakeShopDomains: string[];
  smsSenders: string[];
  scamPhones: string[];
  muleAccounts: MuleAccount[];
  c2Addresses: string[];
  vpnScanners: string[];
  btcWallets: string[];
  ethWallets: string[];
  malwareHashes: string[];
  ransomware: RansomFamily[];
};

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A legacy (P2PKH) address with a valid checksum over a random, never-derived-from-a-key payload. */
function fictitiousBtcAddress(random: Random): string {
  const payload = Buffer.from([0, ...Array.from({ length: 20 }, () => random.int(0, 255))]);
  const checksum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest().subarray(0, 4);
  const bytes = Buffer.concat([payload, checksum]);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let text = '';
  while (n > 0n) {
    text = (BASE58[Number(n % 58n)] ?? '') + text;
    n /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

function publicLookingIp(random: Random): string {
  return `${random.pick([5, 31, 37, 46, 77, 89, 91, 141, 176, 185, 193, 194])}.${random.int(16, 250)}.${random.int(0, 255)}.${random.int(2, 254)}`;
}

/** Pools grow with the scale but keep a floor, so even a tiny demo shares infrastructure. */
export function drawInfrastructure(random: Random, scale: number): Infrastructure {
  const size = (base: number, floor: number) => Math.max(floor, Math.round(base * scale));
  const distinct = (count: number, make: () => string) => {
    const values = new Set<string>();
    while (values.size < count) values.add(make());
    return [...values];
  };
  return {
    phishingDomains: distinct(size(24, 4), () => `${random.pick(LURE_WORDS)}-${random.token(4)}.${random.pick(PHISHING_TLDS)}`),
    fakeShopDomains: distinct(size(12, 3), () => `${random.pick(SHOP_WORDS)}-${random.token(4)}.${random.pick(PHISHING_TLDS)}`),
    smsSenders: distinct(size(10, 3), () => `090-5555-${random.digits(4)}`),
    scamPhones: distinct(size(8, 3), () => `050-5555-${random.digits(4)}`),
    muleAccounts: Array.from({ length: size(20, 4) }, () => ({
      text: `${random.pick(MULE_BANKS)} 普通 ${random.int(1, 9)}${random.digits(6)}`,
      holder: `デモ${random.pick(['ショウジ', 'トレード', 'サービス', 'コウギョウ'])}（カ`,
    })),
    c2Addresses: distinct(size(10, 3), () => publicLookingIp(random)),
    vpnScanners: distinct(size(8, 3), () => publicLookingIp(random)),
    btcWallets: Array.from({ length: size(8, 3) }, () => fictitiousBtcAddress(random)),
    ethWallets: Array.from({ length: size(6, 2) }, () => `0x${random.hex(40)}`),
    malwareHashes: Array.from({ length: size(16, 4) }, () => random.hex(64)),
    ransomware: RANSOM_FAMILIES.map((r) => ({
      ...r,
      leakSite: `${r.family.toLowerCase()}-leaks-${random.token(4)}.top`,
      wallet: fictitiousBtcAddress(random),
      hashes: Array.from({ length: 2 }, () => random.hex(64)),
    })),
  };
}

/** One of a pool, skewed: the first few values are drawn far more often than the rest. */
export function pickShared<T>(random: Random, pool: readonly T[]): T {
  const index = Math.floor(pool.length * random.next() * random.next());
  const value = pool[index] ?? pool[0];
  if (value === undefined) throw new Error('empty infrastructure pool');
  return value;
}
