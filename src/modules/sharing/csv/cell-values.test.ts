import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfidence, parseCsvDate, splitLabels, withoutFormulaGuard } from './cell-values.ts';

describe('M3.2c CSV cell values', () => {
  it('reads dates as STIX timestamps, with Japan time when no offset is written', () => {
    assert.equal(parseCsvDate('2026-12-06T01:02:03Z'), '2026-12-06T01:02:03Z');
    assert.equal(parseCsvDate('2026-12-06T10:00:00.123456+09:00'), '2026-12-06T01:00:00.123Z');
    assert.equal(parseCsvDate('2026/12/06 09:30'), '2026-12-06T00:30:00.000Z');
    assert.equal(parseCsvDate('2026-12-06'), '2026-12-05T15:00:00.000Z');
    assert.equal(parseCsvDate('２０２６年１２月６日'), '2026-12-05T15:00:00.000Z');
    assert.equal(parseCsvDate('2026年1月2日 3時4分'), '2026-01-01T18:04:00.000Z');
    assert.equal(parseCsvDate('2026-12-06 00:00 -0500'), '2026-12-06T05:00:00.000Z');
  });

  it('refuses dates that do not exist or cannot be read', () => {
    for (const text of ['2026-02-30', '2026-13-01', '2026-12-06 24:10', 'yesterday', '06/12/2026', '0050-01-01']) assert.equal(parseCsvDate(text), null, text);
  });

  it('reads confidence as 0–100, with the STIX High/Medium/Low scale', () => {
    assert.equal(parseConfidence('80'), 80);
    assert.equal(parseConfidence('８０％'), 80);
    assert.equal(parseConfidence('High'), 85);
    assert.equal(parseConfidence('低'), 15);
    for (const text of ['101', '-1', '0.8', 'sure']) assert.equal(parseConfidence(text), null, text);
  });

  it('splits labels on commas, semicolons and 、 and drops repeats', () => {
    assert.deepEqual(splitLabels('phishing, bank；phishing、 smishing\n'), ['phishing', 'bank', 'smishing']);
  });

  it('undoes only the apostrophe that defuses a formula', () => {
    assert.equal(withoutFormulaGuard("'+81312345678"), '+81312345678');
    assert.equal(withoutFormulaGuard("'=1+2"), '=1+2');
    assert.equal(withoutFormulaGuard("'quoted'"), "'quoted'");
  });
});
