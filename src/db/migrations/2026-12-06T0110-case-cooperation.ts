import type { Kysely } from 'kysely';

// Working across units (M1.1, M3.2c/d, M4): support requests to the cyber division, joint
// investigations and NCU referrals, international requests, and one append-only history of them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_support_request')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('requester_unit_id', 'text', (col) => col.references('unit.id'))
    .addColumn('target_unit_id', 'text', (col) => col.notNull().references('unit.id'))
    .addColumn('requested_by', 'text', (col) => col.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('request_text', 'text', (col) => col.notNull())
    .addColumn('deadline_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('answered_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('answered_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_support_request_case_idx').on('case_support_request').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('case_support_request_target_idx').on('case_support_request').columns(['target_unit_id', 'status', 'deadline_at']).execute();

  await db.schema
    .createTable('case_external_cooperation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('counterpart', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('shared_observables', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_external_cooperation_case_idx').on('case_external_cooperation').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_international_request')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('direction', 'text', (col) => col.notNull())
    .addColumn('country_code', 'text', (col) => col.notNull())
    .addColumn('agency', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('request_text', 'text', (col) => col.notNull())
    .addColumn('deadline_at', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('our_reference', 'text', (col) => col.notNull())
    .addColumn('their_reference', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_international_request_case_idx').on('case_international_request').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_cooperation_event')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('record_type', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_cooperation_event_record_idx').on('case_cooperation_event').columns(['record_id', 'at']).execute();
  await db.schema.createIndex('case_cooperation_event_case_idx').on('case_cooperation_event').columns(['case_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_cooperation_event').execute();
  await db.schema.dropTable('case_international_request').execute();
  await db.schema.dropTable('case_external_cooperation').execute();
  await db.schema.dropTable('case_support_request').execute();
}
