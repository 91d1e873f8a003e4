// Checksums for cryptocurrency addresses, so a random base58-looking word is not a wallet.
import { createHash } from 'node:crypto';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map(Array.from(BASE58, (c, i) => [c, i]));

function base58Decode(text: string): Uint8Array | null {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_INDEX.get(char);
    if (digit === undefined) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Legacy P2PKH (1…) and P2SH (3…) addresses: 25 bytes with a double-SHA-256 checksum. */
export function isValidBase58Address(text: string): boolean {
  const bytes = base58Decode(text);
  if (!bytes || bytes.length !== 25) return false;
  const version = bytes[0];
  if (version !== 0x00 && version !== 0x05) return false;
  const checksum = sha256(sha256(bytes.subarray(0, 21)));
  return checksum.subarray(0, 4).equals(bytes.subarray(21));
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i += 1) if ((top >>> i) & 1) chk ^= GENERATORS[i] ?? 0;
  }
  return chk >>> 0;
}

/** Segwit addresses (bc1…): bech32 for version 0, bech32m for later versions. */
export function isValidBech32Address(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower !== text && text.toUpperCase() !== text) return false;
  const separator = lower.lastIndexOf('1');
  const hrp = lower.slice(0, separator);
  if (hrp !== 'bc') return false;
  const data: number[] = [];
  for (const char of lower.slice(separator + 1)) {
    const index = BECH32_CHARSET.indexOf(char);
    if (index < 0) return false;
    data.push(index);
  }
  if (data.length < 7) return false;
  const codes = Array.from(hrp, (c) => c.charCodeAt(0));
  const expanded = [...codes.map((c) => c >> 5), 0, ...codes.map((c) => c & 31)];
  const check = polymod([...expanded, ...data]);
  const version = data[0];
  if (version === 0) return check === 1 && (data.length - 7 === 32 || data.length - 7 === 52);
  return check === 0x2bc830a3 && version !== undefined && version <= 16;
}
