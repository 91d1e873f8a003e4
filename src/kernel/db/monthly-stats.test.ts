import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysOf, medianOfSorted, mergeSorted, wholeMonths } from './monthly-stats.ts';

describe('monthly statistics', () => {
  it('splits a range into Japanese months only when both ends are month starts', () => {
    // 2026-04-01 00:00 JST is 2026-03-31T15:00Z.
    assert.deepEqual(wholeMonths({ from: '2026-03-31T15:00:00.000Z', to: '2026-06-30T15:00:00.000Z' }), ['2026-04', '2026-05', '2026-06']);
    assert.equal(wholeMonths({ from: '2026-04-01T00:00:00.000Z', to: '2026-06-30T15:00:00.000Z' }), null);
    assert.equal(wholeMonths({ from: '2026-03-31T15:00:00.000Z', to: '2026-06-15T00:00:00.000Z' }), null);
  });

  it('lists the Japanese days of a month with their UTC bounds', () => {
    const april = daysOf('2026-04');
    assert.equal(april.length, 30);
    assert.deepEqual(april[0], { day: '2026-04-01', range: { from: '2026-03-31T15:00:00.000Z', to: '2026-04-01T15:00:00.000Z' } });
    assert.equal(april.at(-1)?.range.to, '2026-04-30T15:00:00.000Z');
    assert.equal(daysOf('2028-02').length, 29);
  });

  it('merges sorted lists', () => {
    assert.deepEqual([...mergeSorted([Float64Array.from([1, 5]), Float64Array.from([2, 3, 9])])], [1, 2, 3, 5, 9]);
  });

  it('finds the median of several sorted lists as if they were one', () => {
    const lists = [Float64Array.from([1, 4, 9]), Float64Array.from([2, 3]), Float64Array.from([]), Float64Array.from([10])];
    assert.equal(medianOfSorted(lists), 3.5);
    assert.equal(medianOfSorted([Float64Array.from([5, 7, 8])]), 7);
    assert.equal(medianOfSorted([new Float64Array(0)]), null);
    const random = Array.from({ length: 7 }, (_, i) =>
      Float64Array.from(Array.from({ length: 50 + i * 13 }, (_, j) => ((j * 7919 + i * 104729) % 1000) / 7)).sort(),
    );
    const all = Float64Array.from(random.flatMap((l) => [...l])).sort();
    const mid = all.length / 2;
    const expected = all.length % 2 ? all[Math.floor(mid)] : ((all[mid - 1] ?? 0) + (all[mid] ?? 0)) / 2;
    assert.equal(medianOfSorted(random), expected);
  });
});
