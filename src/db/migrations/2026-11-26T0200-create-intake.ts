import { sql, type Kysely } from 'kysely';

// Intake (M2.1a, M2.1b, M3.1): public reports and station consultations in one table, so one queue,
// one receipt sequence and one set of routing rules serve both. Attachments name content-addressed
// files (data/files); notes hold what the reporter adds later and what officers write.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_item')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('receipt_no', 'text', (col) => col.notNull().unique())
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('reporter_type', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('subcategory', 'text')
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('station_unit_id', 'text', (col) => col.references('unit.id'))
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('contact', 'text')
    .addColumn('consent_at', 'text')
    .addColumn('retention_until', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('priority', 'text', (col) => col.notNull())
    .addColumn('flags', 'text', (col) => col.notNull())
    .addColumn('assigned_unit_id', 'text', (col) => col.references('unit.id'))
    .addColumn('claimed_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('deadline_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('rule_version', 'integer')
    .addColumn('rule_ids', 'text')
    .addColumn('outcome', 'text')
    .addColumn('referred_agency', 'text')
    .addColumn('case_id', 'text')
    .addColumn('merged_into_id', 'text', (col) => col.references('intake_item.id'))
    .addColumn('follow_up_hash', 'text')
    .addColumn('idempotency_key', 'text', (col) => col.unique())
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('triaged_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('intake_item_queue_idx').on('intake_item').columns(['status', 'assigned_unit_id', 'deadline_at']).execute();
  await db.schema.createIndex('intake_item_created_idx').on('intake_item').column('created_at').execute();
  await db.schema.createIndex('intake_item_untriaged_idx').on('intake_item').column('created_at').where(sql.ref('triaged_at'), 'is', null).execute();

  await db.schema
    .createTable('intake_attachment')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('item_id', 'text', (col) => col.notNull().references('intake_item.id'))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('size', 'bigint', (col) => col.notNull())
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('claimed_type', 'text', (col) => col.notNull())
    .addColumn('sniffed_type', 'text', (col) => col.notNull())
    .addColumn('opaque', 'integer', (col) => col.notNull())
    .addColumn('added_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('intake_attachment_item_idx').on('intake_attachment').column('item_id').execute();
  await db.schema.createIndex('intake_attachment_sha_idx').on('intake_attachment').column('sha256').execute();

  await db.schema
    .createTable('intake_note')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('item_id', 'text', (col) => col.notNull().references('intake_item.id'))
    .addColumn('author_kind', 'text', (col) => col.notNull())
    .addColumn('author_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('intake_note_item_idx').on('intake_note').columns(['item_id', 'created_at']).execute();

  await db.schema
    .createTable('intake_link')
    .addColumn('item_id', 'text', (col) => col.notNull().references('intake_item.id'))
    .addColumn('linked_item_id', 'text', (col) => col.notNull().references('intake_item.id'))
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('intake_link_pk', ['item_id', 'linked_item_id'])
    .execute();

  await db.schema
    .createTable('receipt_sequence')
    .addColumn('scope', 'text', (col) => col.primaryKey())
    .addColumn('last_value', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('routing_rule_set')
    .addColumn('version', 'integer', (col) => col.primaryKey())
    .addColumn('rules', 'text', (col) => col.notNull())
    .addColumn('comment', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  // Cases: the minimal record the intake queue opens; the cases module grows it.
  await db.schema
    .createTable('case_record')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_no', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('owner_unit_id', 'text', (col) => col.notNull().references('unit.id'))
    .addColumn('category', 'text')
    .addColumn('opened_from_item_id', 'text', (col) => col.references('intake_item.id'))
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // Notifications: in-app entries and a mail outbox that is retried until delivered.
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('params', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute();
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('recipients', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_pending_idx').on('mail_outbox').column('next_attempt_at').where(sql.ref('sent_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'mail_outbox',
    'notification',
    'case_record',
    'routing_rule_set',
    'receipt_sequence',
    'intake_link',
    'intake_note',
    'intake_attachment',
    'intake_item',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
