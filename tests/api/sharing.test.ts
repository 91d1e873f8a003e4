// Issue 6 sharing through the HTTP API: imports of STIX bundles (bad objects refused with their
// reason, good ones kept with their provenance, re-imports change nothing), MISP events (galaxies
// join the threat catalogue) and CSV; exports that never go above the receiver's TLP; a case
// published to a sharing group without personal data; and an export → import round trip into a
// second instance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TLP2_MARKING_IDS } from '#modules/sharing/tlp.ts';
import { validateStixBundle } from '#modules/sharing/index.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let analyst: Agent;
let admin: Agent;
let officer: Agent;
let cyberId: string;

before(async () => {
  ctx = await makeTestContext();
  cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  analyst = await loginAs(ctx, ['cyber_analyst'], 'sanalyst', { unitId: cyberId });
  admin = await loginAs(ctx, ['admin'], 'sadmin', { unitId: cyberId });
  officer = await loginAs(ctx, ['station_officer'], 'sofficer', { unitId: (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '' });
});
after(async () => ctx.close());

type Json = Record<string, unknown>;

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function indicator(n: number, pattern: string, tlp?: keyof typeof TLP2_MARKING_IDS, extra: Json = {}): Json {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuid(n)}`,
    created: '2026-10-01T00:00:00.000Z',
    modified: '2026-10-01T00:00:00.000Z',
    name: `test ${n}`,
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-10-01T00:00:00Z',
    ...(tlp ? { object_marking_refs: [TLP2_MARKING_IDS[tlp]] } : {}),
    ...extra,
  };
}

/** The versions held of one STIX id, oldest first, with their latest flag. */
async function storedVersions(stixId: string): Promise<[string, number][]> {
  const rows = await ctx.koban.database.db.selectFrom('stix_object').select(['version', 'latest']).where('stix_id', '=', stixId).orderBy('version').execute();
  return rows.map((r) => [r.version, r.latest]);
}

function bundle(objects: Json[]): string {
  return JSON.stringify({ type: 'bundle', id: `bundle--${uuid(999)}`, objects });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answers freely
async function importData(agent: Agent, body: Json): Promise<any> {
  const response = await agent.request('POST', '/api/sharing/imports', body);
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

async function exportBundle(agent: Agent, query: string): Promise<{ objects: Json[] }> {
  const response = await agent.request('GET', `/api/sharing/export?${query}`);
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-type']), /application\/stix\+json/);
  const parsed = JSON.parse(response.body) as { objects: Json[] };
  const report = validateStixBundle(parsed);
  assert.equal(report.valid, true, JSON.stringify(report.errors.slice(0, 3)));
  return parsed;
}

const ids = (objects: Json[]) => new Set(objects.map((o) => o.id as string));

describe('STIX import', () => {
  it('keeps the good objects with their provenance, refuses the bad ones with a reason, and changes nothing on a re-import', async () => {
    const data = bundle([
      indicator(1, "[ipv4-addr:value = '198.51.100.77']", 'green'),
      indicator(2, '[ipv4-addr:value = ', 'green'),
      { ...indicator(3, "[url:value = 'https://phish.example.org/login']"), spec_version: '2.0' },
      indicator(4, "[x-koban-phone-number:value = '+81312340000']"),
      { type: 'domain-name', spec_version: '2.1', id: 'domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5', value: 'phish-bank.example.net' },
      indicator(1, "[ipv4-addr:value = '198.51.100.77']", 'green'),
      { type: 'x-unknown-thing', spec_version: '2.1', id: 'x-unknown-thing--' + uuid(5) },
    ]);
    const first = await importData(analyst, { format: 'stix', data, fileName: 'partner.json', tlp: 'amber' });
    assert.equal(first.status, 'done');
    assert.equal(first.total, 7);
    assert.equal(first.imported, 4);
    assert.equal(first.refused, 3);
    const codes = first.problems.map((p: { code: string }) => p.code).sort();
    assert.deepEqual(codes, ['stix.duplicate_in_import', 'stix.invalid_pattern', 'stix.spec_version']);
    assert.ok(first.problems.every((p: { message: string }) => p.message.length > 0));

    const stored = await ctx.koban.database.db
      .selectFrom('stix_object')
      .select(['stix_id', 'tlp', 'source', 'imported_by', 'batch_id'])
      .where('batch_id', '=', first.batchId)
      .execute();
    assert.equal(stored.length, 4);
    assert.ok(stored.every((row) => row.source === 'upload:partner.json' && row.imported_by === `user:${analyst.userId}`));
    assert.equal(stored.find((row) => row.stix_id === `indicator--${uuid(1)}`)?.tlp, 'green');
    assert.equal(stored.find((row) => row.stix_id === `indicator--${uuid(4)}`)?.tlp, 'amber', 'unmarked objects take the import default');

    const lookup = await analyst.request('POST', '/api/observables/lookup', { values: ['198.51.100.77', '+81312340000', 'phish-bank.example.net'] });
    assert.deepEqual(
      lookup.json<{ items: { known: boolean }[] }>().items.map((i) => i.known),
      [true, true, true],
      'imported indicators and SCOs become observables that correlate',
    );

    const again = await importData(analyst, { format: 'stix', data, fileName: 'partner.json' });
    assert.equal(again.imported, 0);
    assert.equal(again.unchanged, 4);
    const count = await ctx.koban.database.db
      .selectFrom('stix_object')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 4);

    const batch = await analyst.request('GET', `/api/sharing/imports/${first.batchId as string}`);
    assert.equal(batch.json<Json>().kind, 'stix');
    assert.equal(batch.json<{ problems: unknown[] }>().problems.length, 3);
  });

  it('keeps a newer version as latest and the older one as history', async () => {
    const v1 = indicator(20, "[domain-name:value = 'c2.example.com']", 'green');
    const v2 = { ...v1, modified: '2026-11-01T00:00:00.000Z', name: 'renamed' };
    await importData(analyst, { format: 'stix', data: bundle([v2]) });
    await importData(analyst, { format: 'stix', data: bundle([v1]) });
    assert.deepEqual(await storedVersions(v1.id as string), [
      ['2026-10-01T00:00:00.000Z', 0],
      ['2026-11-01T00:00:00.000Z', 1],
    ]);
  });

  it('marks the newest as latest when one bundle holds several versions of an object', async () => {
    const v1 = indicator(21, "[domain-name:value = 'c3.example.com']", 'green');
    const v3 = { ...v1, modified: '2026-12-01T00:00:00.000Z', name: 'third' };
    const v2 = { ...v1, modified: '2026-11-01T00:00:00.000Z', name: 'second' };
    await importData(analyst, { format: 'stix', data: bundle([v1, v3, v2]) });
    assert.deepEqual(await storedVersions(v1.id as string), [
      ['2026-10-01T00:00:00.000Z', 0],
      ['2026-11-01T00:00:00.000Z', 0],
      ['2026-12-01T00:00:00.000Z', 1],
    ]);
  });

  it('shows a long import’s counts as its chunks commit, and one that stopped answering as interrupted', async () => {
    const sharing = ctx.koban.services.sharing;
    const seen: { status: string; total: number; imported: number }[] = [];
    async function* entries() {
      for (let index = 0; index < 5001; index++) {
        // Asked for the next element only once the importer has committed the chunk before it.
        if (index === 2500 || index === 5000) {
          // The test clock stands still: the batch is found by its source, not as the newest.
          const running = (await sharing.listBatches(100)).find((b) => b.source === 'test:progress');
          if (running) seen.push({ status: running.status, total: running.total, imported: running.imported });
        }
        yield { index, value: indicator(100_000 + index, `[ipv4-addr:value = '10.${index >> 8}.${index & 255}.7']`, 'green') };
      }
    }
    const summary = await sharing.importObjects(entries(), {
      kind: 'stix',
      source: 'test:progress',
      actor: { kind: 'cli', id: null, label: 'test', audit: { type: 'cli', id: null } },
      defaultTlp: 'amber',
      locale: 'en',
    });
    assert.equal(summary.imported, 5001);
    assert.deepEqual(seen, [
      { status: 'running', total: 2500, imported: 2500 },
      { status: 'running', total: 5000, imported: 5000 },
    ]);
    const batch = await sharing.getBatch(summary.batchId);
    assert.equal(batch.status, 'done');
    assert.equal(batch.total, 5001);

    // A batch whose process died mid-way: still 'running' in the table, silent since its last chunk.
    const started = ctx.clock.now();
    await ctx.koban.database.db
      .insertInto('import_batch')
      .values({
        id: 'batch-killed',
        kind: 'stix',
        source: 'file:/data/big.json',
        actor_kind: 'cli',
        actor_id: null,
        actor_label: 'operator',
        default_tlp: 'amber',
        status: 'running',
        started_at: started.toISOString(),
        updated_at: started.toISOString(),
      })
      .execute();
    ctx.clock.advanceMinutes(9);
    assert.equal((await sharing.getBatch('batch-killed')).status, 'running');
    ctx.clock.advanceMinutes(2);
    const listed = (await analyst.request('GET', '/api/sharing/imports')).json<{ items: { id: string; status: string }[] }>();
    assert.equal(listed.items.find((b) => b.id === 'batch-killed')?.status, 'interrupted');
    assert.equal((await analyst.request('GET', '/api/sharing/imports/batch-killed')).json<{ status: string }>().status, 'interrupted');
  });

  it('refuses what is not a bundle with a coded error in the caller’s language', async () => {
    const notJson = await analyst.request('POST', '/api/sharing/imports', { format: 'stix', data: '{"type":"bundle",' }, { 'accept-language': 'en' });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json<{ error: { code: string } }>().error.code, 'sharing.invalid_import');
    const notBundle = await analyst.request('POST', '/api/sharing/imports', { format: 'stix', data: '{"type":"report"}' });
    assert.equal(notBundle.statusCode, 400);
    assert.match(notBundle.json<{ error: { message: string } }>().error.message, /取り込めない/);
  });

  it('is not open to station officers', async () => {
    const response = await officer.request('POST', '/api/sharing/imports', { format: 'stix', data: bundle([]) });
    assert.equal(response.statusCode, 403);
  });
});

describe('exports by receiver', () => {
  it('never carry anything above the receiver’s TLP', async () => {
    await importData(analyst, {
      format: 'stix',
      data: bundle([
        indicator(31, "[ipv4-addr:value = '203.0.113.31']", 'clear'),
        indicator(32, "[ipv4-addr:value = '203.0.113.32']", 'green'),
        indicator(33, "[ipv4-addr:value = '203.0.113.33']", 'amber'),
        indicator(34, "[ipv4-addr:value = '203.0.113.34']", 'amber+strict'),
        indicator(35, "[ipv4-addr:value = '203.0.113.35']", 'red'),
      ]),
    });
    const green = ids((await exportBundle(analyst, 'tlp=green')).objects);
    assert.ok(green.has(`indicator--${uuid(31)}`) && green.has(`indicator--${uuid(32)}`));
    for (const n of [33, 34, 35]) assert.ok(!green.has(`indicator--${uuid(n)}`), `TLP above green leaked: ${n}`);
    const amber = ids((await exportBundle(analyst, 'tlp=amber')).objects);
    assert.ok(amber.has(`indicator--${uuid(33)}`));
    assert.ok(!amber.has(`indicator--${uuid(34)}`) && !amber.has(`indicator--${uuid(35)}`));
    const red = ids((await exportBundle(analyst, 'tlp=red')).objects);
    assert.ok(red.has(`indicator--${uuid(35)}`));
  });

  it('carry the threat catalogue as intrusion sets and malware families when asked and allowed', async () => {
    const withCatalogue = (await exportBundle(analyst, 'tlp=green&catalogue=true')).objects;
    assert.ok(withCatalogue.some((o) => o.type === 'intrusion-set' && o.name === 'Lazarus Group' && Array.isArray(o.aliases)));
    assert.ok(withCatalogue.some((o) => o.type === 'malware' && o.name === 'LockBit' && o.is_family === true));
    const clearOnly = (await exportBundle(analyst, 'tlp=clear&catalogue=true')).objects;
    assert.ok(!clearOnly.some((o) => o.type === 'intrusion-set'), 'the catalogue is GREEN');
  });

  it('give CSV with a header and formula-safe cells', async () => {
    const response = await analyst.request('GET', '/api/sharing/export?format=csv&tlp=green');
    assert.equal(response.statusCode, 200);
    assert.ok(response.body.startsWith('\ufefftype,value,tlp'), response.body.slice(0, 80));
    assert.match(response.body, /203\.0\.113\.31/);
    assert.doesNotMatch(response.body, /203\.0\.113\.33/);
  });
});

describe('publishing a case to a sharing group', () => {
  it('sends the case as a report at the group’s level, without its title, victim or personal data unless marked', async () => {
    const group = await admin.request('POST', '/api/sharing/groups', { name: '全国都道府県警察', maxTlp: 'green', description: '47 prefectures' });
    assert.equal(group.statusCode, 201, group.body);
    const groupId = group.json<{ id: string }>().id;
    const member = await admin.request('POST', `/api/sharing/groups/${groupId}/members`, { organisation: '警視庁 サイバー犯罪対策課', canPublish: true });
    assert.equal(member.statusCode, 201, member.body);
    assert.match(member.json<{ token: string }>().token, /^kbt_/);
    assert.equal((await analyst.request('POST', '/api/sharing/groups', { name: 'x', maxTlp: 'red' })).statusCode, 201, 'analysts manage groups');
    const one = await analyst.request('GET', `/api/sharing/groups/${groupId}`);
    assert.equal(one.json<{ members: unknown[] }>().members.length, 1);
    const endpoints = (await analyst.request('GET', '/api/sharing/endpoints')).json<{ taxiiDiscoveryUrl: string; mispFeedBaseUrl: string }>();
    assert.equal(endpoints.taxiiDiscoveryUrl, `${ctx.config.publicUrl}/taxii2/`);
    assert.equal(endpoints.mispFeedBaseUrl, `${ctx.config.publicUrl}/misp-feeds/`);
    assert.equal((await officer.request('POST', '/api/sharing/groups', { name: 'y', maxTlp: 'red' })).statusCode, 403);

    const opened = await analyst.request('POST', '/api/cases', {
      title: '山田太郎さんのネットバンキング不正送金',
      category: 'fraud',
      subcategory: 'phishing',
      description: '被害者 山田太郎 (090-1111-2222) から相談',
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const caseBody = opened.json<{ id: string; caseNo: string; version: number }>();
    const text = '送金先 hxxps://secure-login.example-bank.net/auth と 45.137.21.9、連絡先 yamada.taro@kakuu-shoten.jp、電話 090-1111-2222';
    assert.equal((await analyst.request('POST', `/api/cases/${caseBody.id}/observables`, { text })).statusCode, 200);
    await analyst.request('POST', `/api/cases/${caseBody.id}/attributions`, { threatId: 'lockbit', confidence: 'medium' });

    const refused = await analyst.request('POST', `/api/sharing/groups/${groupId}/publish`, { caseId: caseBody.id });
    assert.equal(refused.statusCode, 409, 'an AMBER case does not go to a GREEN group');
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'sharing.tlp_too_high');

    const detail = (await analyst.request('GET', `/api/cases/${caseBody.id}`)).json<{ version: number; tlp: string }>();
    assert.equal(detail.tlp, 'amber');
    const marked = await analyst.request('PATCH', `/api/cases/${caseBody.id}`, { version: detail.version, tlp: 'green' });
    assert.equal(marked.statusCode, 200, marked.body);

    const published = await analyst.request('POST', `/api/sharing/groups/${groupId}/publish`, { caseId: caseBody.id });
    assert.equal(published.statusCode, 200, published.body);
    const exported = await exportBundle(analyst, `groupId=${groupId}`);
    const text2 = JSON.stringify(exported.objects);
    assert.ok(!text2.includes('山田'), 'no victim name');
    assert.ok(!text2.includes('090-1111-2222') && !text2.includes('+819011112222'), 'no phone number by default');
    assert.ok(!text2.includes('yamada.taro'), 'no e-mail by default');
    assert.ok(text2.includes('45.137.21.9'));
    assert.ok(text2.includes('secure-login.example-bank.net'));
    const report = exported.objects.find((o) => o.type === 'report');
    assert.equal(report?.name, caseBody.caseNo);
    assert.ok(
      exported.objects.some((o) => o.type === 'malware' && o.name === 'LockBit'),
      JSON.stringify(exported.objects.map((o) => [o.type, o.name])),
    );
    assert.ok(exported.objects.some((o) => o.type === 'relationship' && o.relationship_type === 'indicates'));

    // The group's MISP feed, read with the member's token as a MISP instance would.
    const token = member.json<{ token: string }>().token;
    const manifest = await ctx.app.inject({ method: 'GET', url: `/misp-feeds/${groupId}/manifest.json`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(manifest.statusCode, 200, manifest.body);
    const events = Object.entries(manifest.json<Record<string, { info: string }>>());
    assert.deepEqual(
      events.map(([, e]) => e.info),
      [caseBody.caseNo],
    );
    const eventFile = await ctx.app.inject({
      method: 'GET',
      url: `/misp-feeds/${groupId}/${events[0]?.[0] ?? ''}.json`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.match(eventFile.body, /45\.137\.21\.9/);
    assert.doesNotMatch(eventFile.body, /山田/);
    const hashes = await ctx.app.inject({ method: 'GET', url: `/misp-feeds/${groupId}/hashes.csv`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(hashes.statusCode, 200);
    assert.equal((await ctx.app.inject({ method: 'GET', url: `/misp-feeds/${groupId}/manifest.json` })).statusCode, 401);
    const otherGroup = (await admin.request('POST', '/api/sharing/groups', { name: '茨城県サイバーテロ対策協議会', maxTlp: 'green' })).json<{ id: string }>()
      .id;
    const foreign = await ctx.app.inject({ method: 'GET', url: `/misp-feeds/${otherGroup}/manifest.json`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(foreign.statusCode, 404, 'a member reads only its own group');

    // An analyst marks the e-mail address as shareable: it goes with the next publication.
    const lookup = await analyst.request('POST', '/api/observables/lookup', { values: ['yamada.taro@kakuu-shoten.jp'] });
    const emailId = lookup.json<{ items: { observableId: number }[] }>().items[0]?.observableId;
    const mark = await analyst.request('PATCH', `/api/observables/${String(emailId)}`, { tlp: 'green' });
    assert.equal(mark.statusCode, 200, mark.body);
    await analyst.request('POST', `/api/sharing/groups/${groupId}/publish`, { caseId: caseBody.id });
    assert.ok(JSON.stringify((await exportBundle(analyst, `groupId=${groupId}`)).objects).includes('yamada.taro@kakuu-shoten.jp'));
  });
});

describe('report markings', () => {
  it('lets the desk mark a report with a TLP level, on record in the audit log', async () => {
    const created = await officer.request('POST', '/api/intake/consultations', {
      reporterType: 'individual',
      category: 'fraud',
      subcategory: 'support_scam',
      summary: 'サポート詐欺の画面',
      description: '画面の番号に電話した',
      channel: 'walk_in',
    });
    assert.equal(created.statusCode, 201, created.body);
    const item = created.json<{ id: string; tlp: string }>();
    assert.equal(item.tlp, 'amber');
    const marked = await officer.request('POST', `/api/intake/items/${item.id}/tlp`, { tlp: 'red' });
    assert.equal(marked.statusCode, 200, marked.body);
    assert.equal(marked.json<{ tlp: string }>().tlp, 'red');
    assert.equal((await officer.request('POST', `/api/intake/items/${item.id}/tlp`, { tlp: 'purple' })).statusCode, 400);
    const actions = await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('target_id', '=', item.id).execute();
    assert.ok(actions.some((a) => a.action === 'intake.marked'));
  });
});

describe('MISP and CSV imports', () => {
  it('reads a MISP event: attributes become indicators, galaxies join the threat catalogue', async () => {
    const fixture = readFileSync(join(import.meta.dirname, '../../src/modules/sharing/misp/fixtures/phishing-jp-bank.json'), 'utf8');
    const result = await importData(analyst, { format: 'misp', data: fixture, fileName: 'misp-event.json' });
    assert.equal(result.status, 'done');
    assert.ok(result.imported > 10, JSON.stringify(result));
    assert.ok(
      result.problems.some((p: { message: string }) => p.message.length > 0),
      'unsupported attributes are listed',
    );
    const lockbit = await analyst.request('GET', '/api/threats?q=lockbit');
    assert.equal(lockbit.json<{ items: { id: string }[] }>().items[0]?.id, 'lockbit', 'a known family is matched, not duplicated');
    const batch = await ctx.koban.database.db.selectFrom('import_batch').select(['kind', 'source']).where('id', '=', result.batchId).executeTakeFirstOrThrow();
    assert.deepEqual(batch, { kind: 'misp', source: 'upload:misp-event.json' });
  });

  it('reads CSV with Japanese headers, refusing bad rows by line', async () => {
    const csv = '指標,種別,TLP,説明\r\n198.51.100.200,ipv4,green,C2\r\nnot-a-value,,green,x\r\nhxxps://evil[.]example[.]net/pay,url,clear,payment page\r\n';
    const result = await importData(analyst, { format: 'csv', data: csv, fileName: 'iocs.csv' });
    assert.equal(result.status, 'done');
    assert.equal(result.imported, 4, JSON.stringify(result));
    assert.equal(result.refused, 1);
    assert.match(result.problems[0].path, /line 3/);
  });
});

describe('round trip', () => {
  it('exports what a second instance imports as the same objects', async () => {
    const exported = await exportBundle(analyst, 'tlp=amber');
    const other = await makeTestContext();
    try {
      const summary = await other.koban.services.sharing.importObjects(
        exported.objects.map((value, index) => ({ index, value })),
        {
          kind: 'stix',
          source: 'file:roundtrip.json',
          actor: { kind: 'cli', id: null, label: 'test', audit: { type: 'cli', id: null } },
          defaultTlp: 'amber',
          locale: 'ja',
        },
      );
      assert.equal(summary.refused, 0, JSON.stringify(summary.problems.slice(0, 3)));
      assert.equal(summary.imported, exported.objects.length);
      const bodies = await other.koban.database.db.selectFrom('stix_object').select(['stix_id', 'body']).execute();
      const byId = new Map(bodies.map((b) => [b.stix_id, JSON.parse(b.body) as Json]));
      for (const object of exported.objects) assert.deepEqual(byId.get(object.id as string), object);
    } finally {
      await other.close();
    }
  });
});
