import { z } from 'zod';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  kinds: z.string().max(40).default('case,report'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const SearchResultItem = z.object({
  kind: z.enum(['case', 'report']),
  id: z.string(),
  label: z.string(),
  title: z.string(),
  status: z.string(),
  snippet: z.string(),
  /** [start, end) ranges of `snippet` that matched, to highlight as text. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export const SearchResults = z.object({ items: z.array(SearchResultItem) });
