// Content type from the first bytes of a file, so that an upload's claimed type can be checked
// against what it really is (a .png that is an .exe, a .txt that is a PDF).

type Signature = { type: string; offset: number; bytes: readonly number[] };

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

const SIGNATURES: readonly Signature[] = [
  { type: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', offset: 0, bytes: ascii('GIF87a') },
  { type: 'image/gif', offset: 0, bytes: ascii('GIF89a') },
  { type: 'application/pdf', offset: 0, bytes: ascii('%PDF-') },
  { type: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { type: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { type: 'application/gzip', offset: 0, bytes: [0x1f, 0x8b] },
  { type: 'application/x-executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: 'application/x-msdownload', offset: 0, bytes: ascii('MZ') },
];

// ISO base media brands used by HEIF/HEIC stills and sequences (phone photos).
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

// Header names that open a stored message (.eml); an optional mbox "From " line may precede them.
const MAIL_HEADER = /^(Received|Return-Path|From|Delivered-To|Message-ID|MIME-Version|Date|Subject|To|Cc|Reply-To|X-[\w-]+):/i;
const HEADER_FIELD = /^[!-9;-~]+:/;
const HEADER_CONTINUATION = /^[ \t]/;
const MAIL_LINES_EXAMINED = 40;

function startsWith(head: Buffer, { offset, bytes }: Signature): boolean {
  return head.length >= offset + bytes.length && bytes.every((byte, index) => head[offset + index] === byte);
}

function sniffContainer(head: Buffer): string | undefined {
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(head.toString('latin1', 8, 12))) return 'image/heic';
  return undefined;
}

/** Control bytes that never appear in text files (tab, newlines, form feed and ESC are allowed). */
function isStrayControl(byte: number): boolean {
  return (byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(byte)) || byte === 0x7f;
}

function isMostlyPrintable(head: Buffer): boolean {
  let strays = 0;
  for (const byte of head) if (isStrayControl(byte)) strays += 1;
  return strays * 50 <= head.length;
}

function isUtf8(head: Buffer): boolean {
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the head.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Byte-pair structure of Shift_JIS (CP932) or EUC-JP, the legacy encodings of Japanese text. */
function isLegacyJapanese(head: Buffer): boolean {
  return isShiftJis(head) || isEucJp(head);
}

function isShiftJis(head: Buffer): boolean {
  for (let index = 0; index < head.length; index += 1) {
    const byte = head[index] ?? 0;
    if (byte < 0x80 || (byte >= 0xa1 && byte <= 0xdf)) continue;
    if (!((byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc))) return false;
    index += 1;
    if (index >= head.length) return true;
    const trail = head[index] ?? 0;
    if (trail < 0x40 || trail === 0x7f || trail > 0xfc) return false;
  }
  return true;
}

function isEucJp(head: Buffer): boolean {
  for (let index = 0; index < head.length; index += 1) {
    const byte = head[index] ?? 0;
    if (byte < 0x80) continue;
    const width = byte === 0x8f ? 2 : 1;
    if (byte !== 0x8e && byte !== 0x8f && (byte < 0xa1 || byte > 0xfe)) return false;
    for (let step = 0; step < width; step += 1) {
      index += 1;
      if (index >= head.length) return true;
      const trail = head[index] ?? 0;
      if (trail < 0xa1 || trail > 0xfe) return false;
    }
  }
  return true;
}

function isUtf16WithBom(head: Buffer): boolean {
  return head.length >= 2 && head.length % 2 === 0 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

/** A stored mail message: it opens with header fields, at least two of them typical of mail. */
function looksLikeMail(head: Buffer): boolean {
  const lines = head.toString('latin1').split(/\r?\n/, MAIL_LINES_EXAMINED);
  if (lines[0]?.startsWith('From ')) lines.shift();
  if (!HEADER_FIELD.test(lines[0] ?? '')) return false;
  let typical = 0;
  for (const line of lines) {
    if (HEADER_CONTINUATION.test(line)) continue;
    if (!HEADER_FIELD.test(line)) break;
    if (MAIL_HEADER.test(line)) typical += 1;
  }
  return typical >= 2;
}

function isText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  return isMostlyPrintable(head) && (isUtf8(head) || isLegacyJapanese(head));
}

/** MIME type of a file judged from its first bytes (up to 4 KiB); application/octet-stream when unknown. */
export function sniffType(head: Buffer): string {
  const signature = SIGNATURES.find((candidate) => startsWith(head, candidate));
  if (signature) return signature.type;
  const container = sniffContainer(head);
  if (container) return container;
  if (isUtf16WithBom(head)) return 'text/plain';
  if (!isText(head)) return 'application/octet-stream';
  return looksLikeMail(head) ? 'message/rfc822' : 'text/plain';
}
