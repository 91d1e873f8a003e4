// Content-addressed store: each file lives once at <filesDir>/<aa>/<bb>/<sha256>, written through a
// temporary file in <filesDir>/tmp so that a stored file is always complete and durable.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, openSync, type Stats } from 'node:fs';
import { link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.ts';
import { fileErrors } from './files.errors.ts';
import { sniffType } from './sniff-type.ts';
import { writeTempFile, type StageSource, type TempContent } from './stage-temp.ts';

export type StagedFile = {
  sha256: string;
  size: number;
  /** MIME type judged from the first bytes; see sniffType. */
  sniffedType: string;
  /** The first (up to) 4096 bytes. */
  head: Buffer;
  /** Moves the file into the store durably; created is false when the same content was already there. */
  commit(): Promise<{ created: boolean }>;
  /** Removes the temporary file; a no-op after commit or a previous discard. */
  discard(): Promise<void>;
};

export type BlobStore = {
  /** Streams `source` into a temporary file; throws AppError file.too_large past maxBytes. Leaves no file behind on failure. */
  stage(source: StageSource, options: { maxBytes: number }): Promise<StagedFile>;
  has(sha256: string): Promise<boolean>;
  /** Throws AppError file.not_found for an unknown or malformed hash. */
  open(sha256: string): NodeJS.ReadableStream;
  /** Deletes a stored file (for example when the row naming it failed to commit); a no-op if absent. */
  remove(sha256: string): Promise<void>;
  /** Deletes temporary files last modified more than `olderThanMs` ago; returns how many. */
  sweepTemp(olderThanMs: number): Promise<number>;
  /**
   * Whether the stored file still hashes to its name. Re-hashes unless the file is unchanged
   * (same inode, size, mtime and ctime — any write moves ctime) since it was last hashed here;
   * `fresh` forces a re-hash.
   */
  verify(sha256: string, options?: { fresh?: boolean }): Promise<FileIntegrity>;
};

export type FileIntegrity = 'intact' | 'altered' | 'missing';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TEMP_DIR = 'tmp';
// Where hard links are unsupported, fall back to rename (which cannot tell a concurrent twin apart).
const NO_HARD_LINKS: ReadonlySet<unknown> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function statIfPresent(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await statIfPresent(path))?.isFile() ?? false;
}

/** Places the temporary file at `target` unless a file is already there; true when it placed it. */
async function placeOnce(tempPath: string, target: string): Promise<boolean> {
  try {
    // link, unlike rename, fails when the target exists: of two identical uploads committing at
    // once only one reports created, so only that one may remove the file if its row fails.
    await link(tempPath, target);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(errorCode(error))) throw error;
    if (await exists(target)) return false;
    await rename(tempPath, target);
    return true;
  }
  await rm(tempPath, { force: true });
  return true;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function createBlobStore(filesDir: string): BlobStore {
  const tempDir = join(filesDir, TEMP_DIR);
  const verified = new Map<string, { key: string; result: FileIntegrity }>();
  const pathOf = (sha256: string) => join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  async function commitTemp(tempPath: string, sha256: string): Promise<{ created: boolean }> {
    const target = pathOf(sha256);
    if (await exists(target)) {
      await rm(tempPath, { force: true });
      return { created: false };
    }
    await syncPath(tempPath);
    const firstNewDir = await mkdir(dirname(target), { recursive: true });
    const created = await placeOnce(tempPath, target);
    if (!created) await rm(tempPath, { force: true });
    // A new directory entry is durable only once its parent directory is synced too.
    const dirsToSync = firstNewDir ? [filesDir, dirname(dirname(target)), dirname(target)] : [dirname(target)];
    for (const dir of dirsToSync) await syncPath(dir);
    return { created };
  }

  function stagedFile(tempPath: string, content: TempContent): StagedFile {
    let state: 'staged' | 'committed' | 'discarded' = 'staged';
    return {
      ...content,
      sniffedType: sniffType(content.head),
      async commit() {
        if (state !== 'staged') throw new Error(`Cannot commit a staged file that was already ${state}`);
        const result = await commitTemp(tempPath, content.sha256);
        state = 'committed';
        return result;
      },
      async discard() {
        if (state !== 'staged') return;
        state = 'discarded';
        await rm(tempPath, { force: true });
      },
    };
  }

  return {
    async stage(source, { maxBytes }) {
      await mkdir(tempDir, { recursive: true });
      const tempPath = join(tempDir, randomBytes(16).toString('hex'));
      return stagedFile(tempPath, await writeTempFile(tempPath, source, maxBytes));
    },

    async has(sha256) {
      if (!SHA256_HEX.test(sha256)) return false;
      return exists(pathOf(sha256));
    },

    open(sha256) {
      if (!SHA256_HEX.test(sha256)) throw new AppError(fileErrors.not_found);
      let fd: number;
      try {
        // Opened here, not lazily by the stream, so that a missing file is reported to the caller.
        fd = openSync(pathOf(sha256), 'r');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') throw new AppError(fileErrors.not_found, {}, { cause: error });
        throw error;
      }
      return createReadStream(pathOf(sha256), { fd });
    },

    async remove(sha256) {
      if (!SHA256_HEX.test(sha256)) throw new AppError(fileErrors.not_found);
      await rm(pathOf(sha256), { force: true });
    },

    async verify(sha256, options = {}) {
      if (!SHA256_HEX.test(sha256)) return 'missing';
      const path = pathOf(sha256);
      const info = await statIfPresent(path);
      if (!info?.isFile()) {
        verified.delete(sha256);
        return 'missing';
      }
      const key = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      const known = verified.get(sha256);
      if (!options.fresh && known?.key === key) return known.result;
      const result: FileIntegrity = (await hashFile(path)) === sha256 ? 'intact' : 'altered';
      verified.set(sha256, { key, result });
      return result;
    },

    async sweepTemp(olderThanMs) {
      let names: string[];
      try {
        names = await readdir(tempDir);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return 0;
        throw error;
      }
      const cutoff = Date.now() - olderThanMs;
      let removed = 0;
      for (const name of names) {
        const path = join(tempDir, name);
        const info = await statIfPresent(path);
        if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
        await rm(path, { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}
