// `koban seed demo` as an operator runs it: a real process on a real SQLite file, at a small scale.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { loadConfig } from '#kernel/config.ts';
import { buildHttpApp, openKoban } from '../../src/server.ts';

const BIN = join(import.meta.dirname, '../../bin/koban.js');
const PASSWORD = 'demo passphrase 2026';
let root: string;

function koban(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KOBAN_DATA_DIR: dataDir, KOBAN_LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** What must not change between two runs with the same seed. */
function fingerprint(dataDir: string) {
  const sqlite = new Database(join(dataDir, 'koban.db'), { readonly: true });
  try {
    return {
      cases: sqlite.prepare('select case_no, title, status, damage_yen from case_record order by case_no').all(),
      receipts: sqlite.prepare('select receipt_no, category, summary from intake_item order by receipt_no').all(),
      observables: sqlite.prepare('select type, count(*) as n from observable group by type order by type').all(),
      sightings: sqlite.prepare('select source_type, count(*) as n from sighting group by source_type order by source_type').all(),
      attributions: sqlite
        .prepare('select c.case_no, a.threat_id, a.confidence from case_attribution a join case_record c on c.id = a.case_id order by c.case_no, a.threat_id')
        .all(),
      profiles: sqlite.prepare('select infection_route, backup_state, count(*) as n from case_ransomware group by 1, 2 order by 1, 2').all(),
      evidence: sqlite.prepare('select evidence_no, kind, status, sha256 from evidence_item order by evidence_no').all(),
      custody: sqlite.prepare('select action, count(*) as n from custody_event group by action order by action').all(),
      analysis: sqlite.prepare('select status, count(*) as n from analysis_request group by status order by status').all(),
      support: sqlite
        .prepare('select status, escalated_at is not null as escalated, count(*) as n from case_support_request group by 1, 2 order by 1, 2')
        .all(),
      external: sqlite.prepare('select kind, counterpart, status from case_external_cooperation order by kind, counterpart, status').all(),
      international: sqlite.prepare('select direction, country_code, channel, status from case_international_request order by country_code, status').all(),
    };
  } finally {
    sqlite.close();
  }
}

const seedArgs = ['seed', 'demo', '--seed', '11', '--scale', '0.03', '--password', PASSWORD];
let first: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'koban-demo-'));
  first = join(root, 'first');
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('koban seed demo', () => {
  it('seeds reports, cases and officers, and the same seed gives the same year', () => {
    const seeded = koban(first, seedArgs);
    assert.equal(seeded.code, 0, seeded.err);
    assert.match(seeded.out, /demo-cyber-investigation-01\tcyber_investigator/);
    assert.doesNotMatch(seeded.out, new RegExp(PASSWORD));
    const again = join(root, 'again');
    assert.equal(koban(again, seedArgs).code, 0);
    const a = fingerprint(first);
    assert.ok(a.cases.length >= 5, `only ${a.cases.length} cases`);
    assert.ok(a.receipts.length >= 90, `only ${a.receipts.length} reports`);
    assert.ok(a.attributions.length > 0 && a.evidence.length > 0 && a.support.length > 0, JSON.stringify(a));
    assert.deepEqual(fingerprint(again), a);
    const other = join(root, 'other');
    assert.equal(koban(other, ['seed', 'demo', '--seed', '12', '--scale', '0.03', '--json']).code, 0);
    assert.notDeepEqual(fingerprint(other).receipts, a.receipts);
  });

  it('shares infrastructure: an observable is sighted by at least two cases and correlates them', () => {
    const sqlite = new Database(join(first, 'koban.db'), { readonly: true });
    const shared = sqlite
      .prepare(
        `select o.type, count(distinct s.source_id) as cases from sighting s join observable o on o.id = s.observable_id
         where s.source_type = 'case' and o.warning is null group by o.id having cases >= 2 order by cases desc`,
      )
      .all() as { type: string; cases: number }[];
    sqlite.close();
    assert.ok(shared.length > 0, 'no observable shared by two cases');
    assert.ok(new Set(shared.map((s) => s.type)).size >= 2, JSON.stringify(shared));
  });

  it('shows the newer case features: attributed ransomware, evidence in custody, cooperation', async () => {
    const sqlite = new Database(join(first, 'koban.db'), { readonly: true });
    const handedOver = sqlite
      .prepare(
        `select e.id, e.case_id, u.username from evidence_item e join case_record c on c.id = e.case_id join app_user u on u.id = c.lead_user_id
         where e.sha256 is not null and exists (select 1 from custody_event ce where ce.evidence_id = e.id and ce.action = 'handed_over')
         order by e.evidence_no limit 1`,
      )
      .get() as { id: string; case_id: string; username: string } | undefined;
    const cooperation = sqlite
      .prepare(
        `select (select count(*) from case_support_request) as support, (select count(*) from case_external_cooperation) as external,
                (select count(*) from case_international_request) as international`,
      )
      .get() as { support: number; external: number; international: number };
    sqlite.close();
    assert.ok(handedOver, 'no file evidence that was handed over');
    assert.ok(cooperation.support > 0, JSON.stringify(cooperation));
    assert.ok(cooperation.external + cooperation.international > 0, JSON.stringify(cooperation));

    const config = loadConfig({}, { KOBAN_DATA_DIR: first, KOBAN_LOG_LEVEL: 'silent', KOBAN_WEB_DIST: join(root, 'none') });
    const instance = await openKoban(config);
    const app = await buildHttpApp(instance);
    const loginAs = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      assert.equal(login.statusCode, 200, login.body);
      return { cookie: `koban_session=${login.cookies.find((c) => c.name === 'koban_session')?.value ?? ''}` };
    };
    try {
      const investigator = await loginAs('demo-cyber-investigation-01');
      const summary = await app.inject({ method: 'GET', url: '/api/threats/ransomware-summary?from=2026-01&to=2026-11', headers: investigator });
      assert.equal(summary.statusCode, 200, summary.body);
      const counts = summary.json<{ total: number; profiled: number; byFamily: { key: string }[]; byRoute: { key: string }[] }>();
      assert.ok(counts.total > 0 && counts.profiled > 0, summary.body);
      assert.ok(
        counts.byFamily.some((f) => f.key !== 'unattributed'),
        summary.body,
      );
      assert.ok(
        counts.byRoute.some((r) => r.key !== 'not_recorded'),
        summary.body,
      );

      const lead = await loginAs(handedOver.username);
      const detail = await app.inject({ method: 'GET', url: `/api/cases/${handedOver.case_id}/evidence/${handedOver.id}`, headers: lead });
      assert.equal(detail.statusCode, 200, detail.body);
      const item = detail.json<{ integrity: string; chainIntact: boolean; custody: { action: string }[] }>();
      assert.equal(item.integrity, 'intact');
      assert.equal(item.chainIntact, true);
      assert.deepEqual(
        item.custody.slice(0, 2).map((e) => e.action),
        ['collected', 'handed_over'],
      );
    } finally {
      await app.close();
      await instance.close();
    }
  });

  it('keeps the audit chain whole', () => {
    const verified = koban(first, ['audit', 'verify']);
    assert.equal(verified.code, 0, verified.err);
  });

  it('refuses an instance that already holds work (exit 1, coded message), and a bad option', () => {
    const refused = koban(first, seedArgs);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /demo\.instance_not_empty/);
    assert.equal(koban(join(root, 'bad'), ['seed', 'demo', '--scale', 'lots']).code, 1);
    assert.match(koban(join(root, 'bad2'), ['seed', 'demo', '--scale', '0']).err, /demo\.invalid_option/);
    assert.match(koban(join(root, 'bad3'), ['seed', 'demo', '--password', 'short']).err, /auth\.weak_password/);
    assert.equal(koban(first, ['seed', 'demo', '--help']).code, 0);
  });

  it('lets a demo officer log in with the chosen password and find a seeded case by a Japanese word', async () => {
    const config = loadConfig({}, { KOBAN_DATA_DIR: first, KOBAN_LOG_LEVEL: 'silent', KOBAN_WEB_DIST: join(root, 'none') });
    const instance = await openKoban(config);
    const app = await buildHttpApp(instance);
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-cyber-investigation-01', password: PASSWORD } });
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(login.json<{ stage: string }>().stage, 'active');
      const cookie = login.cookies.find((c) => c.name === 'koban_session');
      const headers = { cookie: `koban_session=${cookie?.value ?? ''}` };
      const found = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('ランサムウェア')}&kinds=case`, headers });
      assert.equal(found.statusCode, 200, found.body);
      const items = found.json<{ items: { kind: string; label: string; title: string }[] }>().items;
      assert.ok(items.length > 0, 'no case found');
      assert.match(items[0]?.label ?? '', /^IB-C-2026-\d{4}$/);
      assert.match(items[0]?.title ?? '', /ランサムウェア/);
    } finally {
      await app.close();
      await instance.close();
    }
  });
});
