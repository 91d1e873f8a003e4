// Folds a text into the form the scanners read, keeping a map back to source offsets:
// full-width ASCII → ASCII, ideographic space → space, zero-width characters dropped, and
// defanged forms refanged ([.] (.) {.} [dot] → ".", [at] [@] (at) → "@", [:] → ":", hxxp → http).
export type NormalisedText = {
  text: string;
  /** sourceIndex[i] is the source offset of text[i]; one extra entry holds the source length. Null when identical. */
  sourceIndex: Int32Array | null;
};

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30fc, 0xff70]);

// Bracketed defang tokens, lower-cased, without the brackets.
const DEFANG_TOKENS: ReadonlyMap<string, string> = new Map([
  ['.', '.'],
  ['dot', '.'],
  ['at', '@'],
  ['@', '@'],
  [':', ':'],
  ['://', '://'],
  ['/', '/'],
]);
const OPENERS: Record<number, number> = { 0x5b: 0x5d, 0x28: 0x29, 0x7b: 0x7d }; // [] () {}

function foldChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

// What makes a rebuild worth it: full-width letters, digits and URL punctuation, zero-width
// characters, dashes between digits, bracketed defang tokens, hxxp. Japanese prose alone (with its
// （）、：ー) does not, and skipping the rebuild there is most of extraction's speed (bench/extract).
const NEEDS_WORK =
  /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff20\uff0e\uff0f\uff3b\uff5b\u200b-\u200d\u2060\ufeff\u00ad]|\d[\u30fc\uff70\u2010-\u2015\u2212\uff0d]\d|\uff08\d|\d\uff09|[[({](?:\.|dot|at|@|:|:\/\/|\/)[\])}]|hxxp/i;

/** True when nothing in the text would change; lets most text skip the rebuild. */
function needsWork(text: string): boolean {
  return NEEDS_WORK.test(text);
}

/** Reads a defang token starting at an opening bracket in the folded view; returns [replacement, length] or null. */
function readDefang(folded: (i: number) => number, length: number, at: number): [string, number] | null {
  const close = OPENERS[folded(at)];
  if (close === undefined) return null;
  let token = '';
  for (let i = at + 1; i < length && i <= at + 5; i += 1) {
    const code = folded(i);
    if (code === close) {
      const replacement = DEFANG_TOKENS.get(token.toLowerCase());
      return replacement === undefined ? null : [replacement, i - at + 1];
    }
    token += String.fromCharCode(code);
  }
  return null;
}

export function normaliseText(source: string): NormalisedText {
  if (!needsWork(source)) return { text: source, sourceIndex: null };
  const length = source.length;
  const out = new Uint16Array(length);
  const index = new Int32Array(length + 1);
  const folded = (i: number) => foldChar(source.charCodeAt(i));
  let n = 0;
  let changed = false;
  for (let i = 0; i < length; i += 1) {
    const raw = source.charCodeAt(i);
    if (raw < 0x80 && raw !== 0x5b && raw !== 0x28 && raw !== 0x7b && raw !== 0x68 && raw !== 0x48) {
      // Plain ASCII that starts no defang token: copied as is (most characters of most texts).
      out[n] = raw;
      index[n] = i;
      n += 1;
      continue;
    }
    if (ZERO_WIDTH.has(raw)) {
      changed = true;
      continue;
    }
    let code = foldChar(raw);
    if (HYPHENS.has(raw)) {
      // A long dash or ー between digits is a separator (090ー1234ー5678); elsewhere leave it.
      if (n > 0 && isDigitCode(out[n - 1] ?? 0) && i + 1 < length && isDigitCode(folded(i + 1))) code = 0x2d;
    }
    if (code === 0x5b || code === 0x28 || code === 0x7b) {
      const defang = readDefang(folded, length, i);
      if (defang) {
        const [replacement, consumed] = defang;
        for (let k = 0; k < replacement.length; k += 1) {
          out[n] = replacement.charCodeAt(k);
          index[n] = i;
          n += 1;
        }
        i += consumed - 1;
        changed = true;
        continue;
      }
    }
    if ((code === 0x68 || code === 0x48) && (folded(i + 1) | 0x20) === 0x78 && (folded(i + 2) | 0x20) === 0x78 && (folded(i + 3) | 0x20) === 0x70) {
      // hxxp / hXXp → http
      out[n] = 0x68;
      out[n + 1] = 0x74;
      out[n + 2] = 0x74;
      out[n + 3] = 0x70;
      for (let k = 0; k < 4; k += 1) index[n + k] = i + k;
      n += 4;
      i += 3;
      changed = true;
      continue;
    }
    if (code !== raw) changed = true;
    out[n] = code;
    index[n] = i;
    n += 1;
  }
  index[n] = length;
  if (!changed) return { text: source, sourceIndex: null };
  return { text: Buffer.from(out.buffer, 0, n * 2).toString('utf16le'), sourceIndex: index.subarray(0, n + 1) };
}

/** Maps a [start, end) span of the normalised text back to the source. */
export function toSourceSpan(normalised: NormalisedText, start: number, end: number): [number, number] {
  const map = normalised.sourceIndex;
  if (!map) return [start, end];
  const sourceStart = map[start] ?? 0;
  // The end is one past the last character's source position (which may have been a multi-char token).
  const last = map[end - 1] ?? sourceStart;
  const next = map[end] ?? last + 1;
  return [sourceStart, Math.max(next, last + 1)];
}
