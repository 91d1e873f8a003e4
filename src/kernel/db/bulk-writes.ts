// Long bulk writes on SQLite (a million-object import) checkpoint the WAL less often. SQLite
// checkpoints every 1,000 pages by default: each time it copies the WAL's pages into the database
// file and waits for both to reach the disk. A bulk write that commits 3 MB at a time paid that on
// nearly every commit; every 10,000 pages (about 40 MB), the sharing benchmark's million-object
// import went from 45-46k to 50-51k objects/s (interleaved runs). The usual interval comes back
// when the last bulk write on the connection ends, and a passive checkpoint leaves no large WAL.
import type SqliteDatabase from 'better-sqlite3';
import type { Database } from './database.ts';

const BULK_CHECKPOINT_PAGES = 10_000;

/** Bulk writes running on a connection, and the interval it had before the first of them. */
const running = new WeakMap<SqliteDatabase.Database, { count: number; previous: number }>();

export async function withSparseCheckpoints<T>(database: Database, run: () => Promise<T>): Promise<T> {
  const sqlite = database.sqlite;
  if (!sqlite || sqlite.memory) return run();
  const state = running.get(sqlite) ?? { count: 0, previous: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number };
  state.count += 1;
  running.set(sqlite, state);
  // 0 means automatic checkpoints are off: a bulk write does not turn them on.
  if (state.previous > 0) sqlite.pragma(`wal_autocheckpoint = ${Math.max(state.previous, BULK_CHECKPOINT_PAGES)}`);
  try {
    return await run();
  } finally {
    state.count -= 1;
    if (state.count === 0) {
      running.delete(sqlite);
      // A closed connection must not hide the bulk write's own outcome.
      if (sqlite.open) {
        sqlite.pragma(`wal_autocheckpoint = ${state.previous}`);
        sqlite.pragma('wal_checkpoint(PASSIVE)');
      }
    }
  }
}
