// Long bulk writes on SQLite (a million-object import) checkpoint the WAL less often. SQLite
// checkpoints every 1,000 pages by default: each time it copies the WAL's pages into the database
// file and waits for both to reach the disk. A bulk write that commits 3 MB at a time paid that on
// nearly every commit; every 10,000 pages (about 40 MB), the sharing benchmark's million-object
// import went from 45-46k to 50-51k objects/s (interleaved runs). The usual interval comes back
// afterwards, and a last passive checkpoint leaves no large WAL behind.
import type { Database } from './database.ts';

const BULK_CHECKPOINT_PAGES = 10_000;

export async function withSparseCheckpoints<T>(database: Database, run: () => Promise<T>): Promise<T> {
  const sqlite = database.sqlite;
  if (!sqlite || sqlite.memory) return run();
  const previous = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(previous, BULK_CHECKPOINT_PAGES)}`);
  try {
    return await run();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${previous}`);
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  }
}
