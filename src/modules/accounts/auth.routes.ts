import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '#kernel/config.ts';
import { isSecureRequest, requireAuth, SESSION_COOKIE, sessionCookieOptions } from '#kernel/http/index.ts';
import { LoginInput, PasswordChangeInput, SessionView, TotpConfirmation, TotpEnrolment, TotpInput } from './accounts.contract.ts';
import { presentSession } from './accounts.presenter.ts';
import type { SessionsService } from './sessions.service.ts';

const tags = ['auth'];

export function registerAuthRoutes(base: FastifyInstance, sessions: SessionsService, config: Config): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { tags, body: LoginInput, response: { 200: SessionView } },
    },
    async (request, reply) => {
      const { token, auth, user } = await sessions.login(request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, isSecureRequest(config, request.protocol)));
      return presentSession(auth, user);
    },
  );

  app.get('/api/auth/session', { config: { access: 'session' }, schema: { tags, response: { 200: SessionView } } }, async (request) => {
    const { auth, user } = await sessions.describe(requireAuth(request));
    return presentSession(auth, user);
  });

  app.post('/api/auth/logout', { config: { access: 'session' }, schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    await sessions.logout(requireAuth(request), request.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post(
    '/api/auth/totp',
    {
      config: { access: 'session', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { tags, body: TotpInput, response: { 200: SessionView } },
    },
    async (request) => {
      const { auth, user } = await sessions.verifySecondFactor(requireAuth(request), request.body.code, request.id);
      return presentSession(auth, user);
    },
  );

  app.post(
    '/api/auth/password',
    { config: { access: 'session' }, schema: { tags, body: PasswordChangeInput, response: { 200: SessionView } } },
    async (request) => {
      const { auth, user } = await sessions.changePassword(requireAuth(request), request.body, request.id);
      return presentSession(auth, user);
    },
  );

  app.post('/api/auth/totp/enrolment', { config: { access: 'session' }, schema: { tags, response: { 200: TotpEnrolment } } }, async (request) =>
    sessions.startTotpEnrolment(requireAuth(request), request.id),
  );

  app.post(
    '/api/auth/totp/enrolment/confirm',
    { config: { access: 'session' }, schema: { tags, body: TotpInput, response: { 200: TotpConfirmation } } },
    async (request) => {
      const { recoveryCodes, auth, user } = await sessions.confirmTotpEnrolment(requireAuth(request), request.body.code, request.id);
      return { recoveryCodes, session: presentSession(auth, user) };
    },
  );
}
