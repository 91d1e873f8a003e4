// Finds every observable in a text: folds and refangs it, runs the scanners, keeps the
// strongest hit where hits overlap, maps offsets back to the source and flags warning-listed values.
import type { ExtractedObservable, ObservableType } from '../observables.contract.ts';
import { warningFor } from '../warning-lists/warning-lists.ts';
import type { RawHit } from './hit.ts';
import { normaliseText, toSourceSpan } from './normalise.ts';
import { scanBankAccounts } from './scan-bank.ts';
import { scanEmails, scanHostsAndIpv4, scanIdnHosts, scanIpv6, scanUrls } from './scan-network.ts';
import { scanPhones } from './scan-phone.ts';
import { scanBitcoin, scanCards, scanCveAndAsn, scanHashes } from './scan-tokens.ts';

export type ExtractOptions = {
  /** Return warning-listed values too (flagged); by default they are left out. */
  includeWarnings?: boolean;
  /** Key for the keyed hash of card numbers; without it cards carry no hash. */
  cardHashKey?: string;
};

// Where hits overlap, the larger structure wins: a URL over the host inside it, an e-mail over
// its domain, a CIDR over its address, a bank account over the digits in it.
const PRIORITY: Record<ObservableType, number> = {
  url: 100,
  email: 90,
  bank_account_jp: 85,
  cidr: 80,
  ipv6: 75,
  ipv4: 70,
  eth: 65,
  sha256: 60,
  sha1: 59,
  md5: 58,
  btc: 55,
  card: 50,
  phone: 45,
  cve: 40,
  asn: 35,
  domain: 30,
};

function resolveOverlaps(hits: RawHit[]): RawHit[] {
  const ranked = [...hits].sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RawHit[] = [];
  const taken: [number, number][] = [];
  for (const hit of ranked) {
    if (taken.some(([s, e]) => hit.start < e && s < hit.end)) continue;
    kept.push(hit);
    taken.push([hit.start, hit.end]);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const CHUNK = 1 << 20;

/** Splits long texts at line breaks (or spaces) near 1 MiB so each piece is scanned once. */
function* chunks(text: string): Generator<[string, number]> {
  if (text.length <= CHUNK) {
    yield [text, 0];
    return;
  }
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + CHUNK);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      const space = text.lastIndexOf(' ', end);
      const cut = Math.max(newline, space);
      if (cut > offset + CHUNK / 2) end = cut + 1;
    }
    yield [text.slice(offset, end), offset];
    offset = end;
  }
}

export function extractObservables(text: string, options: ExtractOptions = {}): ExtractedObservable[] {
  const results: ExtractedObservable[] = [];
  for (const [piece, base] of chunks(text)) {
    const normalised = normaliseText(piece);
    const hits: RawHit[] = [];
    const emit = (hit: RawHit) => hits.push(hit);
    const folded = normalised.text;
    // Each scanner needs a character most texts lack; checking for it first skips whole passes.
    const hasColon = folded.includes(':');
    const hasDot = folded.includes('.');
    if (hasColon && folded.includes('//')) scanUrls(folded, emit);
    if (folded.includes('@')) scanEmails(folded, emit);
    if (hasDot) {
      scanHostsAndIpv4(folded, emit);
      scanIdnHosts(folded, emit);
    }
    if (hasColon) scanIpv6(folded, emit);
    scanHashes(folded, emit);
    if (/cve|as/i.test(folded)) scanCveAndAsn(folded, emit);
    scanBitcoin(folded, emit);
    scanCards(folded, emit, options.cardHashKey);
    scanPhones(folded, emit);
    scanBankAccounts(folded, emit);
    for (const hit of resolveOverlaps(hits)) {
      const warning = warningFor(hit.type, hit.value);
      if (warning && !options.includeWarnings) continue;
      const [start, end] = toSourceSpan(normalised, hit.start, hit.end);
      results.push({
        type: hit.type,
        value: hit.value,
        start: start + base,
        end: end + base,
        warning,
        ...(hit.attributes ? { attributes: hit.attributes } : {}),
      });
    }
  }
  return results;
}
