// Queries of taxii_subscription: the remote collections Koban polls, their credentials (never
// returned by the API) and the outcome of the last poll.
import type { Executor } from '#kernel/db/index.ts';
import type { TaxiiSubscriptionTable } from '#kernel/db/tables/sharing.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';

export type SubscriptionRow = Selectable<TaxiiSubscriptionTable>;

export function listSubscriptions(db: Executor): Promise<SubscriptionRow[]> {
  return db.selectFrom('taxii_subscription').selectAll().orderBy('name').orderBy('id').execute();
}

export function listEnabledSubscriptions(db: Executor): Promise<SubscriptionRow[]> {
  return db.selectFrom('taxii_subscription').selectAll().where('enabled', '=', 1).orderBy('id').execute();
}

export function findSubscription(db: Executor, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('taxii_subscription').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertSubscription(db: Executor, row: Insertable<TaxiiSubscriptionTable>) {
  return db.insertInto('taxii_subscription').values(row).execute();
}

export function updateSubscription(db: Executor, id: string, changes: Updateable<TaxiiSubscriptionTable>) {
  return db.updateTable('taxii_subscription').set(changes).where('id', '=', id).execute();
}

export function deleteSubscription(db: Executor, id: string) {
  return db.deleteFrom('taxii_subscription').where('id', '=', id).execute();
}

/** The outcome of a poll; `cursor` is left as it was when not given (a failed poll). */
export function recordPoll(
  db: Executor,
  id: string,
  outcome: { lastPolledAt: string; lastStatus: 'ok' | 'failed'; lastError: string | null; cursor?: string | null },
) {
  return db
    .updateTable('taxii_subscription')
    .set({
      last_polled_at: outcome.lastPolledAt,
      last_status: outcome.lastStatus,
      last_error: outcome.lastError,
      ...(outcome.cursor !== undefined ? { cursor: outcome.cursor } : {}),
    })
    .where('id', '=', id)
    .execute();
}
