import type { Kysely } from 'kysely';

// An international request still waiting past its deadline reminds its recorder and the case lead
// once; the time of that reminder is kept so it is sent only once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_international_request').addColumn('reminded_at', 'text').execute();
  await db.schema.createIndex('case_international_request_deadline_idx').on('case_international_request').columns(['status', 'deadline_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_international_request_deadline_idx').execute();
  await db.schema.alterTable('case_international_request').dropColumn('reminded_at').execute();
}
