import type { Kysely } from 'kysely';

// When an item was first taken by an officer: the hand-off time the statistics report (M2.1b).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('intake_item').addColumn('claimed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('intake_item').dropColumn('claimed_at').execute();
}
