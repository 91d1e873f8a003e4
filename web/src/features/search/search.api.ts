import type { z } from 'zod';
import { SearchResults, type SearchResultItem } from '../../../../src/modules/search/search.contract.ts';
import { api } from '../../app/api.ts';
import { PATHS } from '../../app/routes.tsx';

export type SearchHit = z.infer<typeof SearchResultItem>;
export type SearchKind = SearchHit['kind'];

/** The kind filter: everything, or cases or reports alone. */
export const KIND_FILTERS = ['all', 'case', 'report'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

/** What the page asks for, kept in its URL (?q=…&kind=case) so the way back from a hit lands here. */
export type SearchRequest = { q: string; kind: KindFilter };

export const SEARCH_LIMIT = 30;
/** SearchQuery's limit on q, after trimming. */
export const QUERY_MAX_LENGTH = 200;

export function isKindFilter(value: string | null): value is KindFilter {
  return KIND_FILTERS.some((kind) => kind === value);
}

export function searchRequestOf(search: string): SearchRequest {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  return { q: (params.get('q') ?? '').trim().slice(0, QUERY_MAX_LENGTH), kind: isKindFilter(kind) ? kind : 'all' };
}

export function searchPathOf(request: SearchRequest): string {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  if (request.kind !== 'all') params.set('kind', request.kind);
  const search = params.toString();
  return search ? `${PATHS.search}?${search}` : PATHS.search;
}

export function hitPathOf(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  switch (hit.kind) {
    case 'case':
      return PATHS.case(hit.id);
    case 'report':
      return PATHS.intakeItem(hit.id);
  }
}

export const searchApi = {
  /** The hits with the request they answer, so a page still showing older hits names their words. */
  search: async (request: SearchRequest): Promise<{ request: SearchRequest; items: SearchHit[] }> => {
    const params = new URLSearchParams({ q: request.q, kinds: request.kind === 'all' ? 'case,report' : request.kind, limit: String(SEARCH_LIMIT) });
    return { request, items: (await api.get(`/api/search?${params.toString()}`, SearchResults)).items };
  },
};
