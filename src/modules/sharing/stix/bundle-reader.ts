// Streams the elements of a STIX 2.1 bundle's "objects" array without parsing the whole file:
// a national feed can be several GB, which neither fits JSON.parse nor a string. Bytes are
// scanned for depth and string state only; each element's text is cut out whole and left to the
// caller to JSON.parse, so one malformed object is that object's error, not the bundle's.
import { createReadStream } from 'node:fs';

export type BundleEntry = { index: number; text: string; byteOffset: number };
export type BundleHead = { type?: unknown; id?: unknown; spec_version?: unknown };
export type BundleSyntaxCode = 'stix.json_syntax' | 'stix.object_too_large';

export class BundleSyntaxError extends Error {
  constructor(
    message: string,
    readonly byteOffset: number,
    readonly code: BundleSyntaxCode = 'stix.json_syntax',
  ) {
    super(`${message} (byte ${byteOffset})`);
    this.name = 'BundleSyntaxError';
  }
}

export const DEFAULT_MAX_OBJECT_BYTES = 16 * 1024 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Yields each element of the top-level "objects" array as its exact JSON text, in order.
 * `head` receives the bundle's `type`, `id` and `spec_version` as they are passed, which may be
 * after the objects. Throws BundleSyntaxError when the file's structure stops further cutting,
 * or when one element (or other member value) exceeds `maxObjectBytes`.
 */
export async function* readBundleObjects(
  source: AsyncIterable<Buffer | Uint8Array>,
  head?: BundleHead,
  maxObjectBytes: number = DEFAULT_MAX_OBJECT_BYTES,
): AsyncGenerator<BundleEntry> {
  const cutter = new BundleCutter(head, maxObjectBytes);
  for await (const chunk of source) {
    for (const entry of cutter.push(chunk)) yield entry;
  }
  cutter.end();
}

export function openBundleFile(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

type Phase =
  'bom' | 'top' | 'firstMember' | 'member' | 'name' | 'colon' | 'value' | 'headValue' | 'arrayStart' | 'elementStart' | 'element' | 'afterValue' | 'done';

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function recordHeadMember(head: BundleHead, name: string, value: unknown): void {
  if (name === 'type') head.type = value;
  else if (name === 'id') head.id = value;
  else if (name === 'spec_version') head.spec_version = value;
}

/** Index of the quote closing the string whose content includes `from`, or -1 if not in `buf` yet. */
function findStringEnd(buf: Buffer, from: number): number {
  let quote = buf.indexOf(QUOTE, from);
  while (quote >= 0) {
    let before = quote - 1;
    while (buf[before] === BACKSLASH) before -= 1;
    if ((quote - 1 - before) % 2 === 0) return quote;
    quote = buf.indexOf(QUOTE, quote + 1);
  }
  return -1;
}

/**
 * Push-driven state machine. `buf` holds the bytes from `mark` (the start of whatever is being
 * cut: a member name, a member value or an element) plus the latest chunk, so a cut piece is
 * always contiguous: UTF-8 sequences and escapes split across chunks need no special care.
 */
class BundleCutter {
  private buf: Buffer = Buffer.alloc(0);
  private base = 0; // absolute offset of buf[0]
  private mark = 0;
  private pos = 0;
  private phase: Phase = 'bom';
  private depth = 0;
  private stringStart = -1; // opening quote of the string the scan stopped inside, else -1
  private memberName = '';
  private index = 0;
  private readonly head: BundleHead | undefined;
  private readonly maxObjectBytes: number;

  constructor(head: BundleHead | undefined, maxObjectBytes: number) {
    this.head = head;
    this.maxObjectBytes = maxObjectBytes;
  }

  push(chunk: Uint8Array): BundleEntry[] {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const kept = this.buf.length - this.mark;
    const next = kept > 0 ? Buffer.concat([this.buf.subarray(this.mark), bytes]) : bytes;
    this.base += this.mark;
    this.pos -= this.mark;
    if (this.stringStart >= 0) this.stringStart -= this.mark;
    this.mark = 0;
    this.buf = next;
    const entries: BundleEntry[] = [];
    this.run(entries, false);
    if (this.isCutting() && this.buf.length - this.mark > this.maxObjectBytes) this.throwTooLarge();
    return entries;
  }

  end(): void {
    this.run([], true);
    if (this.phase === 'done') return;
    if (this.stringStart >= 0) this.fail('unterminated string at end of input', this.stringStart);
    this.fail(`unexpected end of input (${this.phase})`, this.buf.length);
  }

  private isCutting(): boolean {
    return this.phase === 'name' || this.phase === 'headValue' || this.phase === 'element' || this.phase === 'bom';
  }

  private fail(message: string, localOffset: number): never {
    throw new BundleSyntaxError(message, this.base + localOffset);
  }

  private throwTooLarge(): never {
    throw new BundleSyntaxError(`value larger than ${this.maxObjectBytes} bytes`, this.base + this.mark, 'stix.object_too_large');
  }

  /** Advances as far as the buffered bytes allow; phases return false when they need more. */
  private run(out: BundleEntry[], atEnd: boolean): void {
    while (this.step(out, atEnd));
    if (!this.isCutting()) this.mark = this.pos;
  }

  private step(out: BundleEntry[], atEnd: boolean): boolean {
    switch (this.phase) {
      case 'bom':
        return this.skipBom(atEnd);
      case 'top':
        return this.expectByte(OPEN_BRACE, 'firstMember', 'the bundle must be a JSON object');
      case 'firstMember':
        if (!this.skipWhitespace()) return false;
        if (this.buf[this.pos] === CLOSE_BRACE) return this.consume('done');
        return this.startName();
      case 'member':
        return this.skipWhitespace() && this.startName();
      case 'name':
        return this.cutName();
      case 'colon':
        return this.expectByte(COLON, 'value', 'expected ":" after member name');
      case 'value':
        return this.startValue();
      case 'headValue':
        return this.cutHeadValue();
      case 'arrayStart':
        if (!this.skipWhitespace()) return false;
        if (this.buf[this.pos] === CLOSE_BRACKET) return this.consume('afterValue');
        this.phase = 'elementStart';
        return true;
      case 'elementStart':
        return this.startElement();
      case 'element':
        return this.cutElement(out);
      case 'afterValue':
        if (!this.skipWhitespace()) return false;
        if (this.buf[this.pos] === COMMA) return this.consume('member');
        return this.expectByte(CLOSE_BRACE, 'done', 'expected "," or "}" after member value');
      case 'done':
        if (this.skipWhitespace()) this.fail('unexpected content after the bundle', this.pos);
        return false;
    }
  }

  private skipBom(atEnd: boolean): boolean {
    const { buf, pos } = this;
    if (buf.length - pos < 3 && !atEnd) return false;
    if (buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) this.pos += 3;
    this.phase = 'top';
    return true;
  }

  private skipWhitespace(): boolean {
    const { buf } = this;
    let pos = this.pos;
    while (pos < buf.length && isWhitespace(buf[pos])) pos += 1;
    this.pos = pos;
    return pos < buf.length;
  }

  private consume(next: Phase): boolean {
    this.pos += 1;
    this.phase = next;
    return true;
  }

  private expectByte(byte: number, next: Phase, message: string): boolean {
    if (!this.skipWhitespace()) return false;
    if (this.buf[this.pos] !== byte) this.fail(message, this.pos);
    return this.consume(next);
  }

  private startName(): boolean {
    if (this.buf[this.pos] !== QUOTE) this.fail('expected a member name', this.pos);
    this.mark = this.pos;
    this.stringStart = this.pos;
    this.pos += 1;
    this.phase = 'name';
    return true;
  }

  private cutName(): boolean {
    const close = findStringEnd(this.buf, this.pos);
    if (close < 0) {
      this.pos = this.buf.length;
      return false;
    }
    this.memberName = String(this.parseCut(close + 1));
    this.stringStart = -1;
    this.pos = close + 1;
    this.phase = 'colon';
    return true;
  }

  private startValue(): boolean {
    if (!this.skipWhitespace()) return false;
    if (this.memberName === 'objects') {
      if (this.buf[this.pos] !== OPEN_BRACKET) this.fail('"objects" must be an array', this.pos);
      return this.consume('arrayStart');
    }
    this.startCut('headValue');
    return true;
  }

  private cutHeadValue(): boolean {
    const end = this.scanValue();
    if (end < 0) return false;
    if (this.buf[end] === CLOSE_BRACKET) this.fail('unbalanced "]" in a bundle member', end);
    const value = this.parseCut(this.trimEnd(end));
    if (this.head) recordHeadMember(this.head, this.memberName, value);
    this.pos = end;
    this.phase = 'afterValue';
    return true;
  }

  private startElement(): boolean {
    if (!this.skipWhitespace()) return false;
    const byte = this.buf[this.pos];
    if (byte === COMMA || byte === CLOSE_BRACKET) this.fail('missing element in "objects"', this.pos);
    this.startCut('element');
    return true;
  }

  private cutElement(out: BundleEntry[]): boolean {
    const end = this.scanValue();
    if (end < 0) return false;
    const terminator = this.buf[end];
    if (terminator === CLOSE_BRACE) this.fail('unbalanced "}" in "objects"', end);
    const textEnd = this.trimEnd(end);
    if (textEnd - this.mark > this.maxObjectBytes) this.throwTooLarge();
    out.push({ index: this.index, text: this.buf.toString('utf8', this.mark, textEnd), byteOffset: this.base + this.mark });
    this.index += 1;
    this.pos = end + 1;
    this.phase = terminator === COMMA ? 'elementStart' : 'afterValue';
    return true;
  }

  private startCut(phase: Phase): void {
    this.mark = this.pos;
    this.depth = 0;
    this.phase = phase;
  }

  private trimEnd(end: number): number {
    let textEnd = end;
    while (textEnd > this.mark && isWhitespace(this.buf[textEnd - 1])) textEnd -= 1;
    if (textEnd === this.mark) this.fail('missing value', end);
    return textEnd;
  }

  private parseCut(end: number): unknown {
    const text = this.buf.toString('utf8', this.mark, end);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new BundleSyntaxError(`invalid JSON in a bundle member: ${String(error)}`, this.base + this.mark, 'stix.json_syntax');
    }
  }

  /**
   * Scans from `pos` for the byte that ends the value begun at `mark`: a ",", "]" or "}" outside
   * strings at depth 0. Returns its index, or -1 (with the scan state saved) if not in `buf` yet.
   * Bracket kinds are only counted, not matched: a mismatch inside an element is that element's
   * JSON error, and counting alone still finds where the element ends.
   */
  private scanValue(): number {
    const { buf } = this;
    const length = buf.length;
    let pos = this.pos;
    let depth = this.depth;
    if (this.stringStart >= 0) {
      const close = findStringEnd(buf, pos);
      if (close < 0) {
        this.pos = length;
        return -1;
      }
      this.stringStart = -1;
      pos = close + 1;
    }
    while (pos < length) {
      const byte = buf[pos];
      if (byte === QUOTE) {
        const close = findStringEnd(buf, pos + 1);
        if (close < 0) {
          this.stringStart = pos;
          this.pos = length;
          this.depth = depth;
          return -1;
        }
        pos = close + 1;
        continue;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (depth === 0) return pos;
        depth -= 1;
      } else if (byte === COMMA && depth === 0) return pos;
      pos += 1;
    }
    this.pos = pos;
    this.depth = depth;
    return -1;
  }
}
