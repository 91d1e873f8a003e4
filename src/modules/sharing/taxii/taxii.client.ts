// A TAXII 2.1 client for the remote collections Koban polls. Remote API roots are configured by an
// administrator, not taken from public input, so loopback and private addresses are allowed (a
// partner's server is often on a closed network); only http(s) is. Every request has a timeout and
// a response size limit, follows no redirect, and fails with a coded error that says what went wrong.
import { AppError } from '#kernel/errors.ts';
import { taxiiErrors } from './taxii.errors.ts';
import { isTaxiiContentType, TAXII_MEDIA_TYPE } from './taxii.media.ts';

export type TaxiiClientAuth = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export type TaxiiClientOptions = {
  apiRootUrl: string;
  auth: TaxiiClientAuth;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  maxResponseBytes?: number;
};

export type ObjectsQuery = { addedAfter?: string; next?: string; limit?: number; match?: Record<string, string> };

export type ObjectsPage = { objects: unknown[]; more: boolean; next: string | null; dateAddedFirst: string | null; dateAddedLast: string | null };

export type RemoteCollection = { id: string; title: string; canRead: boolean; canWrite: boolean };

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The API root as a base URL ending in '/'; refuses other schemes and credentials in the URL. */
export function apiRootOf(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new AppError(taxiiErrors.remote_invalid_url, { url: text.slice(0, 200) }, { cause: error });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password)
    throw new AppError(taxiiErrors.remote_invalid_url, { url: text.slice(0, 200) });
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  url.search = '';
  url.hash = '';
  return url;
}

function authorizationOf(auth: TaxiiClientAuth): Record<string, string> {
  switch (auth.kind) {
    case 'none':
      return {};
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  }
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new AppError(taxiiErrors.remote_too_large, { url, limit: maxBytes });
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError(taxiiErrors.remote_too_large, { url, limit: maxBytes });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createTaxiiClient({
  apiRootUrl,
  auth,
  fetchImpl = fetch,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
}: TaxiiClientOptions) {
  const root = apiRootOf(apiRootUrl);
  const headers = { accept: TAXII_MEDIA_TYPE, ...authorizationOf(auth) };

  async function getJson(path: string, params: Record<string, string> = {}): Promise<{ body: Record<string, unknown>; headers: Headers }> {
    const url = new URL(path, root);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    const shown = url.toString();
    let response: Response;
    try {
      response = await fetchImpl(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new AppError(taxiiErrors.remote_unreachable, { url: shown, reason: error instanceof Error ? error.message : String(error) }, { cause: error });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError(taxiiErrors.remote_http_error, { url: shown, status: response.status });
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!isTaxiiContentType(contentType)) {
      await response.body?.cancel();
      throw new AppError(taxiiErrors.remote_content_type, { url: shown, contentType: contentType.slice(0, 100) });
    }
    const text = await readLimited(response, maxResponseBytes, shown);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new AppError(taxiiErrors.remote_bad_json, { url: shown, reason: error instanceof Error ? error.message : String(error) }, { cause: error });
    }
    if (!isRecord(body)) throw new AppError(taxiiErrors.remote_bad_json, { url: shown, reason: 'not a JSON object' });
    return { body, headers: response.headers };
  }

  return {
    async collections(): Promise<RemoteCollection[]> {
      const { body } = await getJson('collections/');
      const list = Array.isArray(body.collections) ? body.collections : [];
      return list.filter(isRecord).map((c) => ({
        id: String(c.id),
        title: typeof c.title === 'string' ? c.title : '',
        canRead: c.can_read === true,
        canWrite: c.can_write === true,
      }));
    },

    /** One page of a collection's objects, with the date_added range the server reports for it. */
    async getObjects(collectionId: string, query: ObjectsQuery = {}): Promise<ObjectsPage> {
      const params: Record<string, string> = {};
      if (query.addedAfter !== undefined) params.added_after = query.addedAfter;
      if (query.next !== undefined) params.next = query.next;
      if (query.limit !== undefined) params.limit = String(query.limit);
      for (const [name, value] of Object.entries(query.match ?? {})) params[`match[${name}]`] = value;
      const { body, headers } = await getJson(`collections/${encodeURIComponent(collectionId)}/objects/`, params);
      const { objects = [], more = false, next } = body;
      if (!Array.isArray(objects) || typeof more !== 'boolean' || (next !== undefined && typeof next !== 'string'))
        throw new AppError(taxiiErrors.remote_bad_json, { url: `${root.toString()}collections/${collectionId}/objects/`, reason: 'not a TAXII envelope' });
      return {
        objects,
        more,
        next: typeof next === 'string' && next !== '' ? next : null,
        dateAddedFirst: headers.get('x-taxii-date-added-first'),
        dateAddedLast: headers.get('x-taxii-date-added-last'),
      };
    },
  };
}

export type TaxiiClient = ReturnType<typeof createTaxiiClient>;
