// Streams an upload into a temporary file, hashing and measuring as it goes, so that nothing is
// held in memory and nothing half-written is ever left behind.
import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../errors.ts';
import { fileErrors } from './files.errors.ts';

export const HEAD_BYTES = 4096;

export type StageSource = AsyncIterable<Buffer | Uint8Array> | NodeJS.ReadableStream;
export type TempContent = { sha256: string; size: number; head: Buffer };

function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) offset += (await handle.write(bytes, offset)).bytesWritten;
}

async function copyInto(handle: FileHandle, source: StageSource, maxBytes: number): Promise<TempContent> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  // Leaving the loop by throwing calls the iterator's return(), which destroys a stream source.
  for await (const chunk of source) {
    const bytes = toBuffer(chunk);
    if (size + bytes.length > maxBytes) throw new AppError(fileErrors.too_large, { limit: maxBytes });
    size += bytes.length;
    hash.update(bytes);
    if (headLength < HEAD_BYTES) {
      const part = Buffer.from(bytes.subarray(0, HEAD_BYTES - headLength));
      head.push(part);
      headLength += part.length;
    }
    await writeAll(handle, bytes);
  }
  return { sha256: hash.digest('hex'), size, head: Buffer.concat(head) };
}

/**
 * Writes `source` to a new file at `tempPath` (created here, mode 0600). Throws AppError file.too_large
 * past `maxBytes`, or the source's own error; the temporary file is removed in either case.
 */
export async function writeTempFile(tempPath: string, source: StageSource, maxBytes: number): Promise<TempContent> {
  const handle = await open(tempPath, 'wx', 0o600);
  try {
    const content = await copyInto(handle, source, maxBytes);
    await handle.close();
    return content;
  } catch (error) {
    // The source's error is the one to report; a failed close or unlink here must not replace it
    // (sweepTemp removes whatever a failed unlink leaves).
    await Promise.allSettled([handle.close()]);
    await Promise.allSettled([rm(tempPath, { force: true })]);
    throw error;
  }
}
