import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aliasKey } from './threats.alias-key.ts';

describe('M2.2a alias key', () => {
  it('meets across width, case, spaces and punctuation', () => {
    assert.equal(aliasKey('ＬｏｃｋＢｉｔ'), 'lockbit');
    assert.equal(aliasKey('Black Basta'), aliasKey('black-basta'));
    assert.equal(aliasKey('LockBit 3.0'), 'lockbit30');
    assert.equal(aliasKey(' Earth　Kasha '), 'earthkasha');
  });

  it('keeps Japanese letters and drops everything that could act as a LIKE wildcard', () => {
    assert.equal(aliasKey('ラザルス・グループ'), 'ラザルスグループ');
    assert.equal(aliasKey('a%b_c\\d'), 'abcd');
  });
});
