import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as enrich from './index.ts';
import * as lists from '../warning-lists/index.ts';

test('enrich index re-exports the whole API', () => {
  for (const name of [
    'bankByCode',
    'branchByCode',
    'resolveBankName',
    'resolveBranchName',
    'yuchoToZengin',
    'normaliseHolderKana',
    'countryOf',
    'asnOf',
    'phoneLineType',
    'warningFor',
    'parseIPv4',
  ]) {
    assert.equal(typeof (enrich as Record<string, unknown>)[name], 'function', name);
  }
  assert.equal(enrich.GEOIP_DATA_DATE, '2026-06-17');
  assert.equal(enrich.ASN_DATA_DATE, '2026-06-17');
  assert.equal(lists.warningFor, enrich.warningFor);
  assert.equal(enrich.resolveBankName('常陽銀行'), '0130');
  assert.equal(enrich.warningFor('ipv4', '192.0.2.1'), 'documentation_range');
});
