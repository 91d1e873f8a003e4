// The URL parameters of TAXII 2.1 collection endpoints (§3.4): added_after, limit, next and the
// match[...] filters, each a comma-separated list. A parameter repeated in the query string is read
// as one list. Unknown parameters are ignored, as the specification asks.
import { z } from 'zod';
import { AppError } from '#kernel/errors.ts';
import { isStixTimestamp } from '../stix/identifiers.ts';
import { taxiiErrors } from './taxii.errors.ts';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
const MAX_LIST_VALUES = 100;
/** The store accepts STIX 2.1 objects only (stix/validate.ts). */
const HELD_SPEC_VERSION = '2.1';

const Param = z.union([z.string().max(20_000), z.array(z.string().max(20_000)).max(MAX_LIST_VALUES)]).optional();

export const TaxiiQuery = z.object({
  added_after: Param,
  limit: Param,
  next: Param,
  'match[type]': Param,
  'match[id]': Param,
  'match[version]': Param,
  'match[spec_version]': Param,
});
export type TaxiiQuery = z.infer<typeof TaxiiQuery>;

/** Which object versions to return: `last` (the default), `first`, `all`, and/or exact versions. */
export type VersionMatch = { all: boolean; first: boolean; last: boolean; exact: string[] };

export type EntryFilters = {
  /** In the form of collection_entry.date_added, so that text comparison orders correctly. */
  addedAfter: string | null;
  limit: number;
  /** The id of the last entry of the previous page. */
  next: number | null;
  types: string[] | null;
  ids: string[] | null;
  versions: VersionMatch;
  /** False when match[spec_version] names no version Koban holds (it holds STIX 2.1 only). */
  isSpecVersionHeld: boolean;
};

/** Which filters an endpoint takes beyond added_after, limit, next and match[spec_version]. */
export type FilterSupport = { idAndType: boolean; version: boolean };

/** A timestamp as collection_entry.date_added writes it: six fraction digits, so `>` on text is `>` in time. */
export function dateAddedKey(timestamp: string): string {
  const [whole = '', fraction = ''] = timestamp.slice(0, -1).split('.');
  return `${whole}.${fraction.padEnd(6, '0').slice(0, 6)}Z`;
}

function invalid(parameter: string, value: string): AppError {
  return new AppError(taxiiErrors.invalid_filter, { parameter, value: value.slice(0, 100) });
}

function listOf(parameter: string, value: string | string[] | undefined): string[] | null {
  if (value === undefined) return null;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (items.length === 0 || items.length > MAX_LIST_VALUES) throw invalid(parameter, String(value));
  return items;
}

function single(parameter: string, value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length !== 1) throw invalid(parameter, value.join(','));
    return value[0] ?? null;
  }
  return value;
}

function versionMatch(values: string[] | null): VersionMatch {
  const match: VersionMatch = { all: false, first: false, last: false, exact: [] };
  for (const value of values ?? ['last']) {
    if (value === 'all' || value === 'first' || value === 'last') match[value] = true;
    else if (isStixTimestamp(value)) match.exact.push(value);
    else throw invalid('match[version]', value);
  }
  return match;
}

function pageSize(value: string | null): number {
  if (value === null) return DEFAULT_PAGE_SIZE;
  const limit = /^\d{1,9}$/.test(value) ? Number(value) : 0;
  if (limit < 1) throw invalid('limit', value);
  // A larger limit than the server's is not an error: the server answers with fewer (§3.4.1).
  return Math.min(limit, MAX_PAGE_SIZE);
}

export function parseFilters(query: TaxiiQuery, support: FilterSupport): EntryFilters {
  const addedAfter = single('added_after', query.added_after);
  if (addedAfter !== null && !isStixTimestamp(addedAfter)) throw invalid('added_after', addedAfter);
  const next = single('next', query.next);
  if (next !== null && !/^\d{1,15}$/.test(next)) throw invalid('next', next);
  const specVersions = listOf('match[spec_version]', query['match[spec_version]']);
  return {
    addedAfter: addedAfter === null ? null : dateAddedKey(addedAfter),
    limit: pageSize(single('limit', query.limit)),
    next: next === null ? null : Number(next),
    types: support.idAndType ? listOf('match[type]', query['match[type]']) : null,
    ids: support.idAndType ? listOf('match[id]', query['match[id]']) : null,
    versions: support.version ? versionMatch(listOf('match[version]', query['match[version]'])) : { all: true, first: false, last: false, exact: [] },
    isSpecVersionHeld: specVersions === null || specVersions.includes(HELD_SPEC_VERSION),
  };
}
