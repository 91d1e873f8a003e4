import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogues, t } from '#kernel/i18n/index.ts';
import { validateStixBundle } from '../stix/validate.ts';
import type { StixObject } from '../stix/observables.ts';
import { TLP2_MARKING_IDS } from '../tlp.ts';
import { guessCsvMapping, type CsvMapping } from './mapping.ts';
import { createCsvParser, parseCsv } from './parse.ts';
import { bundleOf, TEST_IDENTITY_ID, TEST_NOW } from './stix-bundle.fixture.ts';
import { CSV_PROBLEM_CODES } from './row-reader.ts';
import { csvRowsToStix, type CsvRecord, type CsvRowResult } from './to-stix.ts';

const OPTIONS = { defaultTlp: 'amber', identityId: TEST_IDENTITY_ID, now: TEST_NOW } as const;

function convert(text: string, mapping?: CsvMapping): CsvRowResult[] {
  const rows = parseCsv(text);
  const chosen = mapping ?? guessCsvMapping(rows[0] ?? []);
  assert.ok(chosen, 'a mapping');
  return [...csvRowsToStix(rows, chosen, OPTIONS)];
}

function objectsOf(results: CsvRowResult[]): StixObject[] {
  return results.flatMap((result) => ('objects' in result ? result.objects : []));
}

function indicators(results: CsvRowResult[]): StixObject[] {
  return objectsOf(results).filter((object) => object.type === 'indicator');
}

function assertValidStix(objects: StixObject[]): void {
  const report = validateStixBundle(bundleOf(objects), { locale: 'en' });
  assert.deepEqual(report.errors, []);
}

describe('M3.2c CSV rows to STIX', () => {
  it('turns a row into an indicator and its SCO, marked and attributed', () => {
    const results = convert(
      'value,type,tlp,first_seen,last_seen,tags,description,confidence\r\n' +
        'hxxps://example[.]com/login,url,TLP:RED,2026-12-01 09:00,2026-12-05,"phishing, bank",偽のログイン画面,High\r\n',
    );
    assert.equal(results.length, 1);
    const [indicator, sco] = objectsOf(results);
    assert.deepEqual(indicator, {
      type: 'indicator',
      spec_version: '2.1',
      id: indicator?.id,
      created_by_ref: TEST_IDENTITY_ID,
      created: TEST_NOW,
      modified: TEST_NOW,
      name: 'https://example.com/login',
      pattern: "[url:value = 'https://example.com/login']",
      pattern_type: 'stix',
      valid_from: '2026-12-01T00:00:00.000Z',
      valid_until: '2026-12-04T15:00:00.000Z',
      labels: ['phishing', 'bank'],
      description: '偽のログイン画面',
      confidence: 85,
      object_marking_refs: [TLP2_MARKING_IDS.red],
    });
    assert.match(indicator?.id ?? '', /^indicator--[0-9a-f-]{36}$/);
    assert.equal(sco?.type, 'url');
    assert.equal(sco?.value, 'https://example.com/login');
    assert.deepEqual(sco?.object_marking_refs, [TLP2_MARKING_IDS.red]);
    assertValidStix(objectsOf(results));
  });

  it('accepts defanged and full-width values, and checks them against MISP-ish and Japanese type names', () => {
    const results = convert(
      [
        '値,種別',
        '198.51.100[.]7,ip-dst',
        'ｅｖｉｌ．ｅｘａｍｐｌｅ．ｊｐ,hostname',
        'bad[@]example[.]jp,email-src',
        '03-1234-5678,電話番号',
        'みずほ銀行 渋谷支店 普通 1234567,口座',
        'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855,SHA-256',
        'd41d8cd98f00b204e9800998ecf8427e,md5',
        '198.51.100.0/24,ipv4',
        '1BoatSLRHtKNngkdXEeobR76b53LETtpyT,wallet',
        'AS64500,asn',
        '2001:db8::1,',
      ].join('\n'),
    );
    assert.deepEqual(
      results.filter((result) => 'problem' in result),
      [],
    );
    assert.deepEqual(
      indicators(results).map((indicator) => indicator.pattern),
      [
        "[ipv4-addr:value = '198.51.100.7']",
        "[domain-name:value = 'evil.example.jp']",
        "[email-addr:value = 'bad@example.jp']",
        "[x-koban-phone-number:value = '+81312345678']",
        "[x-koban-bank-account:value = '0001-210-1-1234567']",
        "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
        "[file:hashes.'MD5' = 'd41d8cd98f00b204e9800998ecf8427e']",
        "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
        "[x-koban-cryptocurrency-wallet:value = '1BoatSLRHtKNngkdXEeobR76b53LETtpyT']",
        '[autonomous-system:number = 64500]',
        "[ipv6-addr:value = '2001:db8::1']",
      ],
    );
    assertValidStix(objectsOf(results));
  });

  it('reports bad rows with their line numbers while the good rows convert', () => {
    const results = convert(
      [
        'value,type,tlp,first_seen,last_seen,confidence',
        'https://ok.example.jp/a,url,,,,',
        ',url,,,,',
        'not an indicator,,,,,',
        'example.jp,ip-dst,,,,',
        'example.jp,filename,,,,',
        'https://ok.example.jp/b,,,2026-02-30,,',
        'https://ok.example.jp/c,,,2026-12-06,2026-12-01,',
        'https://ok.example.jp/d,,TLP:PINK,,,',
        'https://ok.example.jp/e,,,,,120',
        'CVE-2024-1234,,,,,',
        ',,,,,',
        'https://ok.example.jp/f,url,green,,,50',
      ].join('\r\n'),
    );
    assert.deepEqual(
      results.map((result) => ('problem' in result ? [result.line, result.problem.code, result.problem.detail] : [result.line, 'ok'])),
      [
        [2, 'ok'],
        [3, 'csv.empty_value', 'A'],
        [4, 'csv.unrecognised_value', 'not an indicator'],
        [5, 'csv.type_mismatch', 'ip-dst ≠ domain'],
        [6, 'csv.type_mismatch', 'filename'],
        [7, 'csv.invalid_date', '2026-02-30'],
        [8, 'csv.invalid_date', '2026-12-01 < 2026-12-06'],
        [9, 'csv.invalid_tlp', 'TLP:PINK'],
        [10, 'csv.invalid_confidence', '120'],
        [11, 'csv.unrecognised_value', 'cve'],
        [13, 'ok'],
      ],
    );
    assertValidStix(objectsOf(results));
  });

  it('uses the lines the parser reports, so a multi-line description does not shift them', () => {
    const records: CsvRecord[] = [];
    const parser = createCsvParser((fields, line) => records.push({ fields, line }));
    parser.push('value,description\r\nhttps://a.example.jp/,"two\r\nlines"\r\nnope,\r\n');
    parser.end();
    const results = [...csvRowsToStix(records, { value: { header: 'value' }, description: { header: 'DESCRIPTION' }, hasHeader: true }, OPTIONS)];
    assert.deepEqual(
      results.map((result) => [result.line, 'problem' in result ? result.problem.code : 'ok']),
      [
        [2, 'ok'],
        [4, 'csv.unrecognised_value'],
      ],
    );
  });

  it('takes the default TLP, or the strictest one the TLP cell and tlp: tags name', () => {
    const results = convert('value,tlp,tags\na.example.jp,,\nb.example.jp,green,"tlp:red, phishing"\nc.example.jp,,TLP:CLEAR\n');
    assert.deepEqual(
      indicators(results).map((indicator) => [indicator.object_marking_refs, indicator.labels]),
      [
        [[TLP2_MARKING_IDS.amber], undefined],
        [[TLP2_MARKING_IDS.red], ['phishing']],
        [[TLP2_MARKING_IDS.clear], undefined],
      ],
    );
  });

  it('holds values to a fixed type and to a last sighting STIX can express', () => {
    const mapping: CsvMapping = { value: { column: 0 }, type: { fixed: 'domain' }, firstSeen: { column: 1 }, lastSeen: { column: 2 }, hasHeader: false };
    const results = convert('example.jp,2026-12-01T00:00:00Z,2026-12-01T00:00:00Z\nhttps://example.jp/,,\nsub.example.jp,,2020-01-01\n', mapping);
    assert.deepEqual(
      results.map((result) => ('problem' in result ? result.problem.code : 'ok')),
      ['ok', 'csv.type_mismatch', 'ok'],
    );
    const [first, third] = indicators(results);
    assert.equal(first?.valid_from, '2026-12-01T00:00:00Z');
    assert.equal(first?.valid_until, undefined);
    assert.equal(third?.valid_from, TEST_NOW);
    assert.equal(third?.valid_until, undefined);
  });

  it('converts a repeated value once and reports a header the file lacks', () => {
    const repeated = convert('value\nexample.jp\nEXAMPLE.JP\n');
    assert.equal(objectsOf(repeated).length, 2);
    assert.deepEqual(repeated[1], { line: 3, objects: [] });
    const missing = [
      ...csvRowsToStix(parseCsv('value\nexample.jp\n'), { value: { header: 'value' }, firstSeen: { header: '初回確認' }, hasHeader: true }, OPTIONS),
    ];
    assert.deepEqual(missing, [{ line: 1, problem: { code: 'csv.missing_column', detail: '初回確認' } }]);
    const short = [...csvRowsToStix([['x'], ['a.example.jp', 'b']], { value: { column: 1 }, hasHeader: false }, OPTIONS)];
    assert.deepEqual(short[0], { line: 1, problem: { code: 'csv.missing_column', detail: 'B' } });
  });

  it('has a Japanese and an English message for every problem, naming the line and the detail', () => {
    for (const code of CSV_PROBLEM_CODES)
      for (const locale of ['ja', 'en'] as const) {
        assert.ok(catalogues[locale][code], `${locale} lacks ${code}`);
        const message = t(locale, code, { line: 42, detail: 'XYZ' });
        assert.ok(message.includes('42') && message.includes('XYZ'), message);
      }
  });
});
