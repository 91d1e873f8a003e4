import { sql, type Kysely } from 'kysely';

// The case workspace (M3.2a–d, M1.4): lead, members and supporting units decide who sees a case;
// a sensitive case only its named members. Status changes keep their history; `version` detects
// edits racing on the same case.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('case_record')
    .addColumn('priority', 'text', (col) => col.notNull().defaultTo('normal'))
    .execute();
  await db.schema.alterTable('case_record').addColumn('subcategory', 'text').execute();
  await db.schema
    .alterTable('case_record')
    .addColumn('lead_user_id', 'text', (col) => col.references('app_user.id'))
    .execute();
  await db.schema
    .alterTable('case_record')
    .addColumn('sensitive', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('case_record')
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('case_record').addColumn('victim', 'text').execute();
  await db.schema.alterTable('case_record').addColumn('damage_yen', 'bigint').execute();
  await db.schema
    .alterTable('case_record')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('case_record_owner_idx').on('case_record').columns(['owner_unit_id', 'status']).execute();

  await db.schema
    .createTable('case_status_change')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('changed_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('changed_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_status_change_case_idx').on('case_status_change').columns(['case_id', 'changed_at']).execute();

  await db.schema
    .createTable('case_member')
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('app_user.id'))
    .addColumn('added_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('added_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_member_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_member_user_idx').on('case_member').column('user_id').execute();

  await db.schema
    .createTable('case_support_unit')
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('unit_id', 'text', (col) => col.notNull().references('unit.id'))
    .addColumn('added_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('added_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_support_unit_pk', ['case_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('case_support_unit_unit_idx').on('case_support_unit').column('unit_id').execute();

  await db.schema
    .createTable('case_note')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('author_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_note_case_idx').on('case_note').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_task')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('assignee_id', 'text', (col) => col.references('app_user.id'))
    .addColumn('due_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_task_case_idx').on('case_task').column('case_id').execute();
  await db.schema.createIndex('case_task_open_idx').on('case_task').columns(['assignee_id', 'due_at']).where(sql.ref('done_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['case_task', 'case_note', 'case_support_unit', 'case_member', 'case_status_change']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('case_record_owner_idx').execute();
  for (const column of ['version', 'damage_yen', 'victim', 'description', 'sensitive', 'lead_user_id', 'subcategory', 'priority']) {
    await db.schema.alterTable('case_record').dropColumn(column).execute();
  }
}
