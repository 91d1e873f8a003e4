import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { totpCode } from '#kernel/auth/index.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { createUser, loginAs, makeAgent, NEW_PASSWORD } from '../support/sessions.ts';

let ctx: TestContext;
before(async () => {
  ctx = await makeTestContext();
});
after(async () => ctx.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('log-in', () => {
  it('refuses a wrong password and an unknown user with the same coded error, in the requested language', async () => {
    const user = await createUser(ctx, ['cyber_analyst']);
    const wrong = await login(user.username, 'not the password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'auth.invalid_credentials');
    assert.match(wrong.json().error.message, /パスワード/);
    const unknown = await login('nobody-here', 'whatever', { 'accept-language': 'en-US,en;q=0.9' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(unknown.json().error.code, 'auth.invalid_credentials');
    assert.equal(unknown.json().error.message, 'The user name or password is wrong.');
    assert.ok(unknown.json().error.requestId);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const user = await createUser(ctx, ['cyber_analyst']);
    for (let i = 0; i < 4; i += 1) assert.equal((await login(user.username, 'bad')).statusCode, 401);
    const fifth = await login(user.username, 'bad');
    assert.equal(fifth.statusCode, 423);
    assert.equal(fifth.json().error.code, 'auth.locked');
    assert.equal((await login(user.username, user.password)).statusCode, 423);
    ctx.clock.advanceMinutes(16);
    assert.equal((await login(user.username, user.password)).statusCode, 200);
  });

  it('sets an HttpOnly SameSite=Strict cookie and forces a password change first', async () => {
    const user = await createUser(ctx, ['cyber_analyst']);
    const response = await login(user.username, user.password);
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'koban_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(response.json().stage, 'password_change');
    const agent = makeAgent(ctx, {
      userId: user.userId,
      username: user.username,
      cookie: `koban_session=${cookie.value}`,
      csrf: response.json().csrfToken,
      totpSecret: null,
    });
    const blocked = await agent.request('GET', '/api/units');
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().error.code, 'auth.stage_incomplete');
    const weak = await agent.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
    assert.equal(weak.json().error.code, 'auth.weak_password');
    const wrongCurrent = await agent.request('POST', '/api/auth/password', { currentPassword: 'nope', newPassword: NEW_PASSWORD });
    assert.equal(wrongCurrent.json().error.code, 'auth.wrong_password');
    const changed = await agent.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: NEW_PASSWORD });
    assert.equal(changed.json().stage, 'active');
    assert.equal((await agent.request('GET', '/api/units')).statusCode, 200);
  });

  it('marks the cookie Secure when configured for TLS', async () => {
    const secure = await makeTestContext({ KOBAN_SECURE_COOKIES: 'always' });
    try {
      const user = await createUser(secure, ['cyber_analyst']);
      const response = await secure.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
      assert.equal(response.cookies.find((c) => c.name === 'koban_session')?.secure, true);
    } finally {
      await secure.close();
    }
  });

  it('requires the CSRF token on state-changing requests made with the session cookie', async () => {
    const agent = await loginAs(ctx, ['cyber_analyst']);
    const missing = await agent.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().error.code, 'request.csrf_failed');
    const forged = await agent.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'forged-token-value' });
    assert.equal(forged.json().error.code, 'request.csrf_failed');
    assert.equal((await agent.request('POST', '/api/auth/logout')).statusCode, 204);
    assert.equal((await agent.request('GET', '/api/auth/session')).statusCode, 401);
  });

  it('expires a session after the idle limit and after the absolute limit', async () => {
    const agent = await loginAs(ctx, ['cyber_analyst']);
    ctx.clock.advanceMinutes(29);
    assert.equal((await agent.request('GET', '/api/auth/session')).statusCode, 200);
    ctx.clock.advanceMinutes(31);
    const idle = await agent.request('GET', '/api/auth/session');
    assert.equal(idle.statusCode, 401);
    assert.equal(idle.json().error.code, 'auth.session_expired');

    const busy = await loginAs(ctx, ['cyber_analyst']);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      ctx.clock.advanceMinutes(20);
      assert.equal((await busy.request('GET', '/api/auth/session')).statusCode, 200);
    }
    ctx.clock.advanceMinutes(20);
    assert.equal((await busy.request('GET', '/api/auth/session')).json().error.code, 'auth.session_expired');
  });
});

describe('TOTP second factor', () => {
  it('makes administrators enrol, then asks for a fresh code at every log-in and refuses a replayed one', async () => {
    const admin = await loginAs(ctx, ['admin']);
    assert.ok(admin.totpSecret);
    const secret = admin.totpSecret;
    ctx.clock.advanceMinutes(1);
    const second = await login(admin.username, NEW_PASSWORD);
    assert.equal(second.json().stage, 'totp');
    const agent = makeAgent(ctx, {
      ...admin,
      cookie: `koban_session=${second.cookies.find((c) => c.name === 'koban_session')?.value ?? ''}`,
      csrf: second.json().csrfToken,
    });
    assert.equal((await agent.request('GET', '/api/users')).json().error.code, 'auth.stage_incomplete');
    const wrong = await agent.request('POST', '/api/auth/totp', { code: '000000' });
    assert.equal(wrong.json().error.code, 'auth.invalid_totp');
    const code = await totpCode(secret, ctx.clock.now());
    const ok = await agent.request('POST', '/api/auth/totp', { code });
    assert.equal(ok.json().stage, 'active');
    assert.equal((await agent.request('GET', '/api/users')).statusCode, 200);

    const third = await login(admin.username, NEW_PASSWORD);
    const again = makeAgent(ctx, {
      ...admin,
      cookie: `koban_session=${third.cookies.find((c) => c.name === 'koban_session')?.value ?? ''}`,
      csrf: third.json().csrfToken,
    });
    const replay = await again.request('POST', '/api/auth/totp', { code });
    assert.equal(replay.json().error.code, 'auth.invalid_totp');
  });

  it('accepts each recovery code once in place of a TOTP code', async () => {
    const user = await createUser(ctx, ['manager']);
    const first = await login(user.username, user.password);
    const agent = makeAgent(ctx, {
      ...user,
      cookie: `koban_session=${first.cookies.find((c) => c.name === 'koban_session')?.value ?? ''}`,
      csrf: first.json().csrfToken,
      totpSecret: null,
    });
    await agent.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: NEW_PASSWORD });
    const enrolment = await agent.request('POST', '/api/auth/totp/enrolment');
    assert.match(enrolment.json().otpauthUri, /^otpauth:\/\/totp\//);
    const confirmed = await agent.request('POST', '/api/auth/totp/enrolment/confirm', { code: await totpCode(enrolment.json().secret, ctx.clock.now()) });
    const codes: string[] = confirmed.json().recoveryCodes;
    assert.equal(codes.length, 10);
    const useRecovery = async () => {
      const session = await login(user.username, NEW_PASSWORD);
      const a = makeAgent(ctx, {
        ...user,
        cookie: `koban_session=${session.cookies.find((c) => c.name === 'koban_session')?.value ?? ''}`,
        csrf: session.json().csrfToken,
        totpSecret: null,
      });
      return a.request('POST', '/api/auth/totp', { code: (codes[0] ?? '').toUpperCase() });
    };
    assert.equal((await useRecovery()).json().stage, 'active');
    assert.equal((await useRecovery()).json().error.code, 'auth.invalid_totp');
  });
});

describe('API tokens', () => {
  it('are shown once, limited to their scopes and stop working when revoked', async () => {
    const admin = await loginAs(ctx, ['admin']);
    const created = await admin.request('POST', '/api/tokens', { name: 'TAXII 連携', scopes: ['unit.read'] });
    assert.equal(created.statusCode, 201);
    const token: string = created.json().token;
    assert.match(token, /^kbn_/);
    const listed = await admin.request('GET', '/api/tokens');
    assert.equal(JSON.stringify(listed.json()).includes(token), false);
    const bearer = (url: string, method: 'GET' | 'POST' = 'GET') => ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
    assert.equal((await bearer('/api/units')).statusCode, 200);
    const outOfScope = await bearer('/api/users');
    assert.equal(outOfScope.statusCode, 403);
    assert.equal(outOfScope.json().error.code, 'auth.forbidden');
    assert.equal((await admin.request('DELETE', `/api/tokens/${created.json().apiToken.id as string}`)).statusCode, 204);
    const revoked = await bearer('/api/units');
    assert.equal(revoked.statusCode, 401);
    assert.equal(revoked.json().error.code, 'auth.invalid_token');
  });

  it('cannot carry a permission its owner lacks', async () => {
    const analyst = await loginAs(ctx, ['cyber_analyst']);
    const response = await analyst.request('POST', '/api/tokens', { name: 'x', scopes: ['user.manage'] });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'auth.scope_not_allowed');
  });
});
