import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from './command.ts';

describe('parseArgs', () => {
  it('separates positionals, value flags and boolean flags', () => {
    const parsed = parseArgs(['tanaka', '--role', 'admin,csirt', '--json', '--name=田中']);
    assert.deepEqual(parsed.positionals, ['tanaka']);
    assert.equal(parsed.flags.get('role'), 'admin,csirt');
    assert.equal(parsed.flags.get('json'), true);
    assert.equal(parsed.flags.get('name'), '田中');
  });
});
