import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../../kernel/db/dialect.ts';

// Evidence and its chain of custody (M1.4): every item keeps its SHA-256 from intake, and every
// hand-over, access and analysis is an event in an append-only, hash-chained custody log that the
// database itself refuses to update or delete. Analysis requests (解析依頼) go to a forensic unit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_item')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('evidence_no', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('sha256', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('collected_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('collected_at', 'text', (col) => col.notNull())
    .addColumn('collected_from', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('storage_location', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('holder_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('event_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_hash', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('integrity_failed_at', 'text')
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('evidence_item_case_idx').on('evidence_item').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('custody_event')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('evidence_id', 'text', (col) => col.notNull().references('evidence_item.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('from_holder_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('to_holder_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('location', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addUniqueConstraint('custody_event_seq_uq', ['evidence_id', 'seq'])
    .execute();

  await db.schema
    .createTable('analysis_request')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('evidence_id', 'text', (col) => col.notNull().references('evidence_item.id'))
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('to_unit_id', 'text', (col) => col.notNull().references('unit.id'))
    .addColumn('question', 'text', (col) => col.notNull())
    .addColumn('due_at', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('requested_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('assignee_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('result', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('result_sha256', 'text')
    .addColumn('result_file_name', 'text')
    .addColumn('result_size_bytes', 'bigint')
    .addColumn('answered_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('analysis_request_unit_idx').on('analysis_request').columns(['to_unit_id', 'status']).execute();
  await db.schema.createIndex('analysis_request_evidence_idx').on('analysis_request').column('evidence_id').execute();

  // The custody log is append-only in the database itself, not only in the code.
  if (isSqlite(db)) {
    await sql`create trigger custody_event_no_update before update on custody_event begin select raise(abort, 'custody_event is append-only'); end`.execute(db);
    await sql`create trigger custody_event_no_delete before delete on custody_event begin select raise(abort, 'custody_event is append-only'); end`.execute(db);
  } else {
    await sql`create function custody_event_append_only() returns trigger language plpgsql as $$ begin raise exception 'custody_event is append-only'; end $$`.execute(
      db,
    );
    await sql`create trigger custody_event_no_change before update or delete on custody_event for each row execute function custody_event_append_only()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) await sql`drop function if exists custody_event_append_only() cascade`.execute(db);
  await db.schema.dropTable('analysis_request').execute();
  await db.schema.dropTable('custody_event').execute();
  await db.schema.dropTable('evidence_item').execute();
}
