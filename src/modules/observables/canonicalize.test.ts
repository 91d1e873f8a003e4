import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ObservableType } from './observables.contract.ts';
import { canonicalize, canonicalizeAs } from './canonicalize.ts';
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

  it('gives, for a value whose type the caller names, what canonicalize gives', () => {
    const values = [
      '45.137.21.9',
      '045.137.021.009',
      '999.1.1.1',
      '８．８．８．８',
      '45[.]137[.]21[.]9',
      'Login.Evil-Shop.JP',
      'evil-shop.jp.',
      'evil[.]shop.jp',
      'ドメイン.jp',
      'localhost.test',
      'no-suffix.zzzz',
      '1.2.3.4',
      'https://Evil-Shop.jp:443/a?b=1',
      'http://45.137.21.9/x',
      'hxxps://evil[.]example-shop[.]jp/login',
      'https://evil.example/path[.]x',
      'https://www.google.com/',
      'ftp://files.example.jp/a',
      'D41D8CD98F00B204E9800998ECF8427E',
      'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      '1234567890123456789012345678901234567890',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ' 45.137.21.9 ',
      '',
    ];
    const types: ObservableType[] = ['ipv4', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email'];
    for (const type of types) for (const value of values) assert.deepEqual(canonicalizeAs(type, value), canonicalize(value), `${type} ${value}`);
  });
});
