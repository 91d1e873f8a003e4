import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import '../../server.ts';
import { registeredErrorCodes } from '../errors.ts';
import { catalogues, pickLocale, t } from './index.ts';

describe('server message catalogues', () => {
  it('have the same keys in Japanese and English, none empty', () => {
    assert.deepEqual(Object.keys(catalogues.ja).sort(), Object.keys(catalogues.en).sort());
    for (const locale of ['ja', 'en'] as const) for (const [key, value] of Object.entries(catalogues[locale])) assert.ok(value.trim(), `${locale} ${key}`);
  });

  it('hold a message for every registered error code in both languages', () => {
    const codes = registeredErrorCodes();
    assert.ok(codes.length > 20);
    for (const code of codes) {
      assert.ok(catalogues.ja[code], `ja lacks ${code}`);
      assert.ok(catalogues.en[code], `en lacks ${code}`);
    }
  });

  it('fills parameters and picks the requester language', () => {
    assert.equal(t('en', 'audit.altered', { seq: 7 }), 'Audit entry #7 has been altered.');
    assert.equal(pickLocale(undefined, 'en-GB,en;q=0.8'), 'en');
    assert.equal(pickLocale(undefined, 'fr-FR, ja;q=0.5'), 'ja');
    assert.equal(pickLocale('en', 'ja'), 'en');
    assert.equal(pickLocale(undefined, undefined), 'ja');
  });
});
