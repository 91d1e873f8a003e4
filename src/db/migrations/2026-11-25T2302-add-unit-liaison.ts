import type { Kysely } from 'kysely';

// 連携担当者 (M1.1): each unit names the person who works with the cybersecurity general manager.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('unit')
    .addColumn('liaison_user_id', 'text', (col) => col.references('app_user.id').onDelete('set null'))
    .execute();
  await db.schema
    .createTable('org_post')
    .addColumn('post', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('app_user.id'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('org_post').execute();
  await db.schema.alterTable('unit').dropColumn('liaison_user_id').execute();
}
