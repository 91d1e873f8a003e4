import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from '../../db/migrations/index.ts';
import type { Database } from './database.ts';

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve<Record<string, Migration>>(migrations),
};

/** Applies every pending migration; returns the names applied. Throws with the failing name. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider, migrationTableName: 'koban_migration', migrationLockTableName: 'koban_migration_lock' });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) throw new Error(`migration failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
