import type { Kysely } from 'kysely';

// Secrets generated once per installation (e.g. the key of the card-number hash), kept in the database
// so that a backup restores them with the data they protect.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('installation_secret')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('installation_secret').execute();
}
