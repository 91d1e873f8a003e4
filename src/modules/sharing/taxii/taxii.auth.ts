// Who is calling the TAXII API: a member organisation of a sharing group (its `kbt_…` token as a
// bearer token, or as the password of HTTP Basic with any user name, which is what most TAXII
// clients can send), or a Koban user (API token or session) holding sharing.read. The kernel's
// access hook has already resolved Koban users; member tokens are checked here.
import type { FastifyRequest } from 'fastify';
import { can, type Actor } from '#kernel/auth/index.ts';
import { AppError, kernelErrors } from '#kernel/errors.ts';
import { CSRF_HEADER } from '#kernel/http/index.ts';
import { safeEqual } from '#kernel/ids.ts';
import type { MemberPrincipal } from '../groups/groups.service.ts';
import { taxiiErrors } from './taxii.errors.ts';

export type TaxiiPrincipal = { kind: 'member'; member: MemberPrincipal } | { kind: 'user'; actor: Actor };

export type MemberAuthenticator = (token: string) => Promise<MemberPrincipal | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_CREDENTIAL_CHARS = 1024;

/** The secret an Authorization header carries: a bearer token, or the password of HTTP Basic. */
export function presentedSecret(authorization: string): string | null {
  if (authorization.length > MAX_CREDENTIAL_CHARS) return null;
  const space = authorization.indexOf(' ');
  if (space < 0) return null;
  const scheme = authorization.slice(0, space).toLowerCase();
  const value = authorization.slice(space + 1).trim();
  if (scheme === 'bearer') return value || null;
  if (scheme !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1) || null;
}

function asUser(request: FastifyRequest): TaxiiPrincipal {
  const auth = request.auth;
  if (!auth || auth.stage !== 'active') throw new AppError(taxiiErrors.credentials_required);
  // Sessions ride on cookies, so a write needs the CSRF token as on every other Koban route.
  if (auth.actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) throw new AppError(kernelErrors.csrf_failed);
  }
  if (!can(auth.actor, 'sharing.read')) throw new AppError(taxiiErrors.forbidden, { permission: 'sharing.read' });
  return { kind: 'user', actor: auth.actor };
}

/** Resolves the caller or throws a 401/403 AppError. */
export async function resolvePrincipal(request: FastifyRequest, authenticateMember: MemberAuthenticator): Promise<TaxiiPrincipal> {
  const authorization = request.headers.authorization;
  if (authorization === undefined) return asUser(request);
  if (request.auth && authorization.startsWith('Bearer ')) return asUser(request);
  const secret = presentedSecret(authorization);
  const member = secret === null ? null : await authenticateMember(secret);
  if (!member) throw new AppError(taxiiErrors.invalid_credentials);
  return { kind: 'member', member };
}
