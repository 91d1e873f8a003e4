import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessImportFormat } from './importFormat.ts';

test('a file name suggests its import format', () => {
  assert.equal(guessImportFormat('indicators.CSV'), 'csv');
  assert.equal(guessImportFormat('ioc-list.tsv'), 'csv');
  assert.equal(guessImportFormat('misp-event-1234.json'), 'misp');
  assert.equal(guessImportFormat('bundle.json'), 'stix');
  assert.equal(guessImportFormat('jc3-report'), 'stix');
});
