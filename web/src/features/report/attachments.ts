// Files chosen for a report or an addition, checked against the limits the server announces
// (GET /api/public/report/form) before anything is sent: a 30 MB video should fail on the phone,
// not after a long upload.

export type UploadLimits = { attachmentMaxBytes: number; reportMaxBytes: number; attachmentMaxFiles: number };

/** What the picker offers: screenshots and photos, PDF, saved e-mails, text and log files. */
export const ATTACHMENT_ACCEPT = 'image/*,application/pdf,.pdf,.eml,message/rfc822,.msg,text/plain,.txt,.log,.csv';

export type AttachmentProblem = { kind: 'too_large'; name: string } | { kind: 'too_many' } | { kind: 'total_too_large' };

type SizedFile = { name: string; size: number };

export function attachmentProblems(files: readonly SizedFile[], limits: UploadLimits): AttachmentProblem[] {
  const problems: AttachmentProblem[] = files.filter((file) => file.size > limits.attachmentMaxBytes).map((file) => ({ kind: 'too_large', name: file.name }));
  if (files.length > limits.attachmentMaxFiles) problems.push({ kind: 'too_many' });
  if (totalBytes(files) > limits.reportMaxBytes) problems.push({ kind: 'total_too_large' });
  return problems;
}

export function totalBytes(files: readonly SizedFile[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

/** "5 MB", "820 kB", "12 byte" in the UI language (1 MB = 1,048,576 bytes, as the limits are set). */
export function formatBytes(language: 'ja' | 'en', bytes: number): string {
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  const [unit, divisor] = bytes >= 1024 * 1024 ? (['megabyte', 1024 * 1024] as const) : bytes >= 1024 ? (['kilobyte', 1024] as const) : (['byte', 1] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / divisor);
}

/** The list after adding `picked`, leaving out a file already in it (same name, size and date). */
export function withPickedFiles(current: readonly File[], picked: readonly File[]): File[] {
  const isSame = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
  return [...current, ...picked.filter((file) => !current.some((existing) => isSame(existing, file)))];
}
