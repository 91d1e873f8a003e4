import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { requireDeclaredAccess } from '#kernel/http/access.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs } from '../support/sessions.ts';

let ctx: TestContext;
before(async () => {
  ctx = await makeTestContext({ KOBAN_BODY_LIMIT_BYTES: '2048' });
});
after(async () => ctx.close());

describe('HTTP error model', () => {
  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'request.malformed_json');
    assert.equal(response.json().error.requestId, response.headers['x-request-id']);
  });

  it('answers a body over the limit with 413 request.too_large', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'x'.repeat(5000) } });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error.code, 'request.too_large');
    assert.equal(response.json().error.details.limit, 2048);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'en' } });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'request.not_found');
    assert.equal(response.json().error.message, 'No such page or API route.');
  });

  it('lists every bad field of an invalid body with a catalogue message', async () => {
    const admin = await loginAs(ctx, ['admin']);
    const response = await admin.request('POST', '/api/users', { username: 'X!', displayName: '', roles: ['wizard'] });
    assert.equal(response.statusCode, 400);
    const error = response.json().error;
    assert.equal(error.code, 'request.invalid');
    const paths = (error.details.issues as { path: string; code: string; message: string }[]).map((i) => i.path);
    assert.ok(paths.includes('body.username'), JSON.stringify(paths));
    assert.ok(paths.includes('body.displayName'));
    assert.ok(paths.includes('body.roles.0'));
    for (const issue of error.details.issues) assert.ok(issue.message.length > 0);
  });

  it('keeps 401 (who are you) apart from 403 (not allowed)', async () => {
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/users' });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, 'auth.required');
    const officer = await loginAs(ctx, ['station_officer']);
    const forbidden = await officer.request('POST', '/api/users', { username: 'someone', displayName: 'x', roles: ['admin'] });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().error.code, 'auth.forbidden');
  });

  it('throttles with 429 request.rate_limited', async () => {
    const limited = await makeTestContext({ KOBAN_LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } })).statusCode);
      }
      assert.deepEqual(codes.slice(0, 3), [401, 401, 401]);
      const last = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'x' },
        headers: { 'accept-language': 'en' },
      });
      assert.equal(last.statusCode, 429);
      assert.equal(last.json().error.code, 'request.rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('service endpoints', () => {
  it('serves health, readiness and the OpenAPI document', async () => {
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json().status, 'ok');
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json().status, 'ready');
    const openapi = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(openapi.openapi.startsWith('3.'), true);
    assert.ok(openapi.paths['/api/units']);
    assert.ok(openapi.paths['/api/auth/login'].post.requestBody);
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
  });

  it('refuses at start-up a route that declares no access (default deny)', async () => {
    const app = Fastify();
    requireDeclaredAccess(app);
    assert.throws(() => app.get('/api/forgotten', () => 'x'), /declares no access/);
    await app.close();
  });

  it('sends security headers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });
});

describe('web UI serving', () => {
  it('serves index.html at / and for page URLs, and 404 JSON for missing files and directories', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dist = mkdtempSync(join(tmpdir(), 'koban-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Koban</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const web = await makeTestContext({ KOBAN_WEB_DIST: dist });
    try {
      const root = await web.app.inject({ method: 'GET', url: '/' });
      assert.equal(root.statusCode, 200);
      assert.match(root.body, /<title>Koban<\/title>/);
      const page = await web.app.inject({ method: 'GET', url: '/units/abc', headers: { accept: 'text/html' } });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.equal((await web.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode, 200);
      const directory = await web.app.inject({ method: 'GET', url: '/assets/' });
      assert.equal(directory.statusCode, 404);
      assert.equal(directory.json().error.code, 'request.not_found');
      assert.equal((await web.app.inject({ method: 'GET', url: '/api/units/x/nothing', headers: { accept: 'text/html' } })).statusCode, 404);
    } finally {
      await web.close();
    }
  });
});
