import type { FastifyRequest } from 'fastify';
import type { RequestAuth } from '../auth/index.ts';
import { AppError, accessErrors } from '../errors.ts';
import './types.ts';

/** The request's credentials; the access hook has already refused anonymous calls to non-public routes. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError(accessErrors.required);
  return request.auth;
}
