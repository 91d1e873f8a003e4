// `koban stix validate` as a user runs it: a real process on files in a temporary directory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const BIN = join(import.meta.dirname, '../../bin/koban.js');
const INDICATOR_ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
let root: string;

function koban(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KOBAN_DATA_DIR: join(root, 'data'), KOBAN_LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function bundleFile(name: string, indicator: Record<string, unknown>): string {
  const file = join(root, name);
  const bundle = {
    type: 'bundle',
    id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
    objects: [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: INDICATOR_ID,
        created: '2016-04-06T20:03:48.000Z',
        modified: '2016-04-06T20:03:48.000Z',
        pattern: "[domain-name:value = 'example.com']",
        pattern_type: 'stix',
        valid_from: '2016-01-01T00:00:00Z',
        object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
        ...indicator,
      },
    ],
  };
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'koban-stix-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('M3.2c koban stix validate', () => {
  it('exits 0 on a valid bundle and lists it in --help', () => {
    const result = koban(['stix', 'validate', bundleFile('valid.json', {})]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /有効な STIX 2\.1 バンドル.*indicator 1/);
    assert.match(koban(['--help']).out, /koban stix validate FILE/);
    assert.equal(koban(['stix', 'validate', '--help']).code, 0);
  });

  it('exits 1 on an invalid bundle, one reason a line, in the configured language or as JSON', () => {
    const file = bundleFile('invalid.json', { pattern: "[domain-name:value = 'x'", valid_from: 'yesterday' });
    const result = koban(['stix', 'validate', file], { KOBAN_LOCALE: 'en' });
    assert.equal(result.code, 1);
    const lines = result.out.trim().split('\n');
    assert.ok(lines.includes(`#0 ${INDICATOR_ID} objects[0].valid_from: "yesterday" is not an RFC 3339 timestamp in UTC ending in Z.`), result.out);
    assert.ok(
      lines.some((line) => line.startsWith(`#0 ${INDICATOR_ID} objects[0].pattern: The STIX pattern is wrong at character 24`)),
      result.out,
    );
    assert.match(lines.at(-1) ?? '', /Not a valid STIX 2\.1 bundle \(2 errors, 0 warnings\)/);
    const json = koban(['stix', 'validate', file, '--json']);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.out);
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.errors.map((e: { code: string }) => e.code),
      ['stix.invalid_timestamp', 'stix.invalid_pattern'],
    );
  });

  it('exits 2 when the file is missing, unreadable as JSON or not given', () => {
    const missing = koban(['stix', 'validate', join(root, 'nowhere.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nowhere\.json を読み込めません/);
    const notJson = join(root, 'not.json');
    writeFileSync(notJson, '{"type": "bundle",');
    const broken = koban(['stix', 'validate', notJson], { KOBAN_LOCALE: 'en' });
    assert.equal(broken.code, 2);
    assert.match(broken.err, /not\.json is not valid JSON/);
    assert.equal(koban(['stix', 'validate']).code, 2);
  });
});
