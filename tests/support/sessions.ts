// Logs users in through the real HTTP API, completing every stage (password change, TOTP).
import type { LightMyRequestResponse } from 'fastify';
import { totpCode, type Role } from '#kernel/auth/index.ts';
import type { TestContext } from './context.ts';

export const NEW_PASSWORD = 'correct horse battery staple';

export type Agent = {
  userId: string;
  username: string;
  cookie: string;
  csrf: string;
  totpSecret: string | null;
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'koban_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `koban_session=${cookie.value}`;
}

export function makeAgent(ctx: TestContext, user: { userId: string; username: string; cookie: string; csrf: string; totpSecret: string | null }): Agent {
  return {
    ...user,
    request: (method, url, body, headers = {}) =>
      ctx.app.inject({
        method,
        url,
        headers: { cookie: user.cookie, 'x-csrf-token': user.csrf, ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

let counter = 0;

export type UserOptions = { unitId?: string | null; email?: string | null };

export async function createUser(ctx: TestContext, roles: Role[], username = `user${++counter}`, options: UserOptions = {}) {
  const created = await ctx.koban.services.users.create(
    { type: 'system', id: null },
    { username, displayName: `${username} 表示名`, roles, unitId: options.unitId ?? null, email: options.email ?? null },
    null,
  );
  return { userId: created.user.id, username, password: created.initialPassword };
}

/** Creates a user with the roles and returns an agent whose session is fully active. */
export async function loginAs(ctx: TestContext, roles: Role[], username?: string, options: UserOptions = {}): Promise<Agent> {
  const user = await createUser(ctx, roles, username, options);
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const cookie = sessionCookie(login);
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  const agent = makeAgent(ctx, { userId: user.userId, username: user.username, cookie, csrf, totpSecret: null });
  const changed = await agent.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: NEW_PASSWORD });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  if (changed.json<{ stage: string }>().stage !== 'totp_enrolment') return agent;
  const enrolment = await agent.request('POST', '/api/auth/totp/enrolment');
  const secret = enrolment.json<{ secret: string }>().secret;
  const confirmed = await agent.request('POST', '/api/auth/totp/enrolment/confirm', { code: await totpCode(secret, ctx.clock.now()) });
  if (confirmed.statusCode !== 200) throw new Error(`totp enrolment failed: ${confirmed.body}`);
  return { ...agent, totpSecret: secret };
}
