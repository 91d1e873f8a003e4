// URLs, e-mail addresses, host names, IPv4/IPv6 addresses and CIDR blocks.
// Every pattern starts at the beginning of a run (a negative look-behind on its own character
// class), so each run is read once and time stays linear on adversarial input.
import { canonicalCidr, canonicalDomain, canonicalEmail, canonicalIpv4, canonicalIpv6, canonicalUrl } from './canonical.ts';
import type { Emit } from './hit.ts';

const URL_START = /(?<![A-Za-z0-9+.-])(?:https?|ftp):\/\//gi;
const EMAIL_AT = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@/g;
const HOST_RUN = /(?<![A-Za-z0-9_.@-])[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/g;
// At most four hex digits before the first colon: most words fail after a few characters.
const IPV6_RUN = /(?<![0-9A-Za-z:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]+(?:\/\d{1,3})?/g;
// Mail headers write address literals as [IPv6:…]; the prefix's colon would hide the start.
const IPV6_LITERAL = /(?<=IPv6:)[0-9A-Fa-f:.]+/gi;
const CIDR_SUFFIX = /^\/(\d{1,2})(?!\d|\.\d)/;

// Letters that may appear in an IDN label: anything that is not ASCII, space or CJK punctuation.
function isIdnChar(code: number): boolean {
  if (code < 0x80) return false;
  if (code >= 0x3000 && code <= 0x303f) return false; // 、。「」『』【】〜 etc.
  if (code >= 0xff00 && code <= 0xffef) return false; // full-width forms left after folding
  if (code === 0x30fb) return false; // ・
  return true;
}

function isHostChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    isIdnChar(code)
  );
}

/**
 * Reads a host name from `start`; returns its end. A label that runs from ASCII straight into
 * Japanese (example.jpにアクセス) ends where the ASCII ends: top-level domains are one script or the other.
 */
export function readHost(text: string, start: number): number {
  let end = start;
  while (end < text.length && isHostChar(text.charCodeAt(end))) end += 1;
  const host = text.slice(start, end);
  const lastDot = host.lastIndexOf('.');
  if (lastDot >= 0) {
    const tld = host.slice(lastDot + 1);
    const asciiPrefix = /^[A-Za-z0-9-]+/.exec(tld);
    if (asciiPrefix && asciiPrefix[0].length < tld.length) end = start + lastDot + 1 + asciiPrefix[0].length;
  }
  while (end > start && (text[end - 1] === '.' || text[end - 1] === '-')) end -= 1;
  return end;
}

// Longer runs are data (base64 blobs, minified code), not links; parsing them would cost O(n) each.
const MAX_URL_LENGTH = 4096;
const URL_BODY_STOP = new Set(Array.from(' \t\r\n<>"`{}|\\^\''));
const TRAILING_PUNCTUATION = new Set(Array.from('.,;:!?*\'"'));

/** Remembers the end of the last path run, so nested schemes (http://http://…) do not rescan it. */
type PathRunCache = { start: number; end: number };

function readUrlEnd(text: string, afterScheme: number, cache: PathRunCache): number {
  let i = afterScheme;
  // userinfo@, host (IDN allowed), [IPv6], :port
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    i = close < 0 ? i : close + 1;
  } else {
    i = readHost(text, i);
    while (text[i] === '@') i = readHost(text, i + 1);
  }
  if (text[i] === ':') {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j += 1;
    i = j;
  }
  if (text[i] === '/' || text[i] === '?' || text[i] === '#') {
    if (i >= cache.start && i < cache.end) i = cache.end;
    else {
      const from = i;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code >= 0x7f || code < 0x21 || URL_BODY_STOP.has(text[i] ?? ' ')) break;
        i += 1;
      }
      cache.start = from;
      cache.end = i;
    }
  }
  return trimUrlTail(text, afterScheme, i);
}

function trimUrlTail(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    const last = text[e - 1] ?? '';
    if (TRAILING_PUNCTUATION.has(last)) {
      e -= 1;
      continue;
    }
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const open = pairs[last];
    if (open !== undefined) {
      const body = text.slice(start, e);
      if (body.split(open).length - 1 < body.split(last).length - 1) {
        e -= 1;
        continue;
      }
    }
    return e;
  }
}

export function scanUrls(text: string, emit: Emit): void {
  const cache: PathRunCache = { start: -1, end: -1 };
  for (const match of text.matchAll(URL_START)) {
    const start = match.index;
    const end = readUrlEnd(text, start + match[0].length, cache);
    if (end <= start + match[0].length || end - start > MAX_URL_LENGTH) continue;
    const value = canonicalUrl(text.slice(start, end));
    if (value) emit({ type: 'url', value, start, end });
  }
}

const MESSAGE_ID_HEADERS = ['message-id', 'in-reply-to', 'references'];

/** True for the id@host inside a Message-ID style header (checked only right after a "<"). */
function isMessageId(text: string, start: number): boolean {
  if (text[start - 1] !== '<') return false;
  const window = text.slice(Math.max(0, start - 200), start);
  const line = window.slice(window.lastIndexOf('\n') + 1).toLowerCase();
  return MESSAGE_ID_HEADERS.some((header) => line.includes(header));
}

export function scanEmails(text: string, emit: Emit): void {
  for (const match of text.matchAll(EMAIL_AT)) {
    const start = match.index;
    const at = start + match[0].length;
    const end = readHost(text, at);
    const local = match[0].slice(0, -1);
    if (isMessageId(text, start)) {
      // A Message-ID names the sending host, not a mailbox.
      const domain = canonicalDomain(text.slice(at, end));
      if (domain) emit({ type: 'domain', value: domain, start: at, end });
      continue;
    }
    const value = canonicalEmail(local, text.slice(at, end));
    if (value) emit({ type: 'email', value, start, end });
  }
}

// File-name extensions that are also top-level domains: a bare "readme.md" or "photos.zip" in
// text is a file far more often than a host. They still count inside URLs and e-mail addresses.
const FILE_LIKE_TLDS = new Set(['zip', 'mov', 'md', 'sh', 'py', 'rs', 'pl', 'ps', 'cs', 'js', 'ts', 'php', 'pdf', 'doc', 'exe', 'bat', 'cab', 'png']);

export function scanHostsAndIpv4(text: string, emit: Emit): void {
  for (const match of text.matchAll(HOST_RUN)) {
    const start = match.index;
    let end = start + match[0].length;
    const candidate = match[0];
    if (/^[\d.]+$/.test(candidate)) {
      const ip = canonicalIpv4(candidate);
      if (!ip) continue;
      if (/[vV]$/.test(text.slice(Math.max(0, start - 1), start))) continue;
      const cidr = CIDR_SUFFIX.exec(text.slice(end, end + 4));
      if (cidr?.[1]) {
        const value = canonicalCidr(ip, Number(cidr[1]));
        if (value) {
          emit({ type: 'cidr', value, start, end: end + cidr[0].length });
          continue;
        }
      }
      emit({ type: 'ipv4', value: ip, start, end });
      continue;
    }
    if (candidate.includes('_')) continue;
    // An IDN label may continue the run when the text around it is delimited (「例え.jp」).
    end = readHost(text, start);
    const host = text.slice(start, end);
    const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
    if (FILE_LIKE_TLDS.has(tld) && host.split('.').length === 2) continue;
    const value = canonicalDomain(host);
    if (value) emit({ type: 'domain', value, start, end });
  }
}

export function scanIpv6(text: string, emit: Emit): void {
  const runs = text.includes('IPv6:') || text.includes('ipv6:') ? [...text.matchAll(IPV6_RUN), ...text.matchAll(IPV6_LITERAL)] : text.matchAll(IPV6_RUN);
  for (const match of runs) {
    let raw = match[0];
    if (raw.indexOf(':') === raw.lastIndexOf(':')) continue;
    let prefix: number | null = null;
    const slash = raw.indexOf('/');
    if (slash >= 0) {
      prefix = Number(raw.slice(slash + 1));
      raw = raw.slice(0, slash);
    }
    while (raw.endsWith('.') || (raw.endsWith(':') && !raw.endsWith('::'))) raw = raw.slice(0, -1);
    const start = match.index;
    if (prefix !== null) {
      const value = canonicalCidr(raw, prefix);
      if (value) {
        emit({ type: 'cidr', value, start, end: start + match[0].length });
        continue;
      }
    }
    const value = canonicalIpv6(raw);
    if (value) emit({ type: 'ipv6', value, start, end: start + raw.length });
  }
}

// An internationalised host in running text only counts when something delimits it on both
// sides (space, brackets, Japanese punctuation): Japanese has no spaces between words.
const IDN_HOST = /(?<=^|[\s「『（(【[<"'、。:：])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?=$|[\s」』）)】\]>"'、。,，:：/])/gu;

export function scanIdnHosts(text: string, emit: Emit): void {
  // An internationalised name needs a dot next to a non-ASCII letter; most prose has none.
  if (!/[^ -~\s]\.|\.[^ -~\s]/.test(text)) return;
  for (const match of text.matchAll(IDN_HOST)) {
    if (!/[^ -~\t\n\r]/.test(match[0])) continue;
    const value = canonicalDomain(match[0]);
    if (value) emit({ type: 'domain', value, start: match.index, end: match.index + match[0].length });
  }
}
