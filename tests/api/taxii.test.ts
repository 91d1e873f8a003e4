// M3.2c TAXII 2.1 server through HTTP on a real database: discovery and the API root, who sees
// which collection (member tokens by Bearer or Basic, Koban users by permission), the TLP ceiling
// re-checked at every read, the filters and paging of objects, manifest and versions, pushes by a
// publishing member with their status resource, and the TAXII error messages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { addToCollection } from '#modules/sharing/taxii/index.ts';
import { TLP2_MARKING_IDS, type Tlp } from '#modules/sharing/tlp.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

const TAXII = 'application/taxii+json;version=2.1';
const SYSTEM = { type: 'system' as const, id: null };

let ctx: TestContext;
let groupA: string;
let groupB: string;
let publisherToken: string;
let readerToken: string;
let memberBToken: string;
let analyst: Agent;

function stixUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function indicator(n: number, options: { modified?: string; tlp?: Tlp; name?: string } = {}): Record<string, unknown> {
  const created = '2026-11-01T00:00:00.000Z';
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${stixUuid(n)}`,
    created,
    modified: options.modified ?? created,
    name: options.name ?? `C2 server ${n}`,
    pattern: `[ipv4-addr:value = '198.51.100.${n % 250}']`,
    pattern_type: 'stix',
    valid_from: created,
    ...(options.tlp ? { object_marking_refs: [TLP2_MARKING_IDS[options.tlp]] } : {}),
  };
}

/** Imports objects as the CLI would and adds them to a group's collection, whatever their TLP. */
async function seed(groupId: string, objects: Record<string, unknown>[]): Promise<void> {
  const summary = await ctx.koban.services.sharing.importObjects(
    objects.map((value, index) => ({ index, value })),
    {
      kind: 'stix',
      source: 'test:seed',
      actor: { kind: 'cli', id: null, label: 'test', audit: SYSTEM },
      defaultTlp: 'green',
      locale: 'en',
      onAccepted: (trx, versions) => addToCollection(trx, groupId, versions, ctx.clock.now()),
    },
  );
  assert.equal(summary.refused, 0, JSON.stringify(summary.problems));
}

type Call = { token?: string; basic?: string; accept?: string; headers?: Record<string, string>; payload?: string; contentType?: string };

function taxii(method: 'GET' | 'POST' | 'DELETE', url: string, call: Call = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { accept: call.accept ?? TAXII, ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.basic) headers.authorization = `Basic ${Buffer.from(`any-user:${call.basic}`).toString('base64')}`;
  if (call.payload !== undefined) headers['content-type'] = call.contentType ?? TAXII;
  return ctx.app.inject({ method, url, headers, ...(call.payload !== undefined ? { payload: call.payload } : {}) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
function ok(response: LightMyRequestResponse, status = 200): any {
  assert.equal(response.statusCode, status, response.body);
  assert.equal(response.headers['content-type'], TAXII);
  return JSON.parse(response.body);
}

function objectsUrl(groupId: string, query = ''): string {
  return `/taxii2/api/collections/${groupId}/objects/${query}`;
}

function idsOf(envelope: { objects?: { id: string }[] }): string[] {
  return (envelope.objects ?? []).map((o) => o.id);
}

before(async () => {
  ctx = await makeTestContext();
  const groups = ctx.koban.services.sharing.groups;
  groupA = (
    await groups.create(SYSTEM, null, { name: '茨城サイバー連携', description: '県内の重要インフラ事業者', maxTlp: 'green', includePersonal: false }, null)
  ).id;
  groupB = (await groups.create(SYSTEM, null, { name: '他県警察', description: '', maxTlp: 'amber', includePersonal: false }, null)).id;
  publisherToken = (await groups.addMember(SYSTEM, null, groupA, { organisation: '水戸電力', contact: '', canPublish: true }, null)).token;
  readerToken = (await groups.addMember(SYSTEM, null, groupA, { organisation: 'つくば大学', contact: '', canPublish: false }, null)).token;
  memberBToken = (await groups.addMember(SYSTEM, null, groupB, { organisation: '栃木県警', contact: '', canPublish: true }, null)).token;
  analyst = await loginAs(ctx, ['cyber_analyst'], 'taxii_analyst');
});
after(async () => ctx.close());

describe('M3.2c TAXII discovery and API root', () => {
  it('names the one API root under the public URL and what it accepts', async () => {
    const discovery = ok(await taxii('GET', '/taxii2/', { token: readerToken }));
    const apiRoot = `${ctx.config.publicUrl}/taxii2/api/`;
    assert.deepEqual(discovery.api_roots, [apiRoot]);
    assert.equal(discovery.default, apiRoot);
    assert.match(discovery.title, /Koban/);
    const root = ok(await taxii('GET', '/taxii2/api/', { token: readerToken }));
    assert.deepEqual(root.versions, [TAXII]);
    assert.equal(root.max_content_length, 50 * 1024 * 1024);
  });

  it('answers in the requester language', async () => {
    const en = ok(await taxii('GET', '/taxii2/api/', { token: readerToken, headers: { 'accept-language': 'en' } }));
    const ja = ok(await taxii('GET', '/taxii2/api/', { token: readerToken, headers: { 'accept-language': 'ja' } }));
    assert.match(en.description, /sharing group/);
    assert.match(ja.description, /共有グループ/);
  });
});

describe('M3.2c TAXII authentication', () => {
  it('refuses a request without credentials with 401, a Basic realm and a TAXII error message', async () => {
    const response = await taxii('GET', '/taxii2/api/collections/', { headers: { 'accept-language': 'en' } });
    const error = ok(response, 401);
    assert.equal(response.headers['www-authenticate'], 'Basic realm="koban-taxii"');
    assert.equal(error.error_code, 'taxii.credentials_required');
    assert.equal(error.http_status, '401');
    assert.equal(error.title, 'Authentication required');
    assert.match(error.description, /token/);
    assert.ok(error.error_id);
  });

  it('refuses an unknown token and a revoked one, and accepts a member token by Bearer or as the Basic password', async () => {
    assert.equal(ok(await taxii('GET', '/taxii2/api/collections/', { token: 'kbt_not-a-real-token' }), 401).error_code, 'taxii.invalid_credentials');
    assert.equal(ok(await taxii('GET', '/taxii2/api/collections/', { basic: 'wrong' }), 401).error_code, 'taxii.invalid_credentials');
    assert.equal((await taxii('GET', '/taxii2/api/collections/', { basic: readerToken })).statusCode, 200);
    const groups = ctx.koban.services.sharing.groups;
    const doomed = await groups.addMember(SYSTEM, null, groupA, { organisation: '退会済み', contact: '', canPublish: false }, null);
    assert.equal((await taxii('GET', '/taxii2/api/collections/', { token: doomed.token })).statusCode, 200);
    await groups.revokeMember(SYSTEM, groupA, doomed.memberId, null);
    assert.equal(ok(await taxii('GET', '/taxii2/api/collections/', { token: doomed.token }), 401).error_code, 'taxii.invalid_credentials');
    assert.equal((await taxii('GET', '/taxii2/api/collections/', { basic: doomed.token })).statusCode, 401);
  });

  it('lets Koban users in by session or API token only with sharing.read', async () => {
    const withSession = await analyst.request('GET', '/taxii2/api/collections/', undefined, { accept: TAXII });
    assert.equal(withSession.statusCode, 200, withSession.body);
    const created = await analyst.request('POST', '/api/tokens', { name: 'TAXII', scopes: ['sharing.read'] });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await taxii('GET', '/taxii2/api/collections/', { token: created.json().token })).statusCode, 200);
    const officer = await loginAs(ctx, ['station_officer'], 'taxii_officer');
    const refused = await officer.request('GET', '/taxii2/api/collections/', undefined, { accept: TAXII });
    assert.equal(ok(refused, 403).error_code, 'taxii.forbidden');
  });

  it('refuses with 406 an Accept that excludes TAXII 2.1, and takes */* or no version', async () => {
    const refused = await taxii('GET', '/taxii2/api/', { token: readerToken, accept: 'application/json' });
    assert.equal(ok(refused, 406).error_code, 'taxii.not_acceptable');
    assert.equal((await taxii('GET', '/taxii2/api/', { token: readerToken, accept: 'application/taxii+json;version=2.0' })).statusCode, 406);
    assert.equal((await taxii('GET', '/taxii2/api/', { token: readerToken, accept: 'application/taxii+json; version=2.1;q=0' })).statusCode, 406);
    assert.equal((await taxii('GET', '/taxii2/api/', { token: readerToken, accept: '*/*' })).statusCode, 200);
    assert.equal((await taxii('GET', '/taxii2/api/', { token: readerToken, accept: 'text/html, application/taxii+json' })).statusCode, 200);
  });

  it('answers unknown TAXII paths with a TAXII 404', async () => {
    assert.equal(ok(await taxii('GET', '/taxii2/api/nothing-here/', { token: readerToken }), 404).error_code, 'request.not_found');
  });
});

describe('M3.2c TAXII collections', () => {
  it('shows a member its own group only, with can_write for publishers', async () => {
    const asReader = ok(await taxii('GET', '/taxii2/api/collections/', { token: readerToken }));
    assert.deepEqual(
      asReader.collections.map((c: { id: string }) => c.id),
      [groupA],
    );
    assert.equal(asReader.collections[0].title, '茨城サイバー連携');
    assert.equal(asReader.collections[0].can_read, true);
    assert.equal(asReader.collections[0].can_write, false);
    assert.deepEqual(asReader.collections[0].media_types, ['application/stix+json;version=2.1']);
    assert.equal(ok(await taxii('GET', `/taxii2/api/collections/${groupA}/`, { token: publisherToken })).can_write, true);
  });

  it('hides other groups from a member: 404 for the collection, its objects and pushes to it', async () => {
    assert.equal(ok(await taxii('GET', `/taxii2/api/collections/${groupB}/`, { token: readerToken }), 404).error_code, 'taxii.collection_not_found');
    assert.equal((await taxii('GET', objectsUrl(groupB), { token: readerToken })).statusCode, 404);
    assert.equal((await taxii('GET', `/taxii2/api/collections/${groupB}/manifest/`, { token: publisherToken })).statusCode, 404);
    const push = await taxii('POST', objectsUrl(groupA), { token: memberBToken, payload: JSON.stringify({ objects: [indicator(900)] }) });
    assert.equal(push.statusCode, 404);
  });

  it('shows a Koban user every collection; can_write follows sharing.exchange', async () => {
    const asAnalyst = (await analyst.request('GET', '/taxii2/api/collections/', undefined, { accept: TAXII })).json();
    assert.deepEqual(new Set(asAnalyst.collections.map((c: { id: string }) => c.id)), new Set([groupA, groupB]));
    assert.ok(asAnalyst.collections.every((c: { can_write: boolean }) => c.can_write));
    const manager = await loginAs(ctx, ['manager'], 'taxii_manager');
    const asManager = (await manager.request('GET', '/taxii2/api/collections/', undefined, { accept: TAXII })).json();
    assert.equal(asManager.collections.length, 2);
    assert.ok(asManager.collections.every((c: { can_write: boolean }) => !c.can_write));
  });
});

describe('M3.2c TAXII objects under the TLP ceiling', () => {
  it('never returns objects above the group level, and re-checks when the level is lowered', async () => {
    await seed(groupA, [
      indicator(1, { tlp: 'clear' }),
      indicator(2, { tlp: 'green' }),
      indicator(3, { tlp: 'amber' }),
      indicator(4, { tlp: 'red' }),
      indicator(5),
    ]);
    const ids = (n: number[]) => n.map((i) => `indicator--${stixUuid(i)}`);
    const seen = idsOf(ok(await taxii('GET', objectsUrl(groupA, `?match[id]=${ids([1, 2, 3, 4, 5]).join(',')}`), { token: readerToken })));
    assert.deepEqual(seen.sort(), ids([1, 2, 5]).sort());
    const manifest = ok(await taxii('GET', `/taxii2/api/collections/${groupA}/manifest/?match[id]=${ids([3, 4]).join(',')}`, { token: readerToken }));
    assert.equal(manifest.objects, undefined);
    assert.equal(ok(await taxii('GET', objectsUrl(groupA, `${ids([4])[0] ?? ''}/`), { token: readerToken }), 404).error_code, 'taxii.object_not_found');

    const groups = ctx.koban.services.sharing.groups;
    await groups.update(SYSTEM, groupA, { maxTlp: 'clear' }, null);
    const lowered = idsOf(ok(await taxii('GET', objectsUrl(groupA, `?match[id]=${ids([1, 2, 5]).join(',')}`), { token: readerToken })));
    assert.deepEqual(lowered, ids([1]));
    await groups.update(SYSTEM, groupA, { maxTlp: 'green' }, null);
  });

  it('returns the stored STIX objects unchanged, with the date-added headers', async () => {
    const response = await taxii('GET', objectsUrl(groupA, `?match[id]=indicator--${stixUuid(2)}`), { token: readerToken });
    const envelope = ok(response);
    assert.equal(envelope.more, false);
    assert.deepEqual(envelope.objects, [indicator(2, { tlp: 'green' })]);
    assert.match(String(response.headers['x-taxii-date-added-first']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    assert.equal(response.headers['x-taxii-date-added-first'], response.headers['x-taxii-date-added-last']);
  });
});

describe('M3.2c TAXII filters and paging', () => {
  let filterGroup: string;
  let token: string;
  const v1 = '2026-11-02T00:00:00.000Z';
  const v2 = '2026-11-03T00:00:00.000Z';
  const v3 = '2026-11-04T00:00:00.000Z';

  before(async () => {
    const groups = ctx.koban.services.sharing.groups;
    filterGroup = (await groups.create(SYSTEM, null, { name: 'フィルタ検証', description: '', maxTlp: 'amber', includePersonal: false }, null)).id;
    token = (await groups.addMember(SYSTEM, null, filterGroup, { organisation: '検証組織', contact: '', canPublish: false }, null)).token;
    await seed(filterGroup, [indicator(100, { modified: v1, name: 'first' })]);
    ctx.clock.advanceMinutes(1);
    await seed(filterGroup, [indicator(100, { modified: v2, name: 'second' })]);
    ctx.clock.advanceMinutes(1);
    await seed(filterGroup, [indicator(100, { modified: v3, name: 'third' })]);
    const malware = {
      type: 'malware',
      spec_version: '2.1',
      id: `malware--${stixUuid(101)}`,
      created: v1,
      modified: v1,
      name: 'PlugX',
      is_family: true,
    };
    await seed(filterGroup, [malware]);
  });

  const get = (query: string) => taxii('GET', objectsUrl(filterGroup, query), { token });
  const versionsOf = (envelope: { objects?: { modified: string }[] }) => (envelope.objects ?? []).map((o) => o.modified);

  it('returns the last version by default, and first, all or named versions on request', async () => {
    const id = `indicator--${stixUuid(100)}`;
    assert.deepEqual(versionsOf(ok(await get(`?match[id]=${id}`))), [v3]);
    assert.deepEqual(versionsOf(ok(await get(`?match[id]=${id}&match[version]=last`))), [v3]);
    assert.deepEqual(versionsOf(ok(await get(`?match[id]=${id}&match[version]=first`))), [v1]);
    assert.deepEqual(versionsOf(ok(await get(`?match[id]=${id}&match[version]=all`))), [v1, v2, v3]);
    assert.deepEqual(versionsOf(ok(await get(`?match[id]=${id}&match[version]=first,last`))), [v1, v3]);
    assert.deepEqual(versionsOf(ok(await get(`?match[id]=${id}&match[version]=${v2}`))), [v2]);
    assert.equal(ok(await get('?match[version]=newest'), 400).error_code, 'taxii.invalid_filter');
  });

  it('filters by type, id lists, spec_version and added_after', async () => {
    assert.deepEqual(idsOf(ok(await get('?match[type]=malware'))), [`malware--${stixUuid(101)}`]);
    assert.deepEqual(idsOf(ok(await get('?match[type]=malware,indicator'))).sort(), [`indicator--${stixUuid(100)}`, `malware--${stixUuid(101)}`].sort());
    assert.deepEqual(idsOf(ok(await get('?match[type]=report'))), []);
    assert.deepEqual(idsOf(ok(await get('?match[spec_version]=2.0'))), []);
    assert.equal(idsOf(ok(await get('?match[spec_version]=2.0,2.1'))).length, 2);
    const all = await get('?match[version]=all');
    const dates: string[] = [];
    const manifest = ok(await taxii('GET', `/taxii2/api/collections/${filterGroup}/manifest/?match[version]=all`, { token }));
    for (const record of manifest.objects) dates.push(record.date_added);
    assert.equal(dates.length, 4);
    assert.equal(all.headers['x-taxii-date-added-first'], dates[0]);
    assert.equal(all.headers['x-taxii-date-added-last'], dates[3]);
    // After the first version's date: the later two versions and the malware.
    assert.deepEqual(versionsOf(ok(await get(`?match[version]=all&match[type]=indicator&added_after=${dates[0] ?? ''}`))), [v2, v3]);
    // A coarser timestamp is compared as a time, not as text ('…00Z' sorts after '…00.000005Z').
    const first = dates[0] ?? '';
    assert.notEqual(first.slice(19), '.000000Z');
    assert.deepEqual(versionsOf(ok(await get(`?match[version]=all&match[type]=indicator&added_after=${first.slice(0, 19)}Z`))), [v1, v2, v3]);
    assert.equal(ok(await get('?added_after=yesterday'), 400).error_code, 'taxii.invalid_filter');
  });

  it('lists the versions of one object and fetches one object, 404 when the collection lacks it', async () => {
    const id = `indicator--${stixUuid(100)}`;
    const versions = ok(await taxii('GET', `/taxii2/api/collections/${filterGroup}/objects/${id}/versions/`, { token }));
    assert.deepEqual(versions.versions, [v1, v2, v3]);
    assert.equal(versions.more, false);
    assert.deepEqual(versionsOf(ok(await taxii('GET', `/taxii2/api/collections/${filterGroup}/objects/${id}/`, { token }))), [v3]);
    assert.deepEqual(versionsOf(ok(await taxii('GET', `/taxii2/api/collections/${filterGroup}/objects/${id}/?match[version]=all`, { token }))), [v1, v2, v3]);
    const missing = await taxii('GET', `/taxii2/api/collections/${filterGroup}/objects/indicator--${stixUuid(999)}/`, { token });
    assert.equal(ok(missing, 404).error_code, 'taxii.object_not_found');
    assert.equal((await taxii('GET', `/taxii2/api/collections/${filterGroup}/objects/indicator--${stixUuid(999)}/versions/`, { token })).statusCode, 404);
  });

  it('describes every entry in the manifest', async () => {
    const manifest = ok(await taxii('GET', `/taxii2/api/collections/${filterGroup}/manifest/`, { token }));
    assert.equal(manifest.more, false);
    const record = manifest.objects.find((r: { id: string }) => r.id === `indicator--${stixUuid(100)}`);
    assert.deepEqual(Object.keys(record).sort(), ['date_added', 'id', 'media_type', 'version']);
    assert.equal(record.version, v3);
    assert.equal(record.media_type, 'application/stix+json;version=2.1');
  });

  it('pages with limit and next across several pages without losing or repeating an object', async () => {
    const groups = ctx.koban.services.sharing.groups;
    const pagingGroup = (await groups.create(SYSTEM, null, { name: 'ページ送り', description: '', maxTlp: 'green', includePersonal: false }, null)).id;
    const pagingToken = (await groups.addMember(SYSTEM, null, pagingGroup, { organisation: '検証', contact: '', canPublish: false }, null)).token;
    const expected = Array.from({ length: 25 }, (_, i) => indicator(200 + i));
    await seed(pagingGroup, expected.slice(0, 12));
    await seed(pagingGroup, expected.slice(12));

    const seen: string[] = [];
    let next: string | undefined;
    let previousLast = '';
    let pages = 0;
    do {
      const response = await taxii('GET', objectsUrl(pagingGroup, `?limit=10${next ? `&next=${next}` : ''}`), { token: pagingToken });
      const envelope = ok(response);
      pages += 1;
      const first = String(response.headers['x-taxii-date-added-first']);
      const last = String(response.headers['x-taxii-date-added-last']);
      assert.ok(first > previousLast, 'pages follow each other in date_added order');
      assert.ok(last >= first);
      previousLast = last;
      seen.push(...idsOf(envelope));
      assert.equal(envelope.more, pages < 3);
      next = envelope.next;
      assert.equal(next === undefined, !envelope.more);
    } while (next);
    assert.equal(pages, 3);
    assert.equal(seen.length, 25);
    assert.deepEqual(new Set(seen), new Set(expected.map((o) => o.id)));

    // The same walk by added_after = the last page's X-TAXII-Date-Added-Last.
    const byDate: string[] = [];
    let addedAfter = '';
    for (let page = 0; page < 5; page += 1) {
      const response = await taxii('GET', objectsUrl(pagingGroup, `?limit=10${addedAfter ? `&added_after=${addedAfter}` : ''}`), { token: pagingToken });
      const envelope = ok(response);
      byDate.push(...idsOf(envelope));
      if (!envelope.more) break;
      addedAfter = String(response.headers['x-taxii-date-added-last']);
    }
    assert.deepEqual(byDate, seen);

    const manifestPage = ok(await taxii('GET', `/taxii2/api/collections/${pagingGroup}/manifest/?limit=20`, { token: pagingToken }));
    assert.equal(manifestPage.objects.length, 20);
    assert.equal(manifestPage.more, true);
    const rest = ok(await taxii('GET', `/taxii2/api/collections/${pagingGroup}/manifest/?limit=20&next=${String(manifestPage.next)}`, { token: pagingToken }));
    assert.equal(rest.objects.length, 5);
    assert.equal(ok(await taxii('GET', objectsUrl(pagingGroup, '?next=999999999'), { token: pagingToken }), 400).error_code, 'taxii.invalid_filter');
    assert.equal(ok(await taxii('GET', objectsUrl(pagingGroup, '?limit=0'), { token: pagingToken }), 400).error_code, 'taxii.invalid_filter');
  });
});

describe('M3.2c TAXII pushes', () => {
  const good = [indicator(300), indicator(301, { tlp: 'clear' }), indicator(302)];
  const broken = { type: 'indicator', spec_version: '2.1', id: `indicator--${stixUuid(303)}`, created: '2026-11-01T00:00:00.000Z' };
  const envelope = JSON.stringify({ objects: [good[0], broken, good[1], good[2]] });

  async function counts() {
    const db = ctx.koban.database.db;
    const objects = await db
      .selectFrom('stix_object')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const entries = await db
      .selectFrom('collection_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('group_id', '=', groupA)
      .executeTakeFirstOrThrow();
    return { objects: objects.n, entries: entries.n };
  }

  it('imports the good objects of an envelope, reports the broken one with its reason, and keeps a status', async () => {
    const before = await counts();
    const response = await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: envelope, headers: { 'accept-language': 'en' } });
    const status = ok(response, 202);
    assert.equal(status.status, 'complete');
    assert.equal(status.total_count, 4);
    assert.equal(status.success_count, 3);
    assert.equal(status.failure_count, 1);
    assert.equal(status.pending_count, 0);
    assert.deepEqual(status.successes.map((s: { id: string }) => s.id).sort(), good.map((o) => o.id).sort());
    assert.equal(status.failures[0].id, broken.id);
    assert.match(status.failures[0].message, /objects\[1\].*pattern/);
    assert.deepEqual(await counts(), { objects: before.objects + 3, entries: before.entries + 3 });

    const stored = ok(await taxii('GET', `/taxii2/api/status/${String(status.id)}/`, { token: publisherToken }));
    assert.deepEqual(stored, status);
    const inCollection = idsOf(ok(await taxii('GET', objectsUrl(groupA, `?match[id]=${good.map((o) => o.id).join(',')}`), { token: readerToken })));
    assert.equal(inCollection.length, 3);

    const db = ctx.koban.database.db;
    const row = await db
      .selectFrom('stix_object')
      .select(['source', 'tlp', 'batch_id'])
      .where('stix_id', '=', good[0]?.id as string)
      .executeTakeFirstOrThrow();
    assert.equal(row.source, 'taxii:push:茨城サイバー連携');
    // Unmarked, into a GREEN group: Koban's AMBER default is capped at the group's level.
    assert.equal(row.tlp, 'green');
    const batch = await db.selectFrom('import_batch').selectAll().where('id', '=', row.batch_id).executeTakeFirstOrThrow();
    assert.equal(batch.kind, 'taxii');
    assert.equal(batch.actor_kind, 'member');
    assert.equal(batch.actor_label, '水戸電力');
  });

  it('changes nothing when the same envelope comes again', async () => {
    const before = await counts();
    const status = ok(await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: envelope }), 202);
    assert.equal(status.success_count, 3);
    assert.equal(status.failure_count, 1);
    assert.deepEqual(await counts(), before);
  });

  it('keeps an object marked above the group level out of the collection, and says so', async () => {
    const red = indicator(310, { tlp: 'red' });
    const status = ok(
      await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: JSON.stringify({ objects: [red] }), headers: { 'accept-language': 'en' } }),
      202,
    );
    assert.equal(status.success_count, 1);
    assert.match(status.successes[0].message, /TLP:RED.*TLP:GREEN/);
    assert.equal((await taxii('GET', objectsUrl(groupA, `${red.id as string}/`), { token: readerToken })).statusCode, 404);
  });

  it('lets only publishers and users with sharing.exchange push', async () => {
    const payload = JSON.stringify({ objects: [indicator(320)] });
    assert.equal(ok(await taxii('POST', objectsUrl(groupA), { token: readerToken, payload }), 403).error_code, 'taxii.write_forbidden');
    const manager = await loginAs(ctx, ['manager'], 'taxii_manager_push');
    const refused = await manager.request('POST', objectsUrl(groupA), payload, { accept: TAXII, 'content-type': TAXII });
    assert.equal(refused.statusCode, 403);
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: objectsUrl(groupA),
      headers: { cookie: analyst.cookie, accept: TAXII, 'content-type': TAXII },
      payload,
    });
    assert.equal(ok(noCsrf, 403).error_code, 'request.csrf_failed');
    // The test clock stands still, so batches share their start time: the new one is the one not there before.
    const before = (await ctx.koban.database.db.selectFrom('import_batch').select('id').execute()).map((row) => row.id);
    const accepted = await analyst.request('POST', objectsUrl(groupA), payload, { accept: TAXII, 'content-type': TAXII });
    assert.equal(accepted.statusCode, 202, accepted.body);
    const batches = await ctx.koban.database.db
      .selectFrom('import_batch')
      .select(['actor_kind', 'actor_label'])
      .where('id', 'not in', before.length > 0 ? before : [''])
      .execute();
    assert.deepEqual(batches, [{ actor_kind: 'user', actor_label: 'taxii_analyst' }]);
  });

  it('shows a status only to the member that pushed and to Koban users', async () => {
    const status = ok(await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: JSON.stringify({ objects: [indicator(330)] }) }), 202);
    const url = `/taxii2/api/status/${String(status.id)}/`;
    assert.equal(ok(await taxii('GET', url, { token: readerToken }), 404).error_code, 'taxii.status_not_found');
    assert.equal((await taxii('GET', url, { token: memberBToken })).statusCode, 404);
    assert.equal((await analyst.request('GET', url, undefined, { accept: TAXII })).statusCode, 200);
  });

  it('refuses other media types, broken and empty envelopes, and bodies over max_content_length', async () => {
    const asJson = await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: envelope, contentType: 'application/json' });
    assert.equal(ok(asJson, 415).error_code, 'request.unsupported_media_type');
    const oldVersion = await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: envelope, contentType: 'application/taxii+json;version=2.0' });
    assert.equal(oldVersion.statusCode, 415);
    const brokenEnvelope = await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: '{"objects": [{"a": 1}' });
    assert.equal(ok(brokenEnvelope, 400).error_code, 'taxii.invalid_envelope');
    assert.equal(ok(await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: '{"objects": []}' }), 422).error_code, 'taxii.empty_envelope');
    const huge = JSON.stringify({ objects: [{ ...indicator(340), description: 'x'.repeat(50 * 1024 * 1024) }] });
    const tooLarge = await taxii('POST', objectsUrl(groupA), { token: publisherToken, payload: huge });
    assert.equal(ok(tooLarge, 413).error_code, 'request.too_large');
  });

  it('does not delete objects', async () => {
    const response = await taxii('DELETE', objectsUrl(groupA, `${good[0]?.id as string}/`), { token: publisherToken });
    assert.equal(ok(response, 403).error_code, 'taxii.delete_refused');
  });
});

describe('M3.2c TAXII rate limit', () => {
  it('counts requests before authentication, so guessing tokens is limited too', async () => {
    const limited = await makeTestContext({ KOBAN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 4; i += 1) {
        last = await limited.app.inject({ method: 'GET', url: '/taxii2/api/collections/', headers: { accept: TAXII, authorization: `Bearer kbt_guess${i}` } });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
      assert.equal(last?.headers['content-type'], TAXII);
      assert.equal(JSON.parse(last?.body ?? '{}').error_code, 'request.rate_limited');
    } finally {
      await limited.close();
    }
  });
});
