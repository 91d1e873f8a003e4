import type { Kysely } from 'kysely';

// An import's counts are written with every chunk it commits, and the time of that write: a long
// file import shows its progress, and one whose process died stops showing as running.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_batch').addColumn('updated_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('updated_at').execute();
}
