// Hashes, CVE ids, AS numbers, Ethereum and Bitcoin addresses, payment cards.
import { createHmac } from 'node:crypto';
import { isValidBase58Address, isValidBech32Address } from './crypto-address.ts';
import type { Emit } from './hit.ts';

const HEX_RUN = /(?<![0-9A-Za-z])[0-9A-Fa-f]{32,64}(?![0-9A-Za-z])/g;
const ETH = /(?<![0-9A-Za-z])0[xX][0-9A-Fa-f]{40}(?![0-9A-Za-z])/g;
const CVE = /(?<![0-9A-Za-z])CVE-(\d{4})-(\d{4,7})(?![0-9])/gi;
const ASN = /(?<![0-9A-Za-z])(?:(AS|ASN)\s?|(as|asn))(\d{1,10})(?![0-9A-Za-z])/g;
const BTC = /(?<![0-9A-Za-z])(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71})(?![0-9A-Za-z])/g;
const CARD = /(?<![0-9A-Za-z-])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z]|-\d)/g;

const HASH_TYPE: Record<number, 'md5' | 'sha1' | 'sha256'> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

export function scanHashes(text: string, emit: Emit): void {
  for (const match of text.matchAll(HEX_RUN)) {
    const type = HASH_TYPE[match[0].length];
    if (!type || /^\d+$/.test(match[0])) continue;
    emit({ type, value: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(ETH)) {
    emit({ type: 'eth', value: `0x${match[0].slice(2).toLowerCase()}`, start: match.index, end: match.index + match[0].length });
  }
}

export function scanCveAndAsn(text: string, emit: Emit): void {
  for (const match of text.matchAll(CVE)) {
    emit({ type: 'cve', value: `CVE-${match[1] ?? ''}-${match[2] ?? ''}`, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(ASN)) {
    const number = Number(match[3]);
    if (!(number > 0 && number <= 4_294_967_295)) continue;
    emit({ type: 'asn', value: `AS${number}`, start: match.index, end: match.index + match[0].length });
  }
}

export function scanBitcoin(text: string, emit: Emit): void {
  for (const match of text.matchAll(BTC)) {
    const raw = match[0];
    const isBech32 = raw.toLowerCase().startsWith('bc1');
    if (isBech32 ? !isValidBech32Address(raw) : !isValidBase58Address(raw)) continue;
    emit({ type: 'btc', value: isBech32 ? raw.toLowerCase() : raw, start: match.index, end: match.index + raw.length });
  }
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Issuer ranges and lengths of the card brands seen in Japan; anything else is not taken for a card. */
function isKnownCardNumber(digits: string): boolean {
  const length = digits.length;
  const prefix2 = Number(digits.slice(0, 2));
  const prefix4 = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return length === 13 || length === 16 || length === 19;
  if ((prefix2 >= 51 && prefix2 <= 55) || (prefix4 >= 2221 && prefix4 <= 2720)) return length === 16;
  if (prefix2 === 34 || prefix2 === 37) return length === 15;
  if (prefix4 >= 3528 && prefix4 <= 3589) return length >= 16 && length <= 19;
  if (prefix2 === 36 || prefix2 === 38 || (prefix4 >= 3000 && prefix4 <= 3059)) return length >= 14 && length <= 16;
  if (digits.startsWith('6011') || prefix2 === 65 || (prefix4 >= 6440 && prefix4 <= 6499)) return length >= 16 && length <= 19;
  if (prefix2 === 62) return length >= 16 && length <= 19;
  return false;
}

/**
 * Card numbers count only with a valid Luhn check and a known issuer range. The full number never
 * leaves this function: the value is BIN + last four, and a keyed hash links repeat sightings.
 */
export function scanCards(text: string, emit: Emit, hashKey: string | undefined): void {
  for (const match of text.matchAll(CARD)) {
    const raw = match[0];
    if (/[ -]{2}/.test(raw)) continue;
    const digits = raw.replace(/[ -]/g, '');
    if (!isKnownCardNumber(digits) || !passesLuhn(digits)) continue;
    const value = `${digits.slice(0, 6)}…${digits.slice(-4)}`;
    const attributes: Record<string, string> = { bin: digits.slice(0, 6), last4: digits.slice(-4), length: String(digits.length) };
    if (hashKey) attributes.hash = createHmac('sha256', hashKey).update(digits).digest('hex');
    emit({ type: 'card', value, start: match.index, end: match.index + raw.length, attributes });
  }
}
