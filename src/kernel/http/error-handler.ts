// The one mapping from errors to HTTP answers: { error: { code, message, details, requestId } },
// the message in the requester's language. Unknown errors become 500 and are logged in full.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, kernelErrors } from '../errors.ts';
import { t, type Locale } from '../i18n/index.ts';

export type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown>; requestId: string } };

export function errorBody(locale: Locale, requestId: string, code: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message: t(locale, code, { ...details, requestId }), details, requestId } };
}

type Issue = { keyword?: string; instancePath?: string; message?: string; params?: { minimum?: unknown; maximum?: unknown; origin?: string; input?: unknown } };

const ISSUE_KEYS: Record<string, string> = {
  invalid_type: 'validation.invalid_type',
  too_small: 'validation.too_small',
  too_big: 'validation.too_big',
  invalid_format: 'validation.invalid_format',
  invalid_value: 'validation.invalid_value',
  unrecognized_keys: 'validation.unrecognized_keys',
};

/** One entry per bad field: where it is, a stable code and a message in the requester's language. */
function describeIssue(locale: Locale, issue: Issue, part: string) {
  const path = [part, ...(issue.instancePath ?? '').split('/').filter(Boolean)].join('.');
  const params = issue.params ?? {};
  let key = ISSUE_KEYS[issue.keyword ?? ''] ?? 'validation.invalid_value';
  if (issue.keyword === 'invalid_type' && (issue.message ?? '').includes('received undefined')) key = 'validation.required';
  if (issue.keyword === 'too_small' && params.origin === 'string') key = Number(params.minimum) === 1 ? 'validation.required' : 'validation.too_short';
  if (issue.keyword === 'too_big' && params.origin === 'string') key = 'validation.too_long';
  return { path, code: key, message: t(locale, key, { minimum: params.minimum, maximum: params.maximum }) };
}

function mapFastifyError(error: FastifyError): { code: string; details: Record<string, unknown> } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: kernelErrors.malformed_json, details: {} };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: kernelErrors.too_large, details: {} };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { code: kernelErrors.too_large, details: {} };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: kernelErrors.unsupported_media_type, details: {} };
    default:
      if (error instanceof SyntaxError && error.statusCode === 400) return { code: kernelErrors.malformed_json, details: {} };
      if (error.statusCode === 429) return { code: kernelErrors.rate_limited, details: {} };
      // @fastify/static answers a directory or a hidden file with 403/404: to a client both are "not found".
      if (error.statusCode === 404 || (error.statusCode === 403 && error.name === 'ForbiddenError')) return { code: kernelErrors.not_found, details: {} };
      return null;
  }
}

const STATUS: Record<string, number> = {
  [kernelErrors.malformed_json]: 400,
  [kernelErrors.too_large]: 413,
  [kernelErrors.unsupported_media_type]: 415,
  [kernelErrors.rate_limited]: 429,
  [kernelErrors.not_found]: 404,
};

/** PostgreSQL refuses NUL and some characters in text; to the client that is bad input, not a crash. */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

export function createErrorHandler(bodyLimit: number) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const locale = request.locale ?? 'ja';
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return reply.status(error.status).send(errorBody(locale, request.id, error.code, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext ?? 'body';
      const issues = (error.validation as Issue[]).map((issue) => describeIssue(locale, issue, part));
      return reply.status(400).send(errorBody(locale, request.id, kernelErrors.invalid, { issues }));
    }
    if (isUnstorableText(error)) return reply.status(400).send(errorBody(locale, request.id, kernelErrors.invalid, { reason: 'unstorable_character' }));
    const mapped = mapFastifyError(error);
    if (mapped) {
      const details = mapped.code === kernelErrors.too_large ? { limit: bodyLimit } : mapped.details;
      return reply.status(STATUS[mapped.code] ?? 400).send(errorBody(locale, request.id, mapped.code, details));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody(locale, request.id, kernelErrors.internal));
  };
}
