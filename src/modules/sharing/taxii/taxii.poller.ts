// Polling one remote TAXII collection: pages through its objects added since the subscription's
// cursor (following `next`, or added_after = the last page's X-TAXII-Date-Added-Last when the
// server gives no `next`), streams them into the import pipeline as one batch with the
// subscription as provenance, and only then moves the cursor. A failed poll leaves the cursor
// where it was: the next poll asks again for the same objects, and re-importing changes nothing.
import { AppError } from '#kernel/errors.ts';
import type { Locale } from '#kernel/i18n/index.ts';
import type { KernelDeps } from '#kernel/services.ts';
import { sharingErrors } from '../sharing.errors.ts';
import type { ImportEntry } from '../import/importer.ts';
import { Tlp } from '../tlp.ts';
import { apiRootOf, createTaxiiClient, type ObjectsPage, type ObjectsQuery, type TaxiiClientAuth } from './taxii.client.ts';
import { taxiiErrors } from './taxii.errors.ts';
import type { ImportObjects } from './taxii.push.ts';
import * as repo from './taxii-subscriptions.repository.ts';

const PAGE_SIZE = 500;
/** A poll stops after this many pages; the next poll goes on from the cursor. */
const MAX_PAGES_PER_POLL = 200;

export type PollError = { code: string; details: Record<string, unknown> };
export type PollResult =
  | { ok: true; batchId: string | null; total: number; imported: number; unchanged: number; refused: number; pages: number; cursor: string | null }
  | { ok: false; error: PollError };

export type PollerDeps = Pick<KernelDeps, 'database' | 'clock'> & { importObjects: ImportObjects; locale: Locale; fetchImpl?: typeof fetch };

function clientAuthOf(row: repo.SubscriptionRow): TaxiiClientAuth {
  if (row.auth_kind === 'bearer') return { kind: 'bearer', token: row.secret ?? '' };
  if (row.auth_kind === 'basic') return { kind: 'basic', username: row.username ?? '', password: row.secret ?? '' };
  return { kind: 'none' };
}

function errorOf(error: unknown): PollError {
  if (error instanceof AppError) return { code: error.code, details: error.details };
  return { code: taxiiErrors.poll_failed, details: { reason: error instanceof Error ? error.message : String(error) } };
}

/** Reads pages lazily; remembers how far it got. */
function pageReader(client: ReturnType<typeof createTaxiiClient>, collectionId: string, cursor: string | null) {
  const progress = { pages: 0, lastDateAdded: cursor };
  const firstQuery: ObjectsQuery = { limit: PAGE_SIZE, ...(cursor !== null ? { addedAfter: cursor } : {}) };

  function queryAfter(page: ObjectsPage, previous: ObjectsQuery): ObjectsQuery {
    // With `next`, the same query goes on (§3.4.1); without, added_after moves to the page's last date.
    if (page.next !== null && page.next !== previous.next) return { ...firstQuery, next: page.next };
    if (page.next === null && page.dateAddedLast !== null && page.dateAddedLast !== previous.addedAfter)
      return { limit: PAGE_SIZE, addedAfter: page.dateAddedLast };
    throw new AppError(taxiiErrors.remote_no_progress, { collectionId });
  }

  async function* entries(first: ObjectsPage): AsyncGenerator<ImportEntry> {
    let page = first;
    let query = firstQuery;
    let index = 0;
    for (;;) {
      progress.pages += 1;
      if (page.dateAddedLast !== null) progress.lastDateAdded = page.dateAddedLast;
      for (const value of page.objects) yield { index: index++, value };
      if (!page.more || progress.pages >= MAX_PAGES_PER_POLL) return;
      query = queryAfter(page, query);
      page = await client.getObjects(collectionId, query);
    }
  }

  return { progress, first: () => client.getObjects(collectionId, firstQuery), entries };
}

async function fetchAndImport(deps: PollerDeps, row: repo.SubscriptionRow): Promise<Extract<PollResult, { ok: true }>> {
  const client = createTaxiiClient({ apiRootUrl: row.api_root_url, auth: clientAuthOf(row), ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}) });
  const reader = pageReader(client, row.collection_id, row.cursor);
  const first = await reader.first();
  if (first.objects.length === 0 && !first.more) {
    return { ok: true, batchId: null, total: 0, imported: 0, unchanged: 0, refused: 0, pages: 1, cursor: first.dateAddedLast ?? row.cursor };
  }
  const summary = await deps.importObjects(reader.entries(first), {
    kind: 'taxii',
    source: `taxii:${apiRootOf(row.api_root_url).toString()}collections/${row.collection_id}/`,
    actor: { kind: 'subscription', id: row.id, label: row.name, audit: { type: 'system', id: row.id } },
    defaultTlp: Tlp.catch('amber').parse(row.default_tlp),
    locale: deps.locale,
  });
  if (summary.status === 'failed') throw new AppError(taxiiErrors.poll_failed, { reason: summary.problems.at(-1)?.message ?? summary.batchId });
  const { batchId, total, imported, unchanged, refused } = summary;
  return { ok: true, batchId, total, imported, unchanged, refused, pages: reader.progress.pages, cursor: reader.progress.lastDateAdded };
}

/** Polls one subscription now and records the outcome on it; remote failures are returned, not thrown. */
export async function pollSubscription(deps: PollerDeps, subscriptionId: string): Promise<PollResult> {
  const db = deps.database.db;
  const row = await repo.findSubscription(db, subscriptionId);
  if (!row) throw new AppError(sharingErrors.subscription_not_found, { subscriptionId });
  const startedAt = deps.clock.now().toISOString();
  try {
    const result = await fetchAndImport(deps, row);
    await repo.recordPoll(db, row.id, { lastPolledAt: startedAt, lastStatus: 'ok', lastError: null, cursor: result.cursor });
    return result;
  } catch (error) {
    const failure = errorOf(error);
    await repo.recordPoll(db, row.id, { lastPolledAt: startedAt, lastStatus: 'failed', lastError: JSON.stringify(failure) });
    return { ok: false, error: failure };
  }
}

/** Whether a subscription is due at `now`: never polled, or its interval has passed since the last poll. */
export function isDue(row: Pick<repo.SubscriptionRow, 'last_polled_at' | 'interval_seconds'>, now: Date): boolean {
  if (row.last_polled_at === null) return true;
  return new Date(row.last_polled_at).getTime() + row.interval_seconds * 1000 <= now.getTime();
}
