// The text triage extracts observables from: the form's words and every readable attachment
// (.eml headers and body through mailparser, which handles ISO-2022-JP and Shift_JIS; plain text).
import { simpleParser } from 'mailparser';
import type { BlobStore } from '#kernel/files/index.ts';
import type { AttachmentRow, IntakeItemRow } from './intake.repository.ts';

const MAX_ATTACHMENT_TEXT = 2 * 1024 * 1024;

function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
}

async function readHead(blobs: BlobStore, sha256: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of blobs.open(sha256) as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

const MAIL_HEADERS = ['from', 'reply-to', 'return-path', 'sender', 'to', 'subject', 'received', 'x-originating-ip', 'message-id', 'authentication-results'];

export async function emailText(raw: Buffer): Promise<string> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const lines: string[] = [];
  for (const name of MAIL_HEADERS) {
    for (const line of parsed.headerLines.filter((h) => h.key === name)) lines.push(line.line);
  }
  lines.push(parsed.text ?? '');
  if (typeof parsed.html === 'string') lines.push(parsed.html.replace(/<[^>]*>/g, ' '));
  return lines.join('\n');
}

export async function itemText(item: IntakeItemRow, attachments: AttachmentRow[], blobs: BlobStore, extraTexts: string[] = []): Promise<string> {
  const parts: string[] = [item.summary, item.description];
  strings(JSON.parse(item.details), parts);
  parts.push(...extraTexts);
  for (const a of attachments) {
    if (a.opaque === 1) continue;
    if (a.sniffed_type === 'message/rfc822') parts.push(await emailText(await readHead(blobs, a.sha256, MAX_ATTACHMENT_TEXT)));
    else if (a.sniffed_type === 'text/plain') parts.push((await readHead(blobs, a.sha256, MAX_ATTACHMENT_TEXT)).toString('utf8'));
  }
  return parts.join('\n');
}
