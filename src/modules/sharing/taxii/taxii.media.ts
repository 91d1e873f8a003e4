// TAXII 2.1 media types (§1.6.8) and content negotiation: what a client must accept, what it may
// send, and the parsing of Accept and Content-Type headers with their parameters.
import type { FastifyReply } from 'fastify';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
export const TAXII_VERSION = '2.1';

/** The largest POSTed envelope the API root accepts (its max_content_length). */
export const TAXII_MAX_CONTENT_BYTES = 50 * 1024 * 1024;

type MediaRange = { type: string; subtype: string; params: Map<string, string>; quality: number };

/** Reads `type/subtype; a=b; q=0.5` (RFC 9110 §12.5.1), lower-cased; quoted parameter values lose their quotes. */
export function parseMediaRange(text: string): MediaRange | null {
  const [essence = '', ...rest] = text.split(';');
  const slash = essence.indexOf('/');
  if (slash <= 0) return null;
  const params = new Map<string, string>();
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    params.set(
      part.slice(0, equals).trim().toLowerCase(),
      part
        .slice(equals + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  const q = Number(params.get('q') ?? '1');
  params.delete('q');
  return {
    type: essence.slice(0, slash).trim().toLowerCase(),
    subtype: essence
      .slice(slash + 1)
      .trim()
      .toLowerCase(),
    params,
    quality: Number.isFinite(q) ? q : 0,
  };
}

function isTaxii21(range: MediaRange): boolean {
  const version = range.params.get('version');
  return range.type === 'application' && range.subtype === 'taxii+json' && (version === undefined || version === TAXII_VERSION);
}

/**
 * Whether a client's Accept header allows a TAXII 2.1 answer: `application/taxii+json` with no
 * version or version 2.1, `application/*` or `*\/*`, with a non-zero quality. No header at all
 * accepts anything (RFC 9110), although TAXII clients are told to send one.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((item) => {
    const range = parseMediaRange(item);
    if (!range || range.quality <= 0) return false;
    if (range.type === '*' && range.subtype === '*') return true;
    if (range.type === 'application' && range.subtype === '*') return true;
    return isTaxii21(range);
  });
}

/** Whether a request or response body is TAXII 2.1 JSON (version parameter absent or 2.1). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const range = parseMediaRange(contentType);
  return range !== null && isTaxii21(range);
}

/**
 * Sends a TAXII body with exactly `application/taxii+json;version=2.1`. Fastify would rewrite the
 * type of a string or object payload (quoting the version, adding a charset), which some TAXII
 * clients compare literally; a Buffer payload keeps the header as set. Nothing is cached on the
 * way: what one member may read, the next reader through the same proxy may not.
 */
export function sendTaxii(reply: FastifyReply, body: unknown, status = 200): FastifyReply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return reply.status(status).header('content-type', TAXII_MEDIA_TYPE).header('cache-control', 'no-store').send(Buffer.from(text, 'utf8'));
}
