// Reads a multipart submission: JSON and text fields, and files streamed straight into the blob
// store's staging area under per-file and per-report limits. On any failure every staged file is
// discarded, so a cut-off upload leaves nothing behind.
import type { FastifyRequest } from 'fastify';
import { AppError } from '#kernel/errors.ts';
import { fileErrors, type BlobStore } from '#kernel/files/index.ts';
import { discardAll, type IncomingFile } from './intake.attachments.ts';
import { intakeErrors } from './intake.errors.ts';

export type UploadLimits = { attachmentMaxBytes: number; reportMaxBytes: number; attachmentMaxFiles: number };
export type Submission = { fields: Record<string, string>; files: IncomingFile[] };

export async function readSubmission(request: FastifyRequest, blobs: BlobStore, limits: UploadLimits): Promise<Submission> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
    return { fields, files: [] };
  }
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (files.length >= limits.attachmentMaxFiles) throw new AppError(intakeErrors.too_many_files, { limit: limits.attachmentMaxFiles });
      const remaining = limits.reportMaxBytes - total;
      const perFile = Math.min(limits.attachmentMaxBytes, remaining);
      let staged;
      try {
        staged = await blobs.stage(part.file, { maxBytes: perFile });
      } catch (error) {
        if (error instanceof AppError && error.code === fileErrors.too_large && perFile < limits.attachmentMaxBytes) {
          throw new AppError(intakeErrors.report_too_large, { limit: limits.reportMaxBytes });
        }
        throw error;
      }
      // busboy stops at its own fileSize limit and marks the stream truncated rather than failing.
      if ((part.file as { truncated?: boolean }).truncated) {
        await staged.discard();
        throw new AppError(fileErrors.too_large, { limit: limits.attachmentMaxBytes });
      }
      if (staged.size === 0 && !part.filename) {
        await staged.discard();
        continue;
      }
      total += staged.size;
      files.push({ staged, filename: part.filename || 'file', claimedType: part.mimetype || 'application/octet-stream' });
    }
  } catch (error) {
    await discardAll(files);
    // busboy refuses the file past the limit before the loop sees it.
    if ((error as { code?: unknown }).code === 'FST_FILES_LIMIT') throw new AppError(intakeErrors.too_many_files, { limit: limits.attachmentMaxFiles });
    throw error;
  }
  return { fields, files };
}

export function jsonField(fields: Record<string, string>, name: string): unknown {
  const text = fields[name];
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(intakeErrors.form_invalid, { field: name });
  }
}
