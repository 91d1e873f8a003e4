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

export function openSqlite(path: string, options: { cacheMb?: number } = {}): Database {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The page cache grows only as pages are used. 256 MiB by default keeps the sighting and observable
  // indexes of ~10 M sightings in memory, where 64 MiB cut ingest by more than half (bench/correlate).
  sqlite.pragma(`cache_size = -${Math.round((options.cacheMb ?? 256) * 1024)}`);
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every statement anew; preparing costs about as much as running a small query,
 * so reuse prepared statements by SQL text (measured in bench/http: see bench/README.md).
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = sqlite.prepare(sqlText);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: undefined, close: () => db.destroy() };
}

export function createDatabase(config: { databaseUrl: string | undefined; sqlitePath: string; sqliteCacheMb?: number }): Database {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openSqlite(config.sqlitePath, config.sqliteCacheMb === undefined ? {} : { cacheMb: config.sqliteCacheMb });
}
