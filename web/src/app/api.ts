// Typed fetch client for the Koban API. Responses are checked against the server's own zod
// contracts, so a type here is never written twice. Errors become ApiError with the server's
// code and message (already in the requester's language).
import type { z } from 'zod';
import type { Language } from '../i18n/i18n.tsx';

export type ApiErrorBody = { code: string; message: string; details: Record<string, unknown>; requestId: string | null };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = body.requestId;
  }

  get isForbidden(): boolean {
    return this.status === 403 && this.code === 'auth.forbidden';
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

/** Codes the client itself produces; the UI has a catalogue message for each. */
export const CLIENT_ERROR_CODES = { network: 'client.network', badResponse: 'client.bad_response' } as const;

type ClientState = { csrfToken: string | null; language: Language; onUnauthenticated: (error: ApiError) => void };

const state: ClientState = { csrfToken: null, language: 'ja', onUnauthenticated: () => undefined };

export function configureApiClient(update: Partial<ClientState>): void {
  Object.assign(state, update);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readErrorBody(value: unknown): ApiErrorBody | null {
  if (!isRecord(value) || !isRecord(value.error)) return null;
  const { code, message, details, requestId } = value.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, details: isRecord(details) ? details : {}, requestId: typeof requestId === 'string' ? requestId : null };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function send(
  method: Method,
  path: string,
  body: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json', 'accept-language': state.language };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    if (state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
    // A FormData body is sent as multipart/form-data; the browser writes the boundary itself.
    if (body instanceof FormData) init.body = body;
    else {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body ?? {});
    }
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: '', details: {}, requestId: null });
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      readErrorBody(json) ?? { code: `http.${response.status}`, message: '', details: {}, requestId: response.headers.get('x-request-id') },
    );
    if (error.isUnauthenticated && !path.startsWith('/api/auth/')) state.onUnauthenticated(error);
    throw error;
  }
  return { status: response.status, json };
}

function parse<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new ApiError(0, { code: CLIENT_ERROR_CODES.badResponse, message: '', details: {}, requestId: null });
  return result.data;
}

export const api = {
  async get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return parse(schema, (await send('GET', path, undefined)).json);
  },
  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return parse(schema, (await send('POST', path, body)).json);
  },
  async patch<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return parse(schema, (await send('PATCH', path, body)).json);
  },
  async put<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return parse(schema, (await send('PUT', path, body)).json);
  },
  async delete<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return parse(schema, (await send('DELETE', path, undefined)).json);
  },
  /** multipart/form-data (files and fields); `headers` adds e.g. an Idempotency-Key. */
  async postForm<S extends z.ZodType>(path: string, form: FormData, schema: S, headers: Readonly<Record<string, string>> = {}): Promise<z.output<S>> {
    return parse(schema, (await send('POST', path, form, headers)).json);
  },
  /** For answers without a body (204). */
  async command(method: 'POST' | 'DELETE', path: string, body: unknown = {}): Promise<void> {
    await send(method, path, body);
  },
};
