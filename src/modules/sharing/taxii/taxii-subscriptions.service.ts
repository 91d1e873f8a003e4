// Subscriptions to remote TAXII collections (M3.2c): kept by staff with sharing.exchange, each
// change audited without its secret; polled when due by the background job, or at once on request.
// Two polls of one subscription never run together in this process: the cursor of one would be
// overwritten by the other.
import { auditActorOf, type Actor } from '#kernel/auth/index.ts';
import { AppError } from '#kernel/errors.ts';
import { newId } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import { sharingErrors } from '../sharing.errors.ts';
import type { SubscriptionAuth, SubscriptionChanges, SubscriptionInput } from './taxii-subscriptions.contract.ts';
import * as repo from './taxii-subscriptions.repository.ts';
import { taxiiErrors } from './taxii.errors.ts';
import { isDue, pollSubscription, type PollResult } from './taxii.poller.ts';
import type { ImportObjects } from './taxii.push.ts';

function credentialColumns(auth: SubscriptionAuth) {
  switch (auth.kind) {
    case 'none':
      return { auth_kind: auth.kind, username: null, secret: null };
    case 'bearer':
      return { auth_kind: auth.kind, username: null, secret: auth.token };
    case 'basic':
      return { auth_kind: auth.kind, username: auth.username, secret: auth.password };
  }
}

/** What the audit log keeps of a change: everything but the secret. */
function auditedChanges(input: SubscriptionInput | SubscriptionChanges): Record<string, unknown> {
  const { auth, ...rest } = input;
  return auth === undefined
    ? rest
    : { ...rest, authKind: auth.kind, ...(auth.kind === 'basic' ? { username: auth.username } : {}), secretChanged: auth.kind !== 'none' };
}

export type SubscriptionDeps = Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'> & { fetchImpl?: typeof fetch };

export function createTaxiiSubscriptions(deps: SubscriptionDeps, importObjects: ImportObjects) {
  const { database, clock, audit } = deps;
  const db = database.db;
  const polling = new Set<string>();
  let isPollingDue = false;
  const pollerDeps = { database, clock, importObjects, locale: deps.config.locale, ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}) };

  async function get(subscriptionId: string): Promise<repo.SubscriptionRow> {
    const row = await repo.findSubscription(db, subscriptionId);
    if (!row) throw new AppError(sharingErrors.subscription_not_found, { subscriptionId });
    return row;
  }

  async function pollOnce(subscriptionId: string): Promise<PollResult> {
    polling.add(subscriptionId);
    try {
      return await pollSubscription(pollerDeps, subscriptionId);
    } finally {
      polling.delete(subscriptionId);
    }
  }

  return {
    get,
    list: () => repo.listSubscriptions(db),

    async create(actor: Actor, input: SubscriptionInput, requestId: string | null): Promise<repo.SubscriptionRow> {
      const id = newId(clock.now().getTime());
      await db.transaction().execute(async (trx) => {
        await repo.insertSubscription(trx, {
          id,
          name: input.name,
          api_root_url: input.apiRootUrl,
          collection_id: input.collectionId,
          ...credentialColumns(input.auth),
          interval_seconds: input.intervalSeconds,
          default_tlp: input.defaultTlp,
          enabled: input.enabled ? 1 : 0,
          created_by: actor.userId,
          created_at: clock.now().toISOString(),
        });
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: 'sharing.subscription_created',
          target: { type: 'taxii_subscription', id },
          changes: auditedChanges(input),
          requestId,
        });
      });
      return get(id);
    },

    async update(actor: Actor, subscriptionId: string, changes: SubscriptionChanges, requestId: string | null): Promise<repo.SubscriptionRow> {
      await get(subscriptionId);
      await db.transaction().execute(async (trx) => {
        await repo.updateSubscription(trx, subscriptionId, {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          // Another server or collection: what was read from the old one says nothing about the new.
          ...(changes.apiRootUrl !== undefined ? { api_root_url: changes.apiRootUrl, cursor: null } : {}),
          ...(changes.collectionId !== undefined ? { collection_id: changes.collectionId, cursor: null } : {}),
          ...(changes.auth !== undefined ? credentialColumns(changes.auth) : {}),
          ...(changes.intervalSeconds !== undefined ? { interval_seconds: changes.intervalSeconds } : {}),
          ...(changes.defaultTlp !== undefined ? { default_tlp: changes.defaultTlp } : {}),
          ...(changes.enabled !== undefined ? { enabled: changes.enabled ? 1 : 0 } : {}),
        });
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: 'sharing.subscription_updated',
          target: { type: 'taxii_subscription', id: subscriptionId },
          changes: auditedChanges(changes),
          requestId,
        });
      });
      return get(subscriptionId);
    },

    async remove(actor: Actor, subscriptionId: string, requestId: string | null): Promise<void> {
      const row = await get(subscriptionId);
      await db.transaction().execute(async (trx) => {
        await repo.deleteSubscription(trx, subscriptionId);
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: 'sharing.subscription_deleted',
          target: { type: 'taxii_subscription', id: subscriptionId },
          changes: { name: row.name, apiRootUrl: row.api_root_url, collectionId: row.collection_id },
          requestId,
        });
      });
    },

    /** Polls at once, enabled or not; refused while a poll of it runs. */
    async poll(subscriptionId: string): Promise<{ result: PollResult; subscription: repo.SubscriptionRow }> {
      await get(subscriptionId);
      if (polling.has(subscriptionId)) throw new AppError(taxiiErrors.poll_in_progress, { subscriptionId });
      const result = await pollOnce(subscriptionId);
      return { result, subscription: await get(subscriptionId) };
    },

    /** Polls, one at a time, every enabled subscription whose interval has passed. */
    async pollDue(now: Date = clock.now()): Promise<{ subscriptionId: string; result: PollResult }[]> {
      if (isPollingDue) return [];
      isPollingDue = true;
      try {
        const due = (await repo.listEnabledSubscriptions(db)).filter((row) => isDue(row, now));
        const results = [];
        for (const row of due) if (!polling.has(row.id)) results.push({ subscriptionId: row.id, result: await pollOnce(row.id) });
        return results;
      } finally {
        isPollingDue = false;
      }
    },
  };
}

export type TaxiiSubscriptions = ReturnType<typeof createTaxiiSubscriptions>;
