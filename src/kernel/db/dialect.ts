// The few places where SQLite and PostgreSQL differ live here and nowhere else.
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { DialectName, Executor } from './database.ts';

/**
 * Serialises writers of a hash chain inside a transaction. SQLite already runs one write
 * transaction at a time; PostgreSQL needs a transaction-scoped advisory lock.
 */
export async function lockForChainAppend(trx: Executor, dialect: DialectName, lockKey: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

type TableBuilder = ReturnType<Kysely<unknown>['schema']['createTable']>;

/** For migrations, which see only a Kysely instance. */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** An integer primary key the database numbers itself: SQLite's rowid alias, PostgreSQL's identity. */
export function addAutoIdColumn(table: TableBuilder, db: Kysely<unknown>): TableBuilder {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return isSqlite
    ? table.addColumn('id', 'integer', (col) => col.primaryKey())
    : table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity());
}
