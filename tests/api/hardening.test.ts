// Regression tests for the review of the foundation (races, lock-out, tokens, error model).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { totpCode } from '#kernel/auth/index.ts';
import { createCredentialCache } from '#modules/accounts/index.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { createUser, loginAs, makeAgent, NEW_PASSWORD } from '../support/sessions.ts';

let ctx: TestContext;
before(async () => {
  ctx = await makeTestContext();
});
after(async () => ctx.close());

const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const cookieOf = (response: Awaited<ReturnType<typeof login>>) => `koban_session=${response.cookies.find((c) => c.name === 'koban_session')?.value ?? ''}`;

describe('lock-out', () => {
  it('locks even when wrong passwords arrive in parallel', async () => {
    const user = await createUser(ctx, ['cyber_analyst']);
    await Promise.all(Array.from({ length: 12 }, () => login(user.username, 'wrong password')));
    assert.equal((await login(user.username, user.password)).json().error.code, 'auth.locked');
  });

  it('does not give fresh TOTP guesses to someone who logs in again', async () => {
    const admin = await loginAs(ctx, ['admin']);
    let codes = 0;
    for (let round = 0; round < 3; round += 1) {
      const response = await login(admin.username, NEW_PASSWORD);
      if (response.statusCode !== 200) break;
      const agent = makeAgent(ctx, { ...admin, cookie: cookieOf(response), csrf: response.json().csrfToken });
      for (let i = 0; i < 2; i += 1) {
        await agent.request('POST', '/api/auth/totp', { code: '000000' });
        codes += 1;
      }
    }
    assert.ok(codes <= 6);
    assert.equal((await login(admin.username, NEW_PASSWORD)).json().error.code, 'auth.locked');
  });

  it('tells only someone with the right password that an account is disabled', async () => {
    const user = await createUser(ctx, ['cyber_analyst']);
    await ctx.koban.services.users.update({ type: 'system', id: null }, null, user.userId, { disabled: true }, null);
    assert.equal((await login(user.username, 'not it at all')).json().error.code, 'auth.invalid_credentials');
    assert.equal((await login(user.username, user.password)).json().error.code, 'auth.disabled');
  });
});

describe('second factor races', () => {
  it('accepts one TOTP code on one session only, even in parallel', async () => {
    const admin = await loginAs(ctx, ['admin']);
    ctx.clock.advanceMinutes(2);
    const sessions = await Promise.all(Array.from({ length: 4 }, () => login(admin.username, NEW_PASSWORD)));
    const code = await totpCode(admin.totpSecret ?? '', ctx.clock.now());
    const results = await Promise.all(
      sessions.map((s) => makeAgent(ctx, { ...admin, cookie: cookieOf(s), csrf: s.json().csrfToken }).request('POST', '/api/auth/totp', { code })),
    );
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1);
  });
});

describe('API tokens', () => {
  it('cannot mint tokens, and stop working when the owner’s password is reset', async () => {
    const analyst = await loginAs(ctx, ['cyber_analyst']);
    const created = await analyst.request('POST', '/api/tokens', { name: 'feed', scopes: ['token.own', 'unit.read'], expiresInDays: 1 });
    const token: string = created.json().token;
    const bearer = (method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const child = await bearer('POST', '/api/tokens', { name: 'child', scopes: ['unit.read'] });
    assert.equal(child.statusCode, 403);
    assert.equal(child.json().error.code, 'auth.token_cannot_create_token');
    assert.equal((await bearer('GET', '/api/units')).statusCode, 200);
    await ctx.koban.services.users.resetPassword({ type: 'system', id: null }, analyst.userId, null);
    assert.equal((await bearer('GET', '/api/units')).statusCode, 401);
  });
});

describe('credential cache', () => {
  it('drops a load that started before a write cleared the cache', () => {
    const cache = createCredentialCache();
    const generation = cache.generation();
    cache.clear();
    cache.set('s:x', { user: {} as never, roles: [], session: null, token: null, cachedAt: 0 }, generation);
    assert.equal(cache.get('s:x', 0), undefined);
  });
});

describe('error model at the edges', () => {
  it('answers a malformed URL with the coded error, request id and security headers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/units/%E0%A4%A' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'request.invalid');
    assert.ok(response.headers['x-request-id']);
    assert.match(String(response.headers['content-security-policy']), /default-src/);
  });

  it('refuses an anonymous request before reading its body', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/users', payload: { username: 1 } });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'auth.required');
  });

  it('answers a NUL character in stored text with 4xx, never 500', async () => {
    const admin = await loginAs(ctx, ['admin']);
    const response = await admin.request('POST', '/api/units', { code: 'nul_unit', parentId: null, kind: 'office', nameJa: 'a\u0000b', nameEn: 'x' });
    assert.ok(response.statusCode < 500, response.body);
    const anonymous = await login('a\u0000b', 'x');
    assert.ok(anonymous.statusCode < 500, anonymous.body);
  });
});
