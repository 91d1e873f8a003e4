import type { Locale } from '../i18n/index.ts';
import type { RequestAuth, RouteAccess } from '../auth/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** What the route needs: a permission, 'session' (any log-in stage) or 'public'. Required on every route. */
    access?: RouteAccess;
    /** With access 'public': a bearer token that is no Koban API token is left to the route, which has tokens of its own (TAXII member tokens). */
    ownBearerTokens?: boolean;
  }
}

export const SESSION_COOKIE = 'koban_session';
export const LOCALE_COOKIE = 'koban_lang';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    sessionExpired?: boolean;
  }
}
