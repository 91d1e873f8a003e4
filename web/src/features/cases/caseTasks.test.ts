import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueAtOf, isTaskOverdue } from './caseTasks.ts';

describe('M3.2a case task deadlines', () => {
  it('takes a due date as the end of that day in Japan time', () => {
    assert.equal(dueAtOf('2026-12-01'), '2026-12-01T14:59:59.000Z');
  });

  it('has no deadline for an empty or malformed date', () => {
    assert.equal(dueAtOf(''), null);
    assert.equal(dueAtOf('2026-13-45'), null);
    assert.equal(dueAtOf('12/01/2026'), null);
  });

  it('calls an open task past its deadline overdue, and a done or undated one not', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    assert.equal(isTaskOverdue({ dueAt: '2026-12-01T14:59:59.000Z', doneAt: null }, now), true);
    assert.equal(isTaskOverdue({ dueAt: '2026-12-01T14:59:59.000Z', doneAt: '2026-12-01T10:00:00.000Z' }, now), false);
    assert.equal(isTaskOverdue({ dueAt: '2026-12-03T14:59:59.000Z', doneAt: null }, now), false);
    assert.equal(isTaskOverdue({ dueAt: null, doneAt: null }, now), false);
  });
});
