import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokyoRange } from './threats.range.ts';

describe('M2.2a ransomware summary range', () => {
  it('turns Japanese months and days into UTC bounds', () => {
    assert.deepEqual(tokyoRange('2026-01', '2026-06'), { from: '2025-12-31T15:00:00.000Z', to: '2026-06-30T15:00:00.000Z' });
    assert.deepEqual(tokyoRange('2026-12', '2026-12'), { from: '2026-11-30T15:00:00.000Z', to: '2026-12-31T15:00:00.000Z' });
    assert.deepEqual(tokyoRange('2026-11-01', '2026-11-30'), { from: '2026-10-31T15:00:00.000Z', to: '2026-11-30T15:00:00.000Z' });
  });

  it('refuses a range that ends before it starts', () => {
    assert.equal(tokyoRange('2026-06', '2026-01'), null);
  });
});
