import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../../kernel/db/dialect.ts';

// Japanese full-text search over cases, reports and notes. SQLite: an FTS5 table with the trigram
// tokenizer (3+ character substrings; shorter words fall back to LIKE), keyed through search_key.
// PostgreSQL: one table with a pg_trgm GIN index serving ILIKE '%…%'.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await db.schema
      .createTable('search_key')
      .addColumn('id', 'integer', (col) => col.primaryKey())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('ref_id', 'text', (col) => col.notNull())
      .addUniqueConstraint('search_key_ref_uq', ['kind', 'ref_id'])
      .execute();
    await sql`create virtual table search_fts using fts5(title, body, tokenize = 'trigram')`.execute(db);
    return;
  }
  await sql`create extension if not exists pg_trgm`.execute(db);
  await db.schema
    .createTable('search_doc')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('ref_id', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('search_doc_pk', ['kind', 'ref_id'])
    .execute();
  await sql`create index search_doc_trgm_idx on search_doc using gin ((title || ' ' || body) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql`drop table search_fts`.execute(db);
    await db.schema.dropTable('search_key').execute();
    return;
  }
  await db.schema.dropTable('search_doc').execute();
}
