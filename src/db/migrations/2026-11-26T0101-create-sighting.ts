import type { Kysely } from 'kysely';
import { addAutoIdColumn } from '../../kernel/db/dialect.ts';

// One row per place an observable was seen. Correlation is a self-join on observable_id, so storage
// grows with sightings, never with their square. owner_unit_id and restricted let correlation tell
// a viewer that a source they may not open matches, and which unit owns it, and nothing more.
export async function up(db: Kysely<unknown>): Promise<void> {
  await addAutoIdColumn(db.schema.createTable('sighting'), db)
    .addColumn('observable_id', 'bigint', (col) => col.notNull().references('observable.id').onDelete('cascade'))
    .addColumn('source_type', 'text', (col) => col.notNull())
    .addColumn('source_id', 'text', (col) => col.notNull())
    .addColumn('owner_unit_id', 'text')
    .addColumn('restricted', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('seen_at', 'text', (col) => col.notNull())
    .addColumn('offset_start', 'integer')
    .addColumn('offset_end', 'integer')
    .execute();
  await db.schema.createIndex('sighting_observable_idx').on('sighting').column('observable_id').execute();
  await db.schema.createIndex('sighting_source_idx').on('sighting').columns(['source_type', 'source_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sighting').execute();
}
