import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalize } from './canonicalize.ts';
import { extractObservables } from './extract/extract.ts';

describe('canonicalize', () => {
  it('reads a value in any written form', () => {
    assert.deepEqual(canonicalize('４５．１３７．０２１．９'), { type: 'ipv4', value: '45.137.21.9', warning: null });
    assert.deepEqual(canonicalize('45[.]137[.]21[.]9'), { type: 'ipv4', value: '45.137.21.9', warning: null });
    assert.equal(canonicalize('8.8.8.8')?.warning, 'public_resolver');
    assert.equal(canonicalize('2A03:2880:F12F:0083:FACE:B00C:0000:25DE')?.value, '2a03:2880:f12f:83:face:b00c:0:25de');
    assert.equal(canonicalize('5D41402ABC4B2A76B9719D911017C592')?.type, 'md5');
    assert.equal(canonicalize('hxxps://evil[.]example-shop[.]jp/login')?.value, 'https://evil.example-shop.jp/login');
    assert.equal(canonicalize('０９０－１２３４－５６７８')?.value, '+819012345678');
    assert.equal(canonicalize('hello'), null);
    assert.equal(canonicalize('999.1.1.1'), null);
  });

  it('agrees with full extraction on single tokens it reads directly', () => {
    for (const token of [
      '45.137.21.9',
      '045.137.021.009',
      'd41d8cd98f00b204e9800998ecf8427e',
      '2001:db8::1',
      'fe80::1',
      'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      'Login.Evil-Shop.JP',
      'https://Evil-Shop.jp:443/a?b=1',
      'http://45.137.21.9/x',
      'evil-shop.jp.',
    ]) {
      const [hit] = extractObservables(token, { includeWarnings: true });
      assert.deepEqual(canonicalize(token), hit ? { type: hit.type, value: hit.value, warning: hit.warning } : null, token);
    }
  });
});
