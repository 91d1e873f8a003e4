// Builds a real Koban on a fresh database for each test file: a new SQLite file, or a new
// PostgreSQL database when KOBAN_TEST_DATABASE_URL is set. No mocks of our own code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createManualClock } from '#kernel/clock.ts';
import { loadConfig, type Config } from '#kernel/config.ts';
import { openPostgres, openSqlite, type Database } from '#kernel/db/index.ts';
import { createLogger } from '#kernel/logger.ts';
import { buildHttpApp, openKoban, type Koban } from '../../src/server.ts';

export type TestContext = {
  koban: Koban;
  app: FastifyInstance;
  clock: ReturnType<typeof createManualClock>;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
};

export function testDatabaseUrl(): string | undefined {
  return process.env.KOBAN_TEST_DATABASE_URL || undefined;
}

/** Creates an empty PostgreSQL database next to the one named by the URL and returns its URL. */
export async function createFreshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `koban_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // pg-pool's end() resolves before its sockets have closed; wait for them so that a forced
      // drop does not kill a connection that is still saying goodbye.
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      for (let i = 0; i < 50; i += 1) {
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(dataDir: string): Promise<{ database: Database; databaseUrl: string | undefined; drop(): Promise<void> }> {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) return { database: openSqlite(join(dataDir, 'koban.db')), databaseUrl: undefined, drop: () => Promise.resolve() };
  const fresh = await createFreshPostgresDatabase(adminUrl);
  return { database: openPostgres(fresh.url, 4), databaseUrl: fresh.url, drop: fresh.drop };
}

export async function makeTestContext(overrides: Record<string, string> = {}): Promise<TestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'koban-test-'));
  const { database, databaseUrl, drop } = await openTestDatabase(dataDir);
  const config = loadConfig(
    {},
    {
      KOBAN_DATA_DIR: dataDir,
      KOBAN_LOG_LEVEL: 'silent',
      KOBAN_RATE_LIMIT_PER_MINUTE: '100000',
      KOBAN_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      KOBAN_WEB_DIST: join(dataDir, 'no-web'),
      ...(databaseUrl ? { KOBAN_DATABASE_URL: databaseUrl } : {}),
      ...overrides,
    },
  );
  const clock = createManualClock(new Date('2026-11-25T01:00:00Z'));
  const koban = await openKoban(config, { clock, database, logger: createLogger(config) });
  const app = await buildHttpApp(koban);
  await app.ready();
  return {
    koban,
    app,
    clock,
    config,
    dataDir,
    async close() {
      await app.close();
      await koban.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
