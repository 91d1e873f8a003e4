import type { Kysely } from 'kysely';

// Need-to-know with a way in: someone who sees that another unit's case shares a value asks its
// lead for access; the lead grants (they become a named member) or refuses, and both are recorded.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_access_request')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('requester_id', 'text', (col) => col.notNull().references('app_user.id'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_access_request_case_idx').on('case_access_request').columns(['case_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_access_request').execute();
}
