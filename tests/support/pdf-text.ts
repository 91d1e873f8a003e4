// Reads the text back out of a PDF written by pdfkit with embedded (subset) fonts: inflates the
// streams, maps each font's glyph codes through its ToUnicode CMap, and decodes Tj/TJ strings in
// the order they are drawn. Enough to check what a generated document says, not a general parser.
import { inflateSync } from 'node:zlib';

type PdfObject = { dict: string; stream: Buffer | null };

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const body = match[2]!;
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + 'stream'.length;
    if (body[start] === '\r') start += 1;
    if (body[start] === '\n') start += 1;
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) {
      try {
        raw = inflateSync(raw);
      } catch {
        // Trailing end-of-line bytes before endstream: trim and retry.
        raw = inflateSync(raw.subarray(0, raw.length - 1));
      }
    }
    objects.set(Number(match[1]), { dict, stream: raw });
  }
  return objects;
}

function cmapOf(source: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  const utf16 = (spaced: string) => {
    const h = spaced.replace(/\s/g, '');
    const units: number[] = [];
    for (let i = 0; i < h.length; i += 4) units.push(hex(h.slice(i, i + 4)));
    return String.fromCharCode(...units);
  };
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(entry[1]!), utf16(entry[2]!));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const from = hex(entry[1]!);
      const to = hex(entry[2]!);
      const target = entry[3]!;
      if (target.startsWith('[')) {
        // An entry may hold several code units (a ligature such as "ff" is <0066 0066>).
        const list = [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((m) => utf16(m[1]!));
        for (let code = from; code <= to; code += 1) map.set(code, list[code - from] ?? '');
      } else {
        const base = hex(target.slice(1, -1));
        for (let code = from; code <= to; code += 1) map.set(code, String.fromCodePoint(base + code - from));
      }
    }
  }
  return map;
}

/** The document's text, one string per page content stream, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const object of objects.values()) {
    const resources = /\/Font\s*<<([\s\S]*?)>>/.exec(object.dict);
    if (!resources) continue;
    for (const entry of resources[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(entry[2]));
      const toUnicode = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      const cmap = toUnicode && objects.get(Number(toUnicode[1]))?.stream;
      if (cmap) fonts.set(entry[1]!, cmapOf(cmap.toString('latin1')));
    }
  }
  const pages: string[] = [];
  for (const object of objects.values()) {
    if (!object.stream || !/\bBT\b/.test(object.stream.toString('latin1'))) continue;
    const content = object.stream.toString('latin1');
    let font: Map<number, string> | undefined;
    let out = '';
    for (const token of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g)) {
      if (token[1]) font = fonts.get(token[1]);
      else if (token[0] === 'ET') out += '\n';
      else {
        const strings = token[2] !== undefined ? [...token[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [token[3]!];
        for (const hex of strings) for (let i = 0; i + 4 <= hex.length; i += 4) out += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
      }
    }
    pages.push(out);
  }
  return pages.join('\n');
}
