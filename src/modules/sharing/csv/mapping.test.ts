import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CsvMappingSchema, guessCsvMapping } from './mapping.ts';

describe('M3.2c CSV column mapping', () => {
  it('recognises English headers whatever their case and separators', () => {
    assert.deepEqual(guessCsvMapping(['Indicator', 'Type', 'TLP', 'First Seen', 'last-seen', 'Tags', 'Comment', 'Confidence', 'stix_id']), {
      value: { column: 0 },
      type: { column: 1 },
      tlp: { column: 2 },
      firstSeen: { column: 3 },
      lastSeen: { column: 4 },
      labels: { column: 5 },
      description: { column: 6 },
      confidence: { column: 7 },
      hasHeader: true,
    });
  });

  it('recognises Japanese headers and full-width English ones', () => {
    assert.deepEqual(guessCsvMapping(['No.', '種別', '値', 'ＴＬＰ', '初回確認日時', '最終確認', 'タグ', '備考', '確度']), {
      value: { column: 2 },
      type: { column: 1 },
      tlp: { column: 3 },
      firstSeen: { column: 4 },
      lastSeen: { column: 5 },
      labels: { column: 6 },
      description: { column: 7 },
      confidence: { column: 8 },
      hasHeader: true,
    });
    assert.deepEqual(guessCsvMapping(['ＩＯＣ', '説明']), { value: { column: 0 }, description: { column: 1 }, hasHeader: true });
  });

  it('takes a first row with no known header but an indicator in it for data', () => {
    assert.deepEqual(guessCsvMapping(['2026-12-01', 'hxxp://phish.example[.]jp/']), { value: { column: 1 }, hasHeader: false });
  });

  it('gives up on a header without a value column, or a row with nothing recognisable', () => {
    assert.equal(guessCsvMapping(['type', 'comment']), null);
    assert.equal(guessCsvMapping(['foo', 'bar']), null);
    assert.equal(guessCsvMapping([]), null);
  });

  it('validates mappings at the boundary', () => {
    const parsed = CsvMappingSchema.parse({ value: { header: '値' }, type: { fixed: 'url' }, tlp: { column: 3 }, hasHeader: true });
    assert.deepEqual(parsed.type, { fixed: 'url' });
    assert.equal(CsvMappingSchema.safeParse({ value: { header: '値' }, hasHeader: false }).success, false);
    assert.equal(CsvMappingSchema.safeParse({ value: { column: -1 }, hasHeader: false }).success, false);
    assert.equal(CsvMappingSchema.safeParse({ value: { column: 0 }, type: { fixed: 'filename' }, hasHeader: false }).success, false);
    assert.equal(CsvMappingSchema.safeParse({ value: { column: 0, header: 'x' }, hasHeader: true }).success, false);
  });
});
