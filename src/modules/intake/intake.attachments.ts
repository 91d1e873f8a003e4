// Attachments: staged files are committed to the content-addressed store (fsynced) before the row
// that names them commits; if that transaction fails, files it alone introduced are removed again.
import type { Executor } from '#kernel/db/index.ts';
import { isClaimedTypeConsistent, type BlobStore, type StagedFile } from '#kernel/files/index.ts';
import { newId } from '#kernel/ids.ts';
import { isFileReferenced } from './intake.repository.ts';

export type IncomingFile = { staged: StagedFile; filename: string; claimedType: string };

/** Types a reporter may send that are kept as what they claim to be; anything else is kept opaque. */
const ACCEPTED = /^(image\/(png|jpeg|gif|webp|heic)|application\/pdf|message\/rfc822|text\/plain)$/;

export function cleanFilename(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a filename must not keep
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .trim();
  return (base || 'file').slice(0, 200);
}

export async function commitFiles(files: IncomingFile[]): Promise<StagedFile[]> {
  const created: StagedFile[] = [];
  for (const file of files) if ((await file.staged.commit()).created) created.push(file.staged);
  return created;
}

export async function rollBackFiles(db: Executor, blobs: BlobStore, created: StagedFile[]): Promise<void> {
  for (const file of created) if (!(await isFileReferenced(db, file.sha256))) await blobs.remove(file.sha256);
}

export async function discardAll(files: IncomingFile[]): Promise<void> {
  await Promise.all(files.map((f) => f.staged.discard()));
}

export function attachmentRows(itemId: string, files: IncomingFile[], addedBy: string, at: string) {
  return files.map((f) => {
    const opaque = !isClaimedTypeConsistent(f.claimedType, f.staged.sniffedType) || !ACCEPTED.test(f.staged.sniffedType);
    return {
      id: newId(),
      item_id: itemId,
      sha256: f.staged.sha256,
      size: f.staged.size,
      filename: cleanFilename(f.filename),
      claimed_type: f.claimedType.slice(0, 100),
      sniffed_type: f.staged.sniffedType,
      opaque: opaque ? 1 : 0,
      added_by: addedBy,
      created_at: at,
    };
  });
}
