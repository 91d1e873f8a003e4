import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kobanId, scoId } from '../stix/ids.ts';
import type { StixObject } from '../stix/observables.ts';
import { validateStixBundle } from '../stix/validate.ts';
import { TLP2_MARKING_IDS } from '../tlp.ts';
import { CSV_EXPORT_HEADER, formatCsvRow, stixToCsvRows } from './from-stix.ts';
import { guessCsvMapping } from './mapping.ts';
import { parseCsv } from './parse.ts';
import { bundleOf, TEST_IDENTITY_ID, TEST_NOW } from './stix-bundle.fixture.ts';
import { csvRowsToStix } from './to-stix.ts';

const OPTIONS = { defaultTlp: 'green', identityId: TEST_IDENTITY_ID, now: TEST_NOW } as const;

function indicator(id: string, pattern: string, extra: Record<string, unknown> = {}): StixObject {
  return { type: 'indicator', spec_version: '2.1', id, created: TEST_NOW, modified: TEST_NOW, pattern, pattern_type: 'stix', valid_from: TEST_NOW, ...extra };
}

function importCsv(text: string): StixObject[] {
  const rows = parseCsv(text);
  const mapping = guessCsvMapping(rows[0] ?? []);
  assert.ok(mapping);
  return [...csvRowsToStix(rows, mapping, OPTIONS)].flatMap((result) => {
    assert.ok('objects' in result, JSON.stringify(result));
    return result.objects;
  });
}

describe('M3.2c STIX to CSV rows', () => {
  it('writes one row per value an indicator or SCO names, indicators first and each value once', () => {
    const ipId = scoId('ipv4-addr', { value: '198.51.100.7' });
    const objects: StixObject[] = [
      { type: 'ipv4-addr', spec_version: '2.1', id: ipId, value: '198.51.100.7', object_marking_refs: [TLP2_MARKING_IDS.clear] },
      indicator('indicator--0b0f6f8e-4a8a-4f5e-9d5c-1c6f0f0e8a01', "[ipv4-addr:value = '198.51.100.7'] AND [url:value = 'https://example.jp/a']", {
        labels: ['c2', 'botnet'],
        confidence: 70,
        description: 'C2',
        valid_until: '2027-01-01T00:00:00Z',
        object_marking_refs: [TLP2_MARKING_IDS.amber],
      }),
      indicator('indicator--0b0f6f8e-4a8a-4f5e-9d5c-1c6f0f0e8a02', "[domain-name:value = 'gone.example.jp']", { revoked: true }),
      indicator('indicator--0b0f6f8e-4a8a-4f5e-9d5c-1c6f0f0e8a03', "[url:value MATCHES '^https://']"),
      { type: 'file', spec_version: '2.1', id: scoId('file', { hashes: { 'SHA-256': 'ab'.repeat(32) } }), hashes: { 'SHA-256': 'ab'.repeat(32) } },
      { type: 'identity', spec_version: '2.1', id: TEST_IDENTITY_ID, name: 'x' },
    ];
    assert.deepEqual(
      [...stixToCsvRows(objects)],
      [
        ['ipv4', '198.51.100.7', 'TLP:AMBER', TEST_NOW, '2027-01-01T00:00:00Z', 'c2, botnet', 'C2', '70', 'indicator--0b0f6f8e-4a8a-4f5e-9d5c-1c6f0f0e8a01'],
        [
          'url',
          'https://example.jp/a',
          'TLP:AMBER',
          TEST_NOW,
          '2027-01-01T00:00:00Z',
          'c2, botnet',
          'C2',
          '70',
          'indicator--0b0f6f8e-4a8a-4f5e-9d5c-1c6f0f0e8a01',
        ],
        ['sha256', 'ab'.repeat(32), '', '', '', '', '', '', objects[4]?.id],
      ],
    );
  });

  it('quotes fields that need it and ends rows with CRLF', () => {
    assert.equal(formatCsvRow(['a', 'b,c', 'say "hi"', 'two\nlines', '']), 'a,"b,c","say ""hi""","two\nlines",\r\n');
    assert.equal(formatCsvRow(['\uFEFFx']), '"\uFEFFx"\r\n');
  });

  it('defuses spreadsheet formulas but leaves negative numbers as numbers', () => {
    assert.equal(
      formatCsvRow(['=HYPERLINK("http://evil.example")', '+81312345678', '-1+1', '@SUM(A1)', '\t=1', '\r=1']),
      `"'=HYPERLINK(""http://evil.example"")",'+81312345678,'-1+1,'@SUM(A1),'\t=1,"'\r=1"\r\n`,
    );
    assert.equal(formatCsvRow(['-12', '-0.5', '-', '1-2']), "-12,-0.5,'-,1-2\r\n");
  });
});

describe('M3.2c CSV round trip', () => {
  it('re-imports an export as the same indicators, and every step is valid STIX', () => {
    const source = [
      'value,種別,TLP,初回確認,最終確認,タグ,備考,確度',
      'hxxps://example[.]com/login,url,amber+strict,2026-12-01T00:00:00Z,2026-12-05T00:00:00Z,"phishing;=cmd",=WEBSERVICE("http://x"),90',
      '198.51.100[.]7,ip-src,red,,,,"multi\nline, with ""quotes""",',
      '+81-3-1234-5678,tel,,,,-scam,-5,0',
      'みずほ銀行 渋谷支店 普通 1234567,口座,clear,,,,,',
      '0x52908400098527886E0F7030069857D2E4169EE7,eth,,,,,,',
      '198.51.100.0/24,cidr,,,,,,',
      'AS64500,AS番号,red,,,asn,,',
      'D41D8CD98F00B204E9800998ECF8427E,,,,,,,',
    ].join('\r\n');
    const imported = importCsv(source);
    const firstIndicators = imported.filter((object) => object.type === 'indicator');
    assert.equal(firstIndicators.length, 8);
    assert.deepEqual(validateStixBundle(bundleOf(imported), { locale: 'en' }).errors, []);

    const exported = [CSV_EXPORT_HEADER, ...stixToCsvRows(imported)].map(formatCsvRow).join('');
    assert.ok(exported.includes("'=WEBSERVICE"), 'formula defused in the export');
    const reimported = importCsv(exported);
    assert.deepEqual(
      reimported.filter((object) => object.type === 'indicator'),
      firstIndicators,
    );
    assert.deepEqual(reimported, imported);
    assert.deepEqual(validateStixBundle(bundleOf(reimported), { locale: 'en' }).errors, []);
  });

  it('keeps indicator ids stable: the same type and value always get the same id', () => {
    const [first] = importCsv('value\nexample.jp\n');
    assert.equal(first?.id, kobanId('indicator', 'domain\u0000example.jp'));
  });
});
