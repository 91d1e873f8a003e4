import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createDatabase } from './db/index.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives defaults: embedded SQLite under data/, port 8080', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.sqlitePath, /data\/koban\.db$/);
    assert.ok(Object.isFrozen(config));
  });

  it('lists every bad variable, each by name, not just the first', () => {
    try {
      loadConfig({ KOBAN_PORT: '99999', KOBAN_LOG_LEVEL: 'loud', KOBAN_DATABASE_URL: 'mysql://db', KOBAN_TRUST_PROXY: 'maybe' });
      assert.fail('expected ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems.map((p) => p.variable).sort(), ['KOBAN_DATABASE_URL', 'KOBAN_LOG_LEVEL', 'KOBAN_PORT', 'KOBAN_TRUST_PROXY']);
    }
  });

  it('reads an optional JSON file, with the environment taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koban-config-'));
    const file = join(dir, 'koban.json');
    writeFileSync(file, JSON.stringify({ KOBAN_PORT: 9000, KOBAN_LOCALE: 'en' }));
    const config = loadConfig({ KOBAN_CONFIG_FILE: file, KOBAN_LOCALE: 'ja' });
    assert.equal(config.port, 9000);
    assert.equal(config.locale, 'ja');
    assert.throws(
      () => loadConfig({ KOBAN_CONFIG_FILE: join(dir, 'missing.json') }),
      (e: unknown) => e instanceof ConfigError && e.problems[0]?.variable === 'KOBAN_CONFIG_FILE',
    );
  });

  it('sizes the SQLite page cache from KOBAN_SQLITE_CACHE_MB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koban-config-'));
    const config = loadConfig({ KOBAN_DATA_DIR: dir, KOBAN_SQLITE_CACHE_MB: '32' });
    const database = createDatabase(config);
    try {
      assert.equal(database.sqlite?.pragma('cache_size', { simple: true }), -32 * 1024);
    } finally {
      await database.close();
    }
    assert.equal(loadConfig({}).sqliteCacheMb, 256);
  });
});
