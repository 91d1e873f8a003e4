// `koban import stix|csv|misp`, `koban export stix|csv` and `koban misp feed` as an operator runs
// them: real processes on a real SQLite file. Imports report each refused object with its reason
// and exit 1, re-imports change nothing, exports never go above the chosen level, and the MISP feed
// directory holds what a MISP instance reads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '#kernel/config.ts';
import { validateStixBundle } from '#modules/sharing/index.ts';
import { TLP2_MARKING_IDS } from '#modules/sharing/tlp.ts';
import { openKoban } from '../../src/server.ts';

const BIN = join(import.meta.dirname, '../../bin/koban.js');
let root: string;
let dataDir: string;

function koban(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KOBAN_DATA_DIR: dataDir, KOBAN_LOG_LEVEL: 'silent', KOBAN_LOCALE: 'en' },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function indicator(n: number, value: string, tlp: keyof typeof TLP2_MARKING_IDS) {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2026-10-01T00:00:00.000Z',
    modified: '2026-10-01T00:00:00.000Z',
    pattern: `[ipv4-addr:value = '${value}']`,
    pattern_type: 'stix',
    valid_from: '2026-10-01T00:00:00Z',
    object_marking_refs: [TLP2_MARKING_IDS[tlp]],
  };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'koban-sharing-cli-'));
  dataDir = join(root, 'data');
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('koban import / export', () => {
  it('imports a bundle with a progress line, lists the refused objects and exits 1; a re-import changes nothing', async () => {
    const file = join(root, 'partner.json');
    const objects = [
      indicator(1, '198.51.100.1', 'green'),
      indicator(2, '198.51.100.2', 'red'),
      { ...indicator(3, '198.51.100.3', 'green'), pattern: '[ipv4-addr:value' },
    ];
    writeFileSync(file, JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects }));
    const first = koban(['import', 'stix', file]);
    assert.equal(first.code, 1, first.err);
    assert.match(first.out, /2 new, 0 already held, 1 refused/);
    assert.match(first.out, /indicator--00000000-0000-4000-8000-000000000003 objects\[2\]\.pattern/);
    assert.match(first.err, /Import .*partner\.json.*100%/, 'a progress line with the rate goes to stderr');
    const stored = await openKoban(loadConfig({}, { KOBAN_DATA_DIR: dataDir, KOBAN_LOG_LEVEL: 'silent' }));
    try {
      const rows = await stored.database.db.selectFrom('stix_object').select(['stix_id', 'body']).orderBy('stix_id').execute();
      // The worker hands the texts over as bytes: they are stored as the texts they were.
      assert.deepEqual(
        rows.map((r) => [r.stix_id, typeof r.body === 'string' ? (JSON.parse(r.body) as unknown) : r.body]),
        objects.slice(0, 2).map((o) => [o.id, o]),
      );
    } finally {
      await stored.close();
    }
    const again = koban(['import', 'stix', file, '--json']);
    const summary = JSON.parse(again.out) as { imported: number; unchanged: number };
    assert.deepEqual([summary.imported, summary.unchanged], [0, 2]);
  });

  it('stops with a reason on a file that is not a bundle, keeping what came before', () => {
    const file = join(root, 'truncated.json');
    writeFileSync(
      file,
      `{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[${JSON.stringify(indicator(9, '198.51.100.9', 'green'))},{"type":`,
    );
    const result = koban(['import', 'stix', file]);
    assert.equal(result.code, 1);
    assert.match(result.out, /stopped early/);
  });

  it('exports up to the chosen level only, as a valid bundle', () => {
    const out = join(root, 'green.json');
    const result = koban(['export', 'stix', '--tlp', 'green', '--out', out]);
    assert.equal(result.code, 0, result.err);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { objects: { id: string }[] };
    assert.equal(validateStixBundle(bundle).valid, true);
    const ids = bundle.objects.map((o) => o.id);
    assert.ok(ids.includes(indicator(1, '', 'green').id));
    assert.ok(!ids.includes(indicator(2, '', 'red').id), 'TLP:RED stays home');
    const csv = koban(['export', 'csv', '--tlp', 'red']);
    assert.equal(csv.code, 0, csv.err);
    assert.match(csv.out, /198\.51\.100\.2/);
  });

  it('imports CSV and MISP files', () => {
    const csvFile = join(root, 'iocs.csv');
    writeFileSync(csvFile, 'value,type,tlp\r\n203.0.113.50,ipv4,green\r\n???,,green\r\n');
    const csv = koban(['import', 'csv', csvFile]);
    assert.equal(csv.code, 1, csv.err);
    assert.match(csv.out, /2 new, 0 already held, 1 refused/);
    const mispFile = join(import.meta.dirname, '../../src/modules/sharing/misp/fixtures/phishing-jp-bank.json');
    const misp = koban(['import', 'misp', mispFile, '--json']);
    const summary = JSON.parse(misp.out) as { imported: number; status: string };
    assert.equal(summary.status, 'done');
    assert.ok(summary.imported > 10);
  });

  it('writes a MISP feed for a sharing group', async () => {
    const koban0 = await openKoban(loadConfig({}, { KOBAN_DATA_DIR: dataDir, KOBAN_LOG_LEVEL: 'silent' }));
    try {
      const group = await koban0.services.sharing.groups.create(
        { type: 'cli', id: null },
        null,
        { name: 'JC3', description: '', maxTlp: 'amber', includePersonal: false },
        null,
      );
      // The MISP event's report and indicators go into the group's collection as a TAXII push would put them.
      const { addToCollection } = await import('#modules/sharing/taxii/collection-entries.ts');
      const rows = await koban0.database.db.selectFrom('stix_object').select(['stix_id', 'version', 'type', 'tlp']).where('latest', '=', 1).execute();
      await koban0.database.db.transaction().execute((trx) =>
        addToCollection(
          trx,
          group.id,
          rows.map((r) => ({ stixId: r.stix_id, version: r.version, type: r.type, tlp: r.tlp })),
          new Date(),
        ),
      );
    } finally {
      await koban0.close();
    }
    const feedDir = join(root, 'feed');
    const result = koban(['misp', 'feed', feedDir, '--group', 'JC3']);
    assert.equal(result.code, 0, result.err);
    const files = readdirSync(feedDir);
    assert.ok(files.includes('manifest.json') && files.includes('hashes.csv'), files.join(','));
    const manifest = JSON.parse(readFileSync(join(feedDir, 'manifest.json'), 'utf8')) as Record<string, { info: string }>;
    const [uuid] = Object.keys(manifest);
    assert.ok(uuid && files.includes(`${uuid}.json`));
    const event = JSON.parse(readFileSync(join(feedDir, `${uuid}.json`), 'utf8')) as { Event: { Attribute: { value: string }[]; Tag: { name: string }[] } };
    assert.ok(
      event.Event.Tag.some((t) => t.name === 'tlp:amber'),
      JSON.stringify(event.Event.Tag),
    );
    const hashes = readFileSync(join(feedDir, 'hashes.csv'), 'utf8');
    const first = event.Event.Attribute[0]?.value ?? '';
    assert.ok(hashes.includes(`${createHash('md5').update(first).digest('hex')},${uuid}`));
    assert.ok(!JSON.stringify(event).includes('tlp:red'), 'nothing above the group level');
    assert.ok(!JSON.stringify(event).includes('198.51.100.8'), 'the attribute marked TLP:RED stays out');
  });
});
