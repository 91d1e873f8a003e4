import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { AppError } from '../errors.ts';
import { createBlobStore, fileErrors } from './index.ts';

const root = mkdtempSync(join(tmpdir(), 'koban-files-'));
after(() => rmSync(root, { recursive: true, force: true }));

let storeCount = 0;
function makeStore() {
  storeCount += 1;
  const filesDir = join(root, `store-${storeCount}`);
  return { filesDir, store: createBlobStore(filesDir), tempNames: () => readdir(join(filesDir, 'tmp')) };
}

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function* chunksOf(content: Buffer, chunkBytes: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < content.length; offset += chunkBytes) {
    await nextTurn();
    yield content.subarray(offset, offset + chunkBytes);
  }
}

function isAppError(code: string) {
  return (error: unknown) => error instanceof AppError && error.code === code;
}

describe('blob store', () => {
  it('stores content once under its SHA-256 at <aa>/<bb>/<sha256>', async () => {
    const { filesDir, store, tempNames } = makeStore();
    const content = Buffer.from('2026-11-26 相談記録: 不審な SMS のスクリーンショットを受領。\n'.repeat(200));
    const staged = await store.stage(chunksOf(content, 1000), { maxBytes: 1_000_000 });
    const sha256 = sha256Of(content);
    assert.equal(staged.sha256, sha256);
    assert.equal(staged.size, content.length);
    assert.equal(staged.sniffedType, 'text/plain');
    assert.deepEqual(staged.head, content.subarray(0, 4096));

    assert.deepEqual(await staged.commit(), { created: true });
    assert.deepEqual(await readFile(join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256)), content);
    assert.deepEqual(await tempNames(), []);
    assert.equal(await store.has(sha256), true);
    assert.equal(await text(store.open(sha256)), content.toString('utf8'));

    const again = await store.stage(Readable.from([content]), { maxBytes: 1_000_000 });
    assert.deepEqual(await again.commit(), { created: false });
    assert.deepEqual(await tempNames(), []);
  });

  it('accepts a node stream and hashes an empty file correctly', async () => {
    const { store } = makeStore();
    const staged = await store.stage(Readable.from([]), { maxBytes: 10 });
    assert.equal(staged.sha256, sha256Of(Buffer.alloc(0)));
    assert.equal(staged.size, 0);
    await staged.discard();
  });

  it('stops reading past maxBytes, throws file.too_large and leaves no temporary file', async () => {
    const { store, tempNames } = makeStore();
    let chunksRead = 0;
    async function* endless() {
      for (;;) {
        chunksRead += 1;
        await nextTurn();
        yield Buffer.alloc(1024, 0x61);
      }
    }
    await assert.rejects(store.stage(endless(), { maxBytes: 4000 }), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, fileErrors.too_large);
      assert.deepEqual(error.details, { limit: 4000 });
      return true;
    });
    assert.equal(chunksRead, 4);
    assert.deepEqual(await tempNames(), []);

    const stream = Readable.from(chunksOf(Buffer.alloc(10_000), 1000));
    await assert.rejects(store.stage(stream, { maxBytes: 5000 }), isAppError(fileErrors.too_large));
    assert.equal(stream.destroyed, true);
    assert.deepEqual(await tempNames(), []);
  });

  it('leaves no temporary file when the source fails or is aborted half-way', async () => {
    const { store, tempNames } = makeStore();
    async function* failing() {
      yield Buffer.alloc(2048, 1);
      await nextTurn();
      throw new Error('connection reset by peer');
    }
    await assert.rejects(store.stage(failing(), { maxBytes: 1_000_000 }), /connection reset by peer/);
    assert.deepEqual(await tempNames(), []);

    const aborted = new Readable({ read() {} });
    aborted.push(Buffer.alloc(2048, 2));
    setTimeout(() => aborted.destroy(), 20);
    await assert.rejects(store.stage(aborted, { maxBytes: 1_000_000 }), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
    assert.deepEqual(await tempNames(), []);
  });

  it('discards a staged file, harmlessly twice, and not after commit', async () => {
    const { store, tempNames } = makeStore();
    const dropped = await store.stage(Readable.from([Buffer.from('to be dropped')]), { maxBytes: 100 });
    assert.equal((await tempNames()).length, 1);
    await dropped.discard();
    await dropped.discard();
    assert.deepEqual(await tempNames(), []);
    await assert.rejects(dropped.commit(), /already discarded/);

    const kept = await store.stage(Readable.from([Buffer.from('to be kept')]), { maxBytes: 100 });
    await kept.commit();
    await kept.discard();
    assert.equal(await store.has(kept.sha256), true);
  });

  it('refuses to open malformed or unknown hashes', async () => {
    const { store } = makeStore();
    for (const name of ['../x', '../../../../etc/passwd', 'A'.repeat(64), sha256Of(Buffer.from('never stored'))]) {
      assert.throws(() => store.open(name), isAppError(fileErrors.not_found), name);
      assert.equal(await store.has(name), false);
    }
    await assert.rejects(store.remove('../x'), isAppError(fileErrors.not_found));
  });

  it('removes a committed file, and removing it again is harmless', async () => {
    const { store } = makeStore();
    const staged = await store.stage(Readable.from([Buffer.from('orphan')]), { maxBytes: 100 });
    await staged.commit();
    await store.remove(staged.sha256);
    await store.remove(staged.sha256);
    assert.equal(await store.has(staged.sha256), false);
    assert.throws(() => store.open(staged.sha256), isAppError(fileErrors.not_found));
  });

  it('sweeps temporary files older than the given age and keeps fresh ones', async () => {
    const { filesDir, store, tempNames } = makeStore();
    assert.equal(await store.sweepTemp(60_000), 0);
    await mkdir(join(filesDir, 'tmp'), { recursive: true });
    const stale = join(filesDir, 'tmp', 'left-by-a-crash');
    await writeFile(stale, 'partial upload');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    const fresh = await store.stage(Readable.from([Buffer.from('still uploading')]), { maxBytes: 100 });

    assert.equal(await store.sweepTemp(60 * 60 * 1000), 1);
    assert.equal((await tempNames()).length, 1);
    assert.deepEqual(await fresh.commit(), { created: true });
  });

  it('verifies a stored file against its name: intact, altered after a write, missing after removal', async () => {
    const { filesDir, store } = makeStore();
    const content = Buffer.from('押収したログファイル 2026-12-01\n'.repeat(50));
    const staged = await store.stage(Readable.from([content]), { maxBytes: 1_000_000 });
    await staged.commit();
    const path = join(filesDir, staged.sha256.slice(0, 2), staged.sha256.slice(2, 4), staged.sha256);
    assert.equal(await store.verify(staged.sha256), 'intact');
    assert.equal(await store.verify(staged.sha256), 'intact');
    // Same size, different bytes: the cache must not hide it (the write moved ctime).
    await writeFile(path, Buffer.from(content.toString('utf8').replace('2026', '2025')));
    assert.equal(await store.verify(staged.sha256), 'altered');
    await writeFile(path, content);
    assert.equal(await store.verify(staged.sha256), 'intact');
    await store.remove(staged.sha256);
    assert.equal(await store.verify(staged.sha256), 'missing');
    assert.equal(await store.verify('not-a-hash'), 'missing');
  });
});
