// Errors on TAXII paths are TAXII error messages (§3.6.1), not Koban's usual { error } body: a
// title for the HTTP status, the coded message as description in the requester's language, the
// Koban code as error_code and the request id as error_id. 401 answers name the Basic realm so that
// TAXII clients know to send the member token as a password.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, kernelErrors } from '#kernel/errors.ts';
import { t, type Locale } from '#kernel/i18n/index.ts';
import { sendTaxii, TAXII_MAX_CONTENT_BYTES } from './taxii.media.ts';

const TITLED_STATUSES = new Set([400, 401, 403, 404, 406, 409, 413, 415, 422, 429, 500]);
export const TAXII_REALM = 'Basic realm="koban-taxii"';

export function taxiiErrorBody(locale: Locale, requestId: string, status: number, code: string, details: Record<string, unknown> = {}) {
  return {
    title: t(locale, TITLED_STATUSES.has(status) ? `taxii.title.${status}` : 'taxii.title.500'),
    description: t(locale, code, { ...details, requestId }),
    error_id: requestId,
    error_code: code,
    http_status: String(status),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

/** Fastify's own errors (body parsing, limits) as Koban codes and statuses. */
function fromFastify(error: FastifyError): { status: number; code: string; details: Record<string, unknown> } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: kernelErrors.too_large, details: { limit: TAXII_MAX_CONTENT_BYTES } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, code: kernelErrors.unsupported_media_type, details: {} };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: kernelErrors.malformed_json, details: {} };
    default:
      if (error.statusCode === 429) return { status: 429, code: kernelErrors.rate_limited, details: {} };
      if (error.statusCode === 404) return { status: 404, code: kernelErrors.not_found, details: {} };
      return { status: 500, code: kernelErrors.internal, details: {} };
  }
}

function describe(error: FastifyError): { status: number; code: string; details: Record<string, unknown> } {
  if (error instanceof AppError) return { status: error.status, code: error.code, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'querystring';
    const issues = (error.validation as { instancePath?: string }[]).map((issue) => ({
      path: [part, ...(issue.instancePath ?? '').split('/').filter(Boolean)].join('.'),
    }));
    return { status: 400, code: kernelErrors.invalid, details: { issues } };
  }
  return fromFastify(error);
}

export function sendTaxiiError(request: FastifyRequest, reply: FastifyReply, status: number, code: string, details: Record<string, unknown> = {}) {
  if (status === 401) reply.header('www-authenticate', TAXII_REALM);
  return sendTaxii(reply, taxiiErrorBody(request.locale, request.id, status, code, details), status);
}

export function handleTaxiiError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, code, details } = describe(error);
  if (status >= 500) request.log.error({ err: error }, 'TAXII request failed');
  return sendTaxiiError(request, reply, status, code, details);
}
