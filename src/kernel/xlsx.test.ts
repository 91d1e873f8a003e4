import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { writeXlsx } from './xlsx.ts';

describe('xlsx writer', () => {
  const bytes = writeXlsx(
    [
      {
        name: '事件・分類',
        header: ['分類', '件数'],
        rows: [
          ['詐欺・悪質商法', 12],
          ['=HYPERLINK("http://x")', 3],
          ['<script>&', null],
        ],
      },
      { name: 'a/b:c*?[d]'.repeat(5), header: ['月'], rows: [['2026-04']] },
    ],
    new Date('2026-12-06T01:00:00.000Z'),
  );
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]!);

  it('is a zip with the parts Excel needs', () => {
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]) {
      assert.ok(files[part], part);
    }
    assert.match(text('[Content_Types].xml'), /sheet2\.xml/);
  });

  it('keeps Japanese text, numbers as numbers, and text that looks like a formula as text', () => {
    const sheet = text('xl/worksheets/sheet1.xml');
    assert.match(sheet, /<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">分類<\/t><\/is><\/c>/);
    assert.match(sheet, /<c r="B2"><v>12<\/v><\/c>/);
    assert.match(sheet, /<t xml:space="preserve">=HYPERLINK\(&quot;http:\/\/x&quot;\)<\/t>/);
    assert.doesNotMatch(sheet, /<f>/);
    assert.match(sheet, /&lt;script&gt;&amp;/);
    assert.match(sheet, /<c r="B4"\/>/);
    assert.match(sheet, /state="frozen"/);
  });

  it('names sheets within Excel rules', () => {
    const names = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(names[0], '事件・分類');
    assert.ok(names[1]!.length <= 31);
    assert.doesNotMatch(names[1]!, /[[\]:*?/\\]/);
  });
});
