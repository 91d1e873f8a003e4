import type { Kysely } from 'kysely';
import { addAutoIdColumn } from '../../kernel/db/dialect.ts';

// Sharing (issue 6): TLP 2.0 markings on cases, reports and observables; sharing groups with their
// member organisations and tokens; the STIX object store that imports land in and TAXII serves
// from, with the provenance of every object; TAXII collections (one per group), status resources
// and the remote collections Koban polls.
export async function up(db: Kysely<unknown>): Promise<void> {
  // AMBER by default: a case or report stays inside the force and its partners unless someone
  // decides otherwise. An observable's own marking is null until someone sets one.
  await db.schema
    .alterTable('case_record')
    .addColumn('tlp', 'text', (col) => col.notNull().defaultTo('amber'))
    .execute();
  await db.schema
    .alterTable('intake_item')
    .addColumn('tlp', 'text', (col) => col.notNull().defaultTo('amber'))
    .execute();
  await db.schema.alterTable('observable').addColumn('tlp', 'text').execute();

  await db.schema
    .createTable('sharing_group')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('max_tlp', 'text', (col) => col.notNull())
    .addColumn('include_personal', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sharing_member')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('group_id', 'text', (col) => col.notNull().references('sharing_group.id'))
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('contact', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('token_hash', 'text', (col) => col.unique())
    .addColumn('token_hint', 'text')
    .addColumn('can_publish', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sharing_member_group_idx').on('sharing_member').column('group_id').execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('actor_kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (col) => col.notNull())
    .addColumn('default_tlp', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('imported', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('refused', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('problems', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('import_batch_started_idx').on('import_batch').column('started_at').execute();

  // Every version of every object Koban holds in STIX form, its own and imported ones. `version`
  // is `modified` (or `created`, or '' for SCOs, which have neither); `latest` marks the newest.
  await addAutoIdColumn(db.schema.createTable('stix_object'), db)
    .addColumn('stix_id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('latest', 'integer', (col) => col.notNull())
    .addColumn('tlp', 'text', (col) => col.notNull())
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('imported_by', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('stix_object_version_uq', ['stix_id', 'version'])
    .execute();
  // No other index: every one costs a bulk import (1,000,000 objects) a B-tree insert per object,
  // and exports read in storage order anyway.

  // A TAXII collection's entries: which object versions were added to which group, and when.
  await addAutoIdColumn(db.schema.createTable('collection_entry'), db)
    .addColumn('group_id', 'text', (col) => col.notNull().references('sharing_group.id'))
    .addColumn('stix_id', 'text', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('tlp', 'text', (col) => col.notNull())
    .addColumn('date_added', 'text', (col) => col.notNull())
    .addUniqueConstraint('collection_entry_uq', ['group_id', 'stix_id', 'version'])
    .execute();
  await db.schema.createIndex('collection_entry_added_idx').on('collection_entry').columns(['group_id', 'date_added']).execute();

  await db.schema
    .createTable('taxii_status')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('group_id', 'text', (col) => col.notNull().references('sharing_group.id'))
    .addColumn('member_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('request_timestamp', 'text', (col) => col.notNull())
    .addColumn('total_count', 'integer', (col) => col.notNull())
    .addColumn('success_count', 'integer', (col) => col.notNull())
    .addColumn('failure_count', 'integer', (col) => col.notNull())
    .addColumn('pending_count', 'integer', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('taxii_subscription')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('api_root_url', 'text', (col) => col.notNull())
    .addColumn('collection_id', 'text', (col) => col.notNull())
    .addColumn('auth_kind', 'text', (col) => col.notNull())
    .addColumn('username', 'text')
    .addColumn('secret', 'text')
    .addColumn('interval_seconds', 'integer', (col) => col.notNull())
    .addColumn('default_tlp', 'text', (col) => col.notNull())
    .addColumn('cursor', 'text')
    .addColumn('enabled', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('last_polled_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['taxii_subscription', 'taxii_status', 'collection_entry', 'stix_object', 'import_batch', 'sharing_member', 'sharing_group'])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('observable').dropColumn('tlp').execute();
  await db.schema.alterTable('intake_item').dropColumn('tlp').execute();
  await db.schema.alterTable('case_record').dropColumn('tlp').execute();
}
