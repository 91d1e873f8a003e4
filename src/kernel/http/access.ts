// Resolves who is calling (session cookie or bearer API token) and enforces the access each
// route declares. Default deny: a route without a declaration is refused at start-up.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessErrors, kernelErrors } from '../errors.ts';
import { safeEqual } from '../ids.ts';
import { pickLocale } from '../i18n/index.ts';
import type { Authenticator } from '../auth/index.ts';
import { errorBody } from './error-handler.ts';
import { CSRF_HEADER, LOCALE_COOKIE, SESSION_COOKIE } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

export function requireDeclaredAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    const url = route.url ?? '';
    if (PLUGIN_PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix)) || url === '/*') {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    throw new Error(`route ${String(route.method)} ${url} declares no access`);
  });
}

function deny(reply: FastifyReply, request: FastifyRequest, status: number, code: string, details: Record<string, unknown> = {}) {
  return reply.status(status).send(errorBody(request.locale, request.id, code, details));
}

/** The access each route declares, checked right after the credentials are known, before any body is read. */
function checkAccess(request: FastifyRequest, reply: FastifyReply) {
  if (request.is404) return;
  const access = request.routeOptions.config.access;
  if (access === 'public') return;
  const auth = request.auth;
  if (!auth) return deny(reply, request, 401, request.sessionExpired ? accessErrors.session_expired : accessErrors.required);
  if (auth.actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) return deny(reply, request, 403, kernelErrors.csrf_failed);
  }
  if (access === 'session') return;
  if (access === undefined) return deny(reply, request, 403, accessErrors.forbidden);
  if (auth.stage !== 'active') return deny(reply, request, 403, accessErrors.stage_incomplete, { stage: auth.stage });
  if (!auth.actor.permissions.has(access)) return deny(reply, request, 403, accessErrors.forbidden, { permission: access });
}

export function installAccessControl(app: FastifyInstance, authenticator: Authenticator, clearSessionCookie: (reply: FastifyReply) => void): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'ja');

  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language']);
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.auth = await authenticator.fromApiToken(authorization.slice(7).trim());
      if (!request.auth && !request.routeOptions.config.ownBearerTokens) return deny(reply, request, 401, accessErrors.invalid_token);
      return checkAccess(request, reply);
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (sessionToken) {
      const resolved = await authenticator.fromSessionToken(sessionToken);
      if (resolved === 'expired' || resolved === null) {
        clearSessionCookie(reply);
        request.sessionExpired = resolved === 'expired';
      } else request.auth = resolved;
    }
    return checkAccess(request, reply);
  });
}
