// M3.2c TAXII client and polled subscriptions against a real remote: a second Koban started as its
// own `koban serve` process on loopback, with its own data directory, a sharing group, a member
// token and objects. This Koban subscribes to that group's collection over HTTP and polls it:
// objects arrive with their provenance, the cursor means a second poll brings nothing, objects
// pushed to the remote later arrive on the next poll, and a wrong token is recorded, cursor kept.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '#kernel/config.ts';
import { addToCollection, createTaxiiClient } from '#modules/sharing/taxii/index.ts';
import { openKoban } from '../../src/server.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

const BIN = join(import.meta.dirname, '../../bin/koban.js');
const TAXII = 'application/taxii+json;version=2.1';
const SYSTEM = { type: 'system' as const, id: null };
const SEEDED = 1100;

type Remote = { url: string; groupId: string; token: string; child: ChildProcess; dir: string };

let ctx: TestContext;
let remote: Remote;
let analyst: Agent;

function indicator(n: number): Record<string, unknown> {
  const created = '2026-10-01T00:00:00.000Z';
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    created,
    modified: created,
    name: `Phishing domain ${n}`,
    pattern: `[domain-name:value = 'login-${n}.example.net']`,
    pattern_type: 'stix',
    valid_from: created,
  };
}

/** Seeds the remote's database in this process, before its server starts on it. */
async function seedRemote(dir: string): Promise<{ groupId: string; token: string }> {
  const config = loadConfig({}, { KOBAN_DATA_DIR: dir, KOBAN_LOG_LEVEL: 'silent' });
  const koban = await openKoban(config);
  try {
    const sharing = koban.services.sharing;
    const group = await sharing.groups.create(SYSTEM, null, { name: 'JC3 フィッシング', description: '', maxTlp: 'green', includePersonal: false }, null);
    const { token } = await sharing.groups.addMember(SYSTEM, null, group.id, { organisation: '茨城県警察', contact: '', canPublish: true }, null);
    const summary = await sharing.importObjects(
      Array.from({ length: SEEDED }, (_, i) => ({ index: i, value: indicator(i) })),
      {
        kind: 'stix',
        source: 'remote-seed',
        actor: { kind: 'cli', id: null, label: 'seed', audit: SYSTEM },
        defaultTlp: 'green',
        locale: 'en',
        onAccepted: (trx, versions) => addToCollection(trx, group.id, versions, new Date()),
      },
    );
    assert.equal(summary.imported, SEEDED);
    return { groupId: group.id, token };
  } finally {
    await koban.close();
  }
}

async function startRemote(): Promise<Remote> {
  const dir = mkdtempSync(join(tmpdir(), 'koban-remote-'));
  const { groupId, token } = await seedRemote(dir);
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      KOBAN_DATA_DIR: dir,
      KOBAN_LOG_LEVEL: 'silent',
      KOBAN_PORT: '0',
      KOBAN_HOST: '127.0.0.1',
      KOBAN_WEB_DIST: join(dir, 'no-web'),
      KOBAN_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`remote Koban exited ${String(code)}: ${output}`)));
  });
  return { url, groupId, token, child, dir };
}

async function stopRemote(): Promise<void> {
  if (!remote) return;
  const exited = new Promise((resolve) => remote.child.on('exit', resolve));
  remote.child.kill('SIGTERM');
  await exited;
  rmSync(remote.dir, { recursive: true, force: true });
}

before(async () => {
  [ctx, remote] = await Promise.all([makeTestContext(), startRemote()]);
  analyst = await loginAs(ctx, ['cyber_analyst'], 'poll_analyst');
});
after(async () => {
  await stopRemote();
  await ctx.close();
});

const BASE = '/api/sharing/taxii-subscriptions';

async function countOf(table: 'stix_object' | 'import_batch', where?: { column: 'source' | 'kind'; value: string }): Promise<number> {
  let query = ctx.koban.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) query = query.where(where.column, '=', where.value);
  return (await query.executeTakeFirstOrThrow()).n;
}

describe('M3.2c TAXII client', () => {
  it('reads a remote Koban: its collections and pages of objects with the date-added range', async () => {
    const client = createTaxiiClient({ apiRootUrl: `${remote.url}/taxii2/api`, auth: { kind: 'bearer', token: remote.token } });
    const collections = await client.collections();
    assert.deepEqual(
      collections.map((c) => [c.id, c.canWrite]),
      [[remote.groupId, true]],
    );
    const page = await client.getObjects(remote.groupId, { limit: 10, match: { type: 'indicator' } });
    assert.equal(page.objects.length, 10);
    assert.equal(page.more, true);
    assert.ok(page.next);
    assert.ok(page.dateAddedFirst && page.dateAddedLast && page.dateAddedFirst < page.dateAddedLast);
    const following = await client.getObjects(remote.groupId, { limit: 10, next: page.next ?? '' });
    assert.equal(following.objects.length, 10);
    assert.ok((following.dateAddedFirst ?? '') > page.dateAddedLast);
  });

  it('fails with coded errors: bad scheme, refused credentials, unreachable host', async () => {
    assert.throws(() => createTaxiiClient({ apiRootUrl: 'ftp://taxii.example/api/', auth: { kind: 'none' } }), { code: 'taxii.remote_invalid_url' });
    const refused = createTaxiiClient({ apiRootUrl: `${remote.url}/taxii2/api/`, auth: { kind: 'basic', username: 'x', password: 'kbt_wrong' } });
    await assert.rejects(refused.collections(), (error: { code: string; details: { status: number } }) => {
      assert.equal(error.code, 'taxii.remote_http_error');
      assert.equal(error.details.status, 401);
      return true;
    });
    const closed = createTaxiiClient({ apiRootUrl: 'http://127.0.0.1:9/taxii2/api/', auth: { kind: 'none' }, timeoutMs: 2000 });
    await assert.rejects(closed.collections(), { code: 'taxii.remote_unreachable' });
  });

  describe('against a server that does not speak TAXII', () => {
    let server: Server;
    let base: string;
    before(async () => {
      server = createServer((request, response) => {
        if (request.url?.startsWith('/html/')) response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
        else if (request.url?.startsWith('/broken/')) response.writeHead(200, { 'content-type': TAXII }).end('{"objects": [');
        else response.writeHead(200, { 'content-type': TAXII }).end(JSON.stringify({ more: false, objects: [{ padding: 'x'.repeat(5000) }] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('refuses another content type, unreadable JSON and an answer over the size limit', async () => {
      const html = createTaxiiClient({ apiRootUrl: `${base}/html/`, auth: { kind: 'none' } });
      await assert.rejects(html.getObjects('c'), { code: 'taxii.remote_content_type' });
      const broken = createTaxiiClient({ apiRootUrl: `${base}/broken/`, auth: { kind: 'none' } });
      await assert.rejects(broken.getObjects('c'), { code: 'taxii.remote_bad_json' });
      const small = createTaxiiClient({ apiRootUrl: `${base}/big/`, auth: { kind: 'none' }, maxResponseBytes: 1000 });
      await assert.rejects(small.getObjects('c'), { code: 'taxii.remote_too_large' });
      const enough = createTaxiiClient({ apiRootUrl: `${base}/big/`, auth: { kind: 'none' } });
      assert.equal((await enough.getObjects('c')).objects.length, 1);
    });
  });
});

describe('M3.2c TAXII subscriptions', () => {
  let subscriptionId: string;
  let firstCursor: string;

  it('are kept by staff with sharing.exchange, audited, and never show their secret', async () => {
    const input = {
      name: 'JC3 フィッシング情報',
      apiRootUrl: `${remote.url}/taxii2/api/`,
      collectionId: remote.groupId,
      auth: { kind: 'basic', username: 'ibaraki', password: remote.token },
      intervalSeconds: 300,
    };
    const manager = await loginAs(ctx, ['manager'], 'poll_manager');
    assert.equal((await manager.request('POST', BASE, input)).statusCode, 403);
    for (const apiRootUrl of ['ftp://taxii.example/api/', 'not a url', 'https://user:secret@taxii.example/api/'])
      assert.equal((await analyst.request('POST', BASE, { ...input, apiRootUrl })).statusCode, 400, apiRootUrl);
    const created = await analyst.request('POST', BASE, input);
    assert.equal(created.statusCode, 201, created.body);
    assert.ok(!created.body.includes(remote.token));
    const view = created.json();
    subscriptionId = view.id;
    assert.deepEqual(view.auth, { kind: 'basic', username: 'ibaraki', hasSecret: true });
    assert.equal(view.defaultTlp, 'amber');
    assert.equal(view.enabled, true);
    assert.equal(view.cursor, null);
    const listed = await analyst.request('GET', BASE);
    assert.ok(!listed.body.includes(remote.token));
    assert.deepEqual(
      listed.json().items.map((s: { id: string }) => s.id),
      [subscriptionId],
    );
    const audit = await ctx.koban.database.db.selectFrom('audit_entry').select(['action', 'changes']).where('target_id', '=', subscriptionId).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['sharing.subscription_created'],
    );
    assert.ok(!JSON.stringify(audit).includes(remote.token));
  });

  it('imports every page of the remote collection with the subscription as provenance', async () => {
    const polled = await analyst.request('POST', `${BASE}/${subscriptionId}/poll`);
    assert.equal(polled.statusCode, 200, polled.body);
    const result = polled.json();
    assert.equal(result.ok, true, polled.body);
    assert.equal(result.imported, SEEDED);
    assert.equal(result.refused, 0);
    const source = `taxii:${remote.url}/taxii2/api/collections/${remote.groupId}/`;
    assert.equal(await countOf('stix_object', { column: 'source', value: source }), SEEDED);
    const batch = await ctx.koban.database.db.selectFrom('import_batch').selectAll().where('id', '=', result.batchId).executeTakeFirstOrThrow();
    assert.equal(batch.kind, 'taxii');
    assert.equal(batch.source, source);
    assert.equal(batch.actor_kind, 'subscription');
    assert.equal(batch.actor_label, 'JC3 フィッシング情報');
    assert.equal(batch.default_tlp, 'amber');
    const view = result.subscription;
    assert.equal(view.lastStatus, 'ok');
    assert.equal(view.lastError, null);
    assert.match(view.cursor, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    firstCursor = view.cursor;
  });

  it('brings nothing new on a second poll: the cursor works', async () => {
    const batches = await countOf('import_batch', { column: 'kind', value: 'taxii' });
    const result = (await analyst.request('POST', `${BASE}/${subscriptionId}/poll`)).json();
    assert.equal(result.ok, true);
    assert.equal(result.total, 0);
    assert.equal(result.batchId, null);
    assert.equal(result.subscription.cursor, firstCursor);
    assert.equal(await countOf('import_batch', { column: 'kind', value: 'taxii' }), batches);
  });

  it('brings the objects added to the remote collection since', async () => {
    const fresh = [indicator(5000), indicator(5001)];
    const pushed = await fetch(`${remote.url}/taxii2/api/collections/${remote.groupId}/objects/`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${remote.token}` },
      body: JSON.stringify({ objects: fresh }),
    });
    assert.equal(pushed.status, 202, await pushed.text());
    const result = (await analyst.request('POST', `${BASE}/${subscriptionId}/poll`)).json();
    assert.equal(result.ok, true);
    assert.equal(result.total, 2);
    assert.equal(result.imported, 2);
    assert.ok(result.subscription.cursor > firstCursor);
    const ids = await ctx.koban.database.db.selectFrom('stix_object').select('stix_id').where('batch_id', '=', result.batchId).orderBy('stix_id').execute();
    assert.deepEqual(
      ids.map((r) => r.stix_id),
      fresh.map((o) => o.id),
    );
    firstCursor = result.subscription.cursor;
  });

  it('records a refused token as the last error and keeps the cursor', async () => {
    const changed = await analyst.request('PATCH', `${BASE}/${subscriptionId}`, { auth: { kind: 'bearer', token: 'kbt_revoked-or-wrong' } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().cursor, firstCursor);
    const polled = await analyst.request('POST', `${BASE}/${subscriptionId}/poll`, undefined, { 'accept-language': 'en' });
    const result = polled.json();
    assert.equal(result.ok, false);
    assert.equal(result.error.code, 'taxii.remote_http_error');
    assert.match(result.error.message, /HTTP 401/);
    const view = (await analyst.request('GET', `${BASE}/${subscriptionId}`)).json();
    assert.equal(view.lastStatus, 'failed');
    assert.equal(view.lastError.code, 'taxii.remote_http_error');
    assert.equal(view.cursor, firstCursor);
    assert.ok(view.lastPolledAt);
  });

  it('polls due subscriptions only, from the background job', async () => {
    const subscriptions = ctx.koban.services.sharing.taxii.subscriptions;
    await analyst.request('PATCH', `${BASE}/${subscriptionId}`, { auth: { kind: 'bearer', token: remote.token } });
    const now = ctx.clock.now();
    assert.deepEqual(await subscriptions.pollDue(now), []);
    const due = await subscriptions.pollDue(new Date(now.getTime() + 301_000));
    assert.deepEqual(
      due.map((d) => [d.subscriptionId, d.result.ok]),
      [[subscriptionId, true]],
    );
    await analyst.request('PATCH', `${BASE}/${subscriptionId}`, { enabled: false });
    assert.deepEqual(await subscriptions.pollDue(new Date(now.getTime() + 3_600_000)), []);
  });

  it('are deleted with an audit entry', async () => {
    assert.equal((await analyst.request('DELETE', `${BASE}/${subscriptionId}`)).statusCode, 204);
    assert.equal((await analyst.request('GET', `${BASE}/${subscriptionId}`)).statusCode, 404);
    const actions = await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('target_id', '=', subscriptionId).orderBy('seq').execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'sharing.subscription_created',
        'sharing.subscription_updated',
        'sharing.subscription_updated',
        'sharing.subscription_updated',
        'sharing.subscription_deleted',
      ],
    );
  });
});
