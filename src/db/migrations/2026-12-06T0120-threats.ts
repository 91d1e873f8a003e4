import { sql, type Kysely } from 'kysely';
import { SEED_THREATS } from './2026-12-06T0120-threats.catalogue.ts';

// The threat catalogue (M2.2a): attack groups, ransomware families and malware with their
// aliases; cases attributed to them with a confidence; each case's ransomware profile in NPA's
// survey items. Seeded with the groups that matter for Japan, deterministically (no network).
const SEEDED_AT = '2026-12-06T01:20:00.000Z';

/** Frozen copy of the threats module's alias key (NFKC, lower case, letters and digits only). */
function aliasKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('threat')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_key', 'text', (col) => col.notNull().unique())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('origin', 'text')
    .addColumn('sponsor', 'text')
    .addColumn('state_sponsored', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('mitre_id', 'text')
    .addColumn('external_refs', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('threat_kind_idx').on('threat').columns(['kind', 'name']).execute();

  await db.schema
    .createTable('threat_alias')
    .addColumn('threat_id', 'text', (col) => col.notNull().references('threat.id'))
    .addColumn('alias', 'text', (col) => col.notNull())
    .addColumn('alias_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('threat_alias_pk', ['threat_id', 'alias_key'])
    .execute();
  // The same alias may name several entries (vendors' names overlap); lookups go by key.
  await db.schema.createIndex('threat_alias_key_idx').on('threat_alias').column('alias_key').execute();

  await db.schema
    .createTable('case_attribution')
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_record.id'))
    .addColumn('threat_id', 'text', (col) => col.notNull().references('threat.id'))
    .addColumn('confidence', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_attribution_pk', ['case_id', 'threat_id'])
    .execute();
  await db.schema.createIndex('case_attribution_threat_idx').on('case_attribution').column('threat_id').execute();

  await db.schema
    .createTable('case_ransomware')
    .addColumn('case_id', 'text', (col) => col.primaryKey().references('case_record.id'))
    .addColumn('infection_route', 'text')
    .addColumn('encrypted', 'integer')
    .addColumn('double_extortion', 'integer')
    .addColumn('data_leaked', 'integer')
    .addColumn('ransom_demanded', 'integer')
    .addColumn('ransom_amount_yen', 'bigint')
    .addColumn('backup_state', 'text')
    .addColumn('recovery_period', 'text')
    .addColumn('recovery_cost', 'text')
    .addColumn('updated_by', 'text', (col) => col.references('app_user.id'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await seedCatalogue(db);
}

async function seedCatalogue(db: Kysely<unknown>): Promise<void> {
  for (const entry of SEED_THREATS) {
    await sql`
      insert into threat (id, kind, name, name_key, description, origin, sponsor, state_sponsored, first_seen, last_seen, mitre_id,
                          external_refs, version, created_by, created_at, updated_at)
      values (${entry.id}, ${entry.kind}, ${entry.name}, ${aliasKey(entry.name)}, ${entry.description}, ${entry.origin}, ${entry.sponsor},
              ${entry.stateSponsored ? 1 : 0}, ${entry.firstSeen}, ${entry.lastSeen}, ${entry.mitreId}, ${'[]'}, ${1}, ${null},
              ${SEEDED_AT}, ${SEEDED_AT})`.execute(db);
    const aliases = new Map(entry.aliases.map((alias) => [aliasKey(alias), alias]));
    aliases.delete(aliasKey(entry.name));
    for (const [key, alias] of aliases) {
      await sql`insert into threat_alias (threat_id, alias, alias_key, created_at) values (${entry.id}, ${alias}, ${key}, ${SEEDED_AT})`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_ransomware').execute();
  await db.schema.dropTable('case_attribution').execute();
  await db.schema.dropTable('threat_alias').execute();
  await db.schema.dropTable('threat').execute();
}
