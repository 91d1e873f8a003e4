// RFC 4180 CSV reading, incremental so a large upload never has to sit in memory as rows, plus
// the encoding guess Japanese spreadsheets need. Lenient where Excel is: a stray quote inside an
// unquoted field is kept as text, an unterminated quote runs to the end of the input, and a lone
// CR ends a record (Excel's "CSV (Macintosh)" writes those).
import { MAX_MAPPED_COLUMNS } from './mapping.schema.ts';
import { AppError } from '#kernel/errors.ts';
import { csvErrors } from './csv.errors.ts';

export type CsvDelimiter = ',' | '\t' | ';';
export type CsvParser = { push(chunk: string): void; end(): void };

export const MAX_CSV_ROW_BYTES = 1024 * 1024;
export const MAX_CSV_COLUMNS = MAX_MAPPED_COLUMNS;

type FieldState = 'start' | 'plain' | 'quoted' | 'quote-in-quoted';

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaksIn(text: string, afterCr: boolean): number {
  const count = text.match(LINE_BREAK)?.length ?? 0;
  return afterCr && text.startsWith('\n') ? count - 1 : count;
}

/**
 * Calls `onRow` with each record and the physical line it starts on (1-based; a quoted field
 * may span lines). Throws AppError `csv.row_too_large` / `csv.too_many_columns` with that line:
 * past either limit the file is not a list of indicators (or a quote was never closed), so
 * reading on would only produce garbage.
 */
export function createCsvParser(onRow: (row: string[], line: number) => void, options: { delimiter?: CsvDelimiter } = {}): CsvParser {
  const delimiter = options.delimiter ?? ',';
  const special = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}"\\r\\n]`, 'g');
  let fields: string[] = [];
  let field = '';
  let state: FieldState = 'start';
  let isRowOpen = false;
  let afterCr = false;
  let isFirstChunk = true;
  let line = 1;
  let rowLine = 1;
  let rowBytes = 0;

  const fail = (code: string, limit: number): never => {
    throw new AppError(code, { line: rowLine, detail: String(limit) });
  };
  const append = (text: string): void => {
    field += text;
    rowBytes += Buffer.byteLength(text, 'utf8');
    if (rowBytes > MAX_CSV_ROW_BYTES) fail(csvErrors.row_too_large, MAX_CSV_ROW_BYTES);
  };
  const endField = (): void => {
    fields.push(field);
    field = '';
    state = 'start';
    rowBytes += 1;
    if (fields.length >= MAX_CSV_COLUMNS) fail(csvErrors.too_many_columns, MAX_CSV_COLUMNS);
  };
  const endRecord = (): void => {
    fields.push(field);
    const row = fields;
    fields = [];
    field = '';
    state = 'start';
    isRowOpen = false;
    rowBytes = 0;
    const startedOn = rowLine;
    line += 1;
    rowLine = line;
    onRow(row, startedOn);
  };

  const pushQuoted = (chunk: string, from: number): number => {
    const quoteAt = chunk.indexOf('"', from);
    const segment = chunk.slice(from, quoteAt < 0 ? chunk.length : quoteAt);
    if (segment) {
      line += lineBreaksIn(segment, afterCr);
      afterCr = segment.endsWith('\r');
      append(segment);
    }
    if (quoteAt < 0) return chunk.length;
    state = 'quote-in-quoted';
    afterCr = false;
    return quoteAt + 1;
  };

  const pushUnquoted = (chunk: string, from: number): number => {
    special.lastIndex = from;
    const match = special.exec(chunk);
    const stop = match ? match.index : chunk.length;
    if (stop > from) {
      append(chunk.slice(from, stop));
      state = 'plain';
      isRowOpen = true;
      afterCr = false;
    }
    if (!match) return chunk.length;
    const char = match[0];
    if (char === delimiter) {
      endField();
      isRowOpen = true;
    } else if (char === '"') {
      if (state === 'start') state = 'quoted';
      else append('"');
      isRowOpen = true;
    } else if (char === '\r' || !afterCr) endRecord();
    afterCr = char === '\r';
    return stop + 1;
  };

  const push = (text: string): void => {
    let chunk = text;
    if (isFirstChunk && chunk.length > 0) {
      isFirstChunk = false;
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
    }
    let at = 0;
    while (at < chunk.length) {
      if (state === 'quoted') {
        at = pushQuoted(chunk, at);
        continue;
      }
      if (state === 'quote-in-quoted') {
        if (chunk[at] === '"') {
          append('"');
          state = 'quoted';
          at += 1;
          continue;
        }
        state = 'plain';
      }
      at = pushUnquoted(chunk, at);
    }
  };

  const end = (): void => {
    if (isRowOpen || fields.length > 0 || field !== '' || state !== 'start') endRecord();
  };

  return { push, end };
}

/** All records of a CSV text; see createCsvParser for the limits it throws on. */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): string[][] {
  const rows: string[][] = [];
  const parser = createCsvParser((row) => rows.push(row), options);
  parser.push(text);
  parser.end();
  return rows;
}

/**
 * The text of an uploaded CSV. Excel in Japan saves CP932 (Shift_JIS with Microsoft's extensions,
 * which is what WHATWG "shift_jis" decodes) unless told to write UTF-8, and "Unicode text" as
 * UTF-16LE with a BOM. Japanese text in Shift_JIS is almost never valid UTF-8, so strict UTF-8 is
 * tried first. Bytes neither encoding accepts are read as UTF-8 with U+FFFD, so the rows that
 * hold them are reported as unreadable rather than the whole file being refused.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  for (const encoding of ['utf-8', 'shift_jis']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
