import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { withSparseCheckpoints } from './bulk-writes.ts';
import { openSqlite } from './database.ts';

const dir = mkdtempSync(join(tmpdir(), 'koban-bulk-writes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('sparse checkpoints during bulk writes', () => {
  it('checkpoints every 10,000 pages while the write runs, then as before, leaving a small WAL', async () => {
    const database = openSqlite(join(dir, 'bulk.db'));
    const sqlite = database.sqlite;
    assert.ok(sqlite);
    try {
      const interval = () => sqlite.pragma('wal_autocheckpoint', { simple: true });
      assert.equal(interval(), 1000);
      sqlite.exec('create table t (x text)');
      const insert = sqlite.prepare('insert into t values (?)');
      const seen = await withSparseCheckpoints(database, () => {
        // About 2,000 pages: with the usual interval SQLite would have checkpointed on the way.
        sqlite.transaction(() => {
          for (let i = 0; i < 2000; i++) insert.run('x'.repeat(3000));
        })();
        return Promise.resolve(interval());
      });
      assert.equal(seen, 10_000);
      assert.equal(interval(), 1000);
      assert.ok(statSync(join(dir, 'bulk.db')).size > 2000 * 3000, 'the rows reached the database file');
      const frames = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      assert.equal(frames[0]?.log, frames[0]?.checkpointed, 'nothing left to copy back');
      await assert.rejects(
        withSparseCheckpoints(database, () => Promise.reject(new Error('stop'))),
        /stop/,
      );
      assert.equal(interval(), 1000, 'set back after a failure too');

      // Two bulk writes at once on one connection: the usual interval comes back after the last.
      let release: () => void = () => undefined;
      const first = withSparseCheckpoints(database, () => new Promise<void>((resolve) => (release = resolve)));
      await withSparseCheckpoints(database, () => Promise.resolve());
      assert.equal(interval(), 10_000, 'the first is still running');
      release();
      await first;
      assert.equal(interval(), 1000);

      sqlite.pragma('wal_autocheckpoint = 0');
      assert.equal(await withSparseCheckpoints(database, () => Promise.resolve(interval())), 0, 'checkpoints left off when they were off');
      sqlite.pragma('wal_autocheckpoint = 1000');
    } finally {
      await database.close();
    }
  });
});
