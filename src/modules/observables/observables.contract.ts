// Observable types and the shapes the API and the web share. Pure: the web imports it.
import { z } from 'zod';

/** TLP 2.0 levels (FIRST). */
export const OBSERVABLE_TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export const ObservableType = z.enum([
  'ipv4',
  'ipv6',
  'cidr',
  'domain',
  'url',
  'email',
  'md5',
  'sha1',
  'sha256',
  'cve',
  'asn',
  'phone',
  'bank_account_jp',
  'btc',
  'eth',
  'card',
]);
export type ObservableType = z.infer<typeof ObservableType>;

/** One hit in a text: canonical value, where it was in the source (UTF-16 offsets, end exclusive). */
export const ExtractedObservable = z.object({
  type: ObservableType,
  value: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** On a warning list (documentation/private ranges, public resolvers, very popular domains …). */
  warning: z.string().nullable(),
  /** Extra canonical facts, e.g. the holder name of a bank account or the ゆうちょ 記号番号. */
  attributes: z.record(z.string(), z.string()).optional(),
});
export type ExtractedObservable = z.infer<typeof ExtractedObservable>;

export const ExtractInput = z.object({ text: z.string().max(5_000_000), includeWarnings: z.boolean().optional() });
export const ExtractResult = z.object({ items: z.array(ExtractedObservable) });

export const LookupInput = z.object({ values: z.array(z.string().max(2048)).min(1).max(10_000) });
export const LookupItem = z.object({
  input: z.string(),
  type: ObservableType.nullable(),
  value: z.string().nullable(),
  warning: z.string().nullable(),
  known: z.boolean(),
  observableId: z.number().int().nullable(),
  sightings: z.number().int(),
  sources: z.number().int(),
  firstSeenAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
});
export const LookupResult = z.object({ items: z.array(LookupItem) });

export const SourceView = z.object({ sourceType: z.string(), sourceId: z.string().nullable(), ownerUnitId: z.string().nullable(), restricted: z.boolean() });
export const RelatedObservable = z.object({ id: z.number().int(), type: ObservableType, value: z.string(), warning: z.string().nullable() });
export const Enrichment = z.record(z.string(), z.string());
export const ObservableDetail = z.object({
  id: z.number().int(),
  type: ObservableType,
  value: z.string(),
  warning: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  enrichment: Enrichment,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** An explicit TLP 2.0 marking; null: shared at the marking of the case it is shared with. */
  tlp: z.enum(OBSERVABLE_TLP_LEVELS).nullable(),
  sightings: z.array(SourceView.extend({ seenAt: z.string() })),
  related: z.array(RelatedObservable),
});
export type ObservableDetail = z.infer<typeof ObservableDetail>;
/** Marking an observable lets it be shared at that level even when it may be personal data (e-mail, phone, account). */
export const ObservableMarkingInput = z.object({ tlp: z.enum(OBSERVABLE_TLP_LEVELS).nullable() });
export const ObservableIdParams = z.object({ observableId: z.coerce.number().int().positive() });
export const SearchQuery = z.object({ q: z.string().min(1).max(2048) });
export const SearchResult = z.object({ type: ObservableType, value: z.string(), warning: z.string().nullable(), observableId: z.number().int().nullable() });

const SourceType = z.string().regex(/^[a-z][a-z_]{1,40}$/);
export const RecordTextInput = z.object({
  sourceType: SourceType,
  sourceId: z.string().min(1).max(128),
  ownerUnitId: z.string().max(64).nullable().optional(),
  restricted: z.boolean().optional(),
  text: z.string().max(5_000_000),
});
export const RecordTextResult = z.object({ items: z.array(ExtractedObservable), distinct: z.number().int() });
export const CorrelationQuery = z.object({
  sourceType: SourceType,
  sourceId: z.string().min(1).max(128),
  /** Also count warning-listed observables (public resolvers, popular domains …) as links. */
  includeWarnings: z.enum(['true', 'false']).optional(),
});
export const CorrelationResult = z.object({ items: z.array(SourceView.extend({ shared: z.number().int(), lastSeenAt: z.string().nullable() })) });
