import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeenPairs } from './seen-pairs.ts';

const id = (n: number) => `indicator--${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

describe('the pairs an import has met', () => {
  it('tells apart objects by id and version, growing as it fills', () => {
    const seen = createSeenPairs(16);
    for (let n = 0; n < 100_000; n++) assert.equal(seen.add(id(n), n % 2 ? '2026-11-01T00:00:00.000Z' : ''), true, id(n));
    assert.equal(seen.size, 100_000);
    for (let n = 0; n < 100_000; n += 997) assert.equal(seen.add(id(n), n % 2 ? '2026-11-01T00:00:00.000Z' : ''), false, id(n));
    assert.equal(seen.add(id(1), '2026-11-02T00:00:00.000Z'), true, 'another version of a known id');
    assert.equal(seen.add(id(1), '2026-11-02T00:00:00.000Z'), false);
    assert.equal(seen.add(`${id(1)}2026`, ''), true, 'the id/version boundary counts');
    assert.equal(seen.size, 100_002);
  });
});
