// A short-lived in-process cache of what a credential resolves to (session or token row, user,
// roles), so an authenticated read does not cost three queries. Every write to accounts in this
// process clears it at once; a change made by another process (the CLI, a second server on
// PostgreSQL) is seen within MAX_AGE_MS.
import type { Kysely } from 'kysely';
import type { ApiTokenRow, AppUserRow, DB, Executor, SessionRow } from '#kernel/db/index.ts';

export const CREDENTIAL_CACHE_MAX_AGE_MS = 2000;
const MAX_ENTRIES = 10_000;

export type CachedCredential = { user: AppUserRow; roles: string[]; session: SessionRow | null; token: ApiTokenRow | null; cachedAt: number };

export function createCredentialCache(maxAgeMs = CREDENTIAL_CACHE_MAX_AGE_MS) {
  const entries = new Map<string, CachedCredential>();
  // Bumped by every clear(): a load that started before a write must not store what it read.
  let generation = 0;
  return {
    /** The current generation; pass it back to set() so a load that raced a write is dropped. */
    generation(): number {
      return generation;
    },
    get(key: string, nowMs: number): CachedCredential | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (nowMs - entry.cachedAt > maxAgeMs || nowMs < entry.cachedAt) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    set(key: string, entry: CachedCredential, loadedInGeneration: number): void {
      if (loadedInGeneration !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, entry);
    },
    clear(): void {
      generation += 1;
      entries.clear();
    },
  };
}

export type CredentialCache = ReturnType<typeof createCredentialCache>;

/** A transaction that forgets every cached credential when it ends, so the next request sees the change. */
export function cacheClearingTransaction(db: Kysely<DB>, cache: CredentialCache) {
  return async function write<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(work);
    } finally {
      cache.clear();
    }
  };
}
