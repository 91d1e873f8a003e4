import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '#kernel/errors.ts';
import { formatCsvRow } from './from-stix.ts';
import { createCsvParser, decodeCsvBytes, MAX_CSV_COLUMNS, MAX_CSV_ROW_BYTES, parseCsv } from './parse.ts';

function parseInChunks(text: string, cuts: number[]): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const parser = createCsvParser((row, line) => {
    rows.push(row);
    lines.push(line);
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  parser.end();
  return { rows, lines };
}

function csvErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  assert.fail('expected an AppError');
}

describe('M3.2c CSV parsing', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'a,"b,c","say ""hi""","two\r\nlines"\r\n"",x,,"\n"\n';
    assert.deepEqual(parseCsv(text), [
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['', 'x', '', '\n'],
    ]);
  });

  it('ends records at CRLF, LF or a lone CR and keeps blank lines as one empty field', () => {
    assert.deepEqual(parseCsv('a,b\r\nc\nd\re\r\n\r\nf'), [['a', 'b'], ['c'], ['d'], ['e'], [''], ['f']]);
    assert.deepEqual(parseCsv(''), []);
    assert.deepEqual(parseCsv('a,'), [['a', '']]);
  });

  it('skips a UTF-8 byte-order mark and keeps stray quotes of unquoted fields as text', () => {
    assert.deepEqual(parseCsv('\uFEFFvalue,type\r\nab"c,"x"y\r\n'), [
      ['value', 'type'],
      ['ab"c', 'xy'],
    ]);
  });

  it('reads an unterminated quote to the end of the input', () => {
    assert.deepEqual(parseCsv('a,"b\nc'), [['a', 'b\nc']]);
  });

  it('splits on tabs or semicolons when asked', () => {
    assert.deepEqual(parseCsv('a\t"b\tc"\td;e\n', { delimiter: '\t' }), [['a', 'b\tc', 'd;e']]);
    assert.deepEqual(parseCsv('a;"b;c",d\n', { delimiter: ';' }), [['a', 'b;c,d']]);
  });

  it('reports the line each record starts on, counting line breaks inside quotes', () => {
    const { lines } = parseInChunks('h1,h2\r\n"multi\r\nline\r\nvalue",x\r\nnext,y\rlast\n', []);
    assert.deepEqual(lines, [1, 2, 5, 6]);
  });

  it('gives the same records whatever the chunking, even inside CRLF and doubled quotes', () => {
    const text = 'a,"b""c"\r\n"d\r\ne",f\r\n';
    const whole = parseInChunks(text, []);
    for (let cut = 0; cut <= text.length; cut += 1) assert.deepEqual(parseInChunks(text, [cut]), whole, `cut at ${cut}`);
  });

  it('refuses a row over 1 MiB and a row of more than 200 columns, naming the line', () => {
    const big = csvErrorOf(() => parseCsv(`ok\n"${'x'.repeat(MAX_CSV_ROW_BYTES + 1)}`));
    assert.equal(big.code, 'csv.row_too_large');
    assert.equal(big.details.line, 2);
    assert.equal(parseCsv('x'.repeat(MAX_CSV_ROW_BYTES))[0]?.[0]?.length, MAX_CSV_ROW_BYTES);
    assert.deepEqual(parseCsv(`${'a,'.repeat(MAX_CSV_COLUMNS - 1)}a`)[0]?.length, MAX_CSV_COLUMNS);
    const wide = csvErrorOf(() => parseCsv(`a\nb\n${'a,'.repeat(MAX_CSV_COLUMNS)}a`));
    assert.equal(wide.code, 'csv.too_many_columns');
    assert.equal(wide.details.line, 3);
  });

  it('counts the limit in UTF-8 bytes, so Japanese text reaches it sooner', () => {
    const japanese = 'あ'.repeat(Math.floor(MAX_CSV_ROW_BYTES / 3) + 1);
    assert.equal(csvErrorOf(() => parseCsv(japanese)).code, 'csv.row_too_large');
  });
});

describe('M3.2c CSV bytes', () => {
  it('decodes UTF-8, with or without a BOM', () => {
    const utf8 = new TextEncoder().encode('値,種別\r\n');
    assert.equal(decodeCsvBytes(utf8), '値,種別\r\n');
    assert.equal(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), '値,種別\r\n');
  });

  it('decodes Shift_JIS (CP932) as Japanese Excel saves it', () => {
    assert.equal(decodeCsvBytes(new Uint8Array([0x83, 0x65, 0x83, 0x58, 0x83, 0x67])), 'テスト');
    const sheet = [0x92, 0x6c, 0x2c, 0x8e, 0xed, 0x95, 0xca, 0x0d, 0x0a, 0x87, 0x40, 0x2c, 0x93, 0x64, 0x98, 0x62, 0x94, 0xd4, 0x8d, 0x86];
    assert.deepEqual(parseCsv(decodeCsvBytes(new Uint8Array(sheet))), [
      ['値', '種別'],
      ['①', '電話番号'],
    ]);
  });

  it('decodes UTF-16LE with a BOM (Excel "Unicode text") and survives bytes of no encoding', () => {
    assert.equal(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x24, 0x50, 0x09, 0x00, 0x2e, 0x7a])), '値\t種');
    assert.equal(decodeCsvBytes(new Uint8Array([0x61, 0xff, 0x62])), 'a\uFFFDb');
  });
});

const FIELD_ALPHABET = ['a', 'Z', '0', ' ', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", '値', '\uFEFF', '😀', '1', '.'];

/** What formatCsvRow promises: fields come back as written, formula-like ones behind an apostrophe. */
function defused(field: string): string {
  return /^[=+\-@\t\r]/.test(field) && !/^-\d+(?:\.\d+)?$/.test(field) ? `'${field}` : field;
}

describe('M3.2c CSV round trip (property)', () => {
  it('parses formatCsvRow output back to the fields, in any chunking', () => {
    const field = fc.array(fc.constantFrom(...FIELD_ALPHABET), { maxLength: 12 }).map((chars) => chars.join(''));
    const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, fc.array(fc.nat(), { maxLength: 8 }), (records, cutSeeds) => {
        const text = records.map(formatCsvRow).join('');
        const expected = records.map((record) => record.map(defused));
        assert.deepEqual(parseCsv(text), expected);
        const cuts = cutSeeds.map((seed) => seed % (text.length + 1));
        assert.deepEqual(parseInChunks(text, cuts).rows, expected);
      }),
      { numRuns: 500 },
    );
  });
});
