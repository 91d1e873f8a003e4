import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRange, durationParts, isValidRange, monthsBefore, tokyoMonthOf } from './stats.api.ts';

describe('statistics page ranges', () => {
  it('counts months in Japan time', () => {
    // 2026-03-31T15:30Z is already 1 April in Tokyo.
    assert.equal(tokyoMonthOf(new Date('2026-03-31T15:30:00Z')), '2026-04');
    assert.equal(monthsBefore('2026-03', 11), '2025-04');
    assert.equal(monthsBefore('2026-01', 1), '2025-12');
    assert.deepEqual(defaultRange(new Date('2026-12-06T01:00:00Z')), { from: '2026-01', to: '2026-12' });
  });

  it('refuses reversed or malformed ranges and splits durations', () => {
    assert.equal(isValidRange({ from: '2026-05', to: '2026-04' }), false);
    assert.equal(isValidRange({ from: '2026-13', to: '2026-14' }), false);
    assert.equal(isValidRange({ from: '2026-04', to: '2026-04' }), true);
    assert.deepEqual(durationParts(125.4), { hours: 2, minutes: 5 });
    assert.equal(durationParts(null), null);
  });
});
