import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderHits } from './caseHits.ts';

describe('case hits order', () => {
  it('puts cases before reports and the most shared first', () => {
    const ordered = orderHits([
      { sourceType: 'report', shared: 5, id: 'r5' },
      { sourceType: 'case', shared: 1, id: 'c1' },
      { sourceType: 'report', shared: 1, id: 'r1' },
      { sourceType: 'case', shared: 3, id: 'c3' },
    ]);
    assert.deepEqual(
      ordered.map((h) => h.id),
      ['c3', 'c1', 'r5', 'r1'],
    );
  });
});
