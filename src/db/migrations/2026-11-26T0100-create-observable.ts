import { sql, type Kysely } from 'kysely';
import { addAutoIdColumn } from '../../kernel/db/dialect.ts';

// One row per distinct (type, canonical value); `host` and `registrable` serve the relations
// (URL → host → registrable domain, e-mail → domain, subdomains) through indexes, not a pair table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await addAutoIdColumn(db.schema.createTable('observable'), db)
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('host', 'text')
    .addColumn('registrable', 'text')
    .addColumn('warning', 'text')
    .addColumn('attributes', 'text')
    .addColumn('first_seen_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('observable_type_value_uq', ['type', 'value'])
    .execute();
  // Partial: only URLs, domains and e-mail addresses have a host, and the others need no index entry.
  await db.schema.createIndex('observable_host_idx').on('observable').column('host').where(sql.ref('host'), 'is not', null).execute();
  await db.schema.createIndex('observable_registrable_idx').on('observable').column('registrable').where(sql.ref('registrable'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('observable').execute();
}
