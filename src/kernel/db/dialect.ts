// The few places where SQLite and PostgreSQL differ live here and nowhere else.
import { sql } from 'kysely';
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
