import type { z } from 'zod';
import {
  ExtractResult,
  LookupResult,
  ObservableDetail,
  RecordTextResult,
  SearchResult,
  type ExtractedObservable,
  type LookupItem,
} from '../../../../src/modules/observables/observables.contract.ts';
import { ApiError, api } from '../../app/api.ts';

export type { ExtractedObservable, ObservableDetail };
export type Search = z.infer<typeof SearchResult>;
export type Lookup = z.infer<typeof LookupItem>;
export type Recorded = z.infer<typeof RecordTextResult>;
export type Sighting = ObservableDetail['sightings'][number];

/** The server's own limit on one bulk lookup (LookupInput) and on one value in it. */
export const LOOKUP_MAX_VALUES = 10_000;
export const LOOKUP_MAX_VALUE_LENGTH = 2048;
/** The only source type the UI records: text typed or pasted by hand. */
export const MANUAL_SOURCE_TYPE = 'manual';

/**
 * The server has no translated message for some observable.* codes yet and sends the code itself
 * as the message; drop it so the catalogue's error.<code> text is shown instead.
 */
export function withCatalogueMessage(error: ApiError): ApiError {
  if (error.message !== error.code) return error;
  return new ApiError(error.status, { code: error.code, message: '', details: error.details, requestId: error.requestId });
}

async function call<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (caught) {
    throw caught instanceof ApiError ? withCatalogueMessage(caught) : caught;
  }
}

export const observablesApi = {
  search: (q: string) => call(api.get(`/api/observables/search?${new URLSearchParams({ q }).toString()}`, SearchResult)),
  get: (observableId: number) => call(api.get(`/api/observables/${String(observableId)}`, ObservableDetail)),
  /** Sets the TLP marking (null clears it); answers the observable as it now is. */
  mark: (observableId: number, tlp: ObservableDetail['tlp']) => call(api.patch(`/api/observables/${String(observableId)}`, { tlp }, ObservableDetail)),
  lookup: async (values: readonly string[]) => (await call(api.post('/api/observables/lookup', { values }, LookupResult))).items,
  extract: async (text: string, includeWarnings: boolean) => (await call(api.post('/api/observables/extract', { text, includeWarnings }, ExtractResult))).items,
  record: (sourceId: string, text: string) =>
    call(api.post('/api/observables/sightings', { sourceType: MANUAL_SOURCE_TYPE, sourceId, text }, RecordTextResult)),
};

/** Non-empty lines, trimmed: the values of a bulk lookup. */
export function lookupLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A positive integer id from the URL, or null. */
export function parseObservableId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
