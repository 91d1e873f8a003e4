import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Executor = Kysely<DB> | Transaction<DB>;

export type Database = {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The open better-sqlite3 handle, for online backup and bulk writes; undefined on PostgreSQL. */
  sqlite: SqliteDatabase.Database | undefined;
  close(): Promise<void>;
};

// COUNT and BIGINT come back as strings from pg unless told otherwise.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function openSqlite(path: string): Database {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: undefined, close: () => db.destroy() };
}

export function createDatabase(config: { databaseUrl: string | undefined; sqlitePath: string }): Database {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.sqlitePath);
}
