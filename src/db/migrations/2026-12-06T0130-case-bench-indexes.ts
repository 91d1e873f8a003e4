import type { Kysely } from 'kysely';

// Indexes for the case list and the statistics page at prefecture scale (bench/cases: 100,000 cases,
// 1,000,000 intake items). The list asks each visibility rule for its newest cases: by owner unit
// (with or without a status), and newest first over all cases with the same filters (status,
// category, both or none) for a unit that supports many cases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('case_record_owner_updated_idx').on('case_record').columns(['owner_unit_id', 'updated_at']).execute();
  await db.schema.createIndex('case_record_owner_status_updated_idx').on('case_record').columns(['owner_unit_id', 'status', 'updated_at']).execute();
  await db.schema.createIndex('case_record_updated_idx').on('case_record').column('updated_at').execute();
  await db.schema.createIndex('case_record_status_updated_idx').on('case_record').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('case_record_status_category_updated_idx').on('case_record').columns(['status', 'category', 'updated_at']).execute();
  await db.schema.createIndex('case_record_category_updated_idx').on('case_record').columns(['category', 'updated_at']).execute();
  // Statistics read only these columns over a range of months: from the index alone, not the rows.
  await db.schema.createIndex('case_record_stats_idx').on('case_record').columns(['created_at', 'category', 'status', 'owner_unit_id', 'damage_yen']).execute();
  await db.schema
    .createIndex('intake_item_stats_idx')
    .on('intake_item')
    .columns(['created_at', 'status', 'category', 'kind', 'priority', 'triaged_at', 'claimed_at', 'case_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('intake_item_stats_idx').execute();
  await db.schema.dropIndex('case_record_stats_idx').execute();
  await db.schema.dropIndex('case_record_category_updated_idx').execute();
  await db.schema.dropIndex('case_record_status_category_updated_idx').execute();
  await db.schema.dropIndex('case_record_status_updated_idx').execute();
  await db.schema.dropIndex('case_record_updated_idx').execute();
  await db.schema.dropIndex('case_record_owner_status_updated_idx').execute();
  await db.schema.dropIndex('case_record_owner_updated_idx').execute();
}
