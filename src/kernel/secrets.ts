// Per-installation secrets, created on first use and then stable (they survive restarts and backups).
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { DB } from './db/index.ts';
import { randomToken } from './ids.ts';

export function createInstallationSecrets(db: Kysely<DB>, clock: Clock) {
  const cache = new Map<string, Promise<string>>();
  async function load(name: string): Promise<string> {
    await db
      .insertInto('installation_secret')
      .values({ name, value: randomToken(32), created_at: clock.now().toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await db.selectFrom('installation_secret').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }
  return {
    get(name: string): Promise<string> {
      let value = cache.get(name);
      if (!value) {
        value = load(name);
        cache.set(name, value);
      }
      return value;
    },
  };
}

export type InstallationSecrets = ReturnType<typeof createInstallationSecrets>;
