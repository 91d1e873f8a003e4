import type { Kysely } from 'kysely';

// Correlation reads, for each shared observable, which sources sighted it. Indexing
// (observable_id, source_type, source_id) answers that from the index alone, and lets triage ask
// only for cases; the single-column index it replaces made every such read visit the table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sighting_observable_idx').execute();
  await db.schema.createIndex('sighting_observable_source_idx').on('sighting').columns(['observable_id', 'source_type', 'source_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sighting_observable_source_idx').execute();
  await db.schema.createIndex('sighting_observable_idx').on('sighting').column('observable_id').execute();
}
