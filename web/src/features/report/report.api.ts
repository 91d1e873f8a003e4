// The public portal's API (src/modules/intake/intake.public-routes.ts): no session, so nothing
// here depends on one. A submission first asks for a proof-of-work challenge and solves it when
// the server is under load; retries reuse the form's Idempotency-Key, so they make one report.
import { z } from 'zod';
import { PowChallenge, PublicReceipt, PublicStatus, type PublicReportInput } from '../../../../src/modules/intake/intake.contract.ts';
import { ApiError, api } from '../../app/api.ts';
import { solveProofOfWork } from './proofOfWork.ts';

/** GET /api/public/report/form. The route declares this shape inline; the contract has no schema for it. */
export const ReportFormConfig = z.object({
  stations: z.array(z.object({ id: z.string(), nameJa: z.string(), nameEn: z.string() })),
  limits: z.object({ attachmentMaxBytes: z.number(), reportMaxBytes: z.number(), attachmentMaxFiles: z.number() }),
});
export type ReportFormConfig = z.infer<typeof ReportFormConfig>;
export type Receipt = z.infer<typeof PublicReceipt>;
export type ReportStatus = z.infer<typeof PublicStatus>;
export type PublicStage = ReportStatus['stage'];
/** What opens a report's status: kept in page memory only, never in the URL or storage. */
export type StatusLookup = { receiptNo: string; secret: string };

const POW_REQUIRED = 'intake.proof_of_work_required';

/** 24 random bytes as base64url: 32 characters, within the server's [A-Za-z0-9_-]{16,128}. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function formWith(fields: Readonly<Record<string, string>>, files: readonly File[]): FormData {
  const form = new FormData();
  // Fields first: the server reads the parts in order.
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('attachments', file, file.name);
  return form;
}

async function proofOfWork(force: boolean, signal: AbortSignal | undefined, onSolving: () => void): Promise<{ powChallenge?: string; powNonce?: string }> {
  const challenge = await api.get('/api/public/report/challenge', PowChallenge);
  if (!challenge.required && !force) return {};
  onSolving();
  return { powChallenge: challenge.challenge, powNonce: await solveProofOfWork(challenge.challenge, challenge.difficultyBits, signal) };
}

export type SubmitOptions = { idempotencyKey: string; signal?: AbortSignal; onSolving: () => void };

export const publicReportApi = {
  form: () => api.get('/api/public/report/form', ReportFormConfig),

  async submit(body: PublicReportInput, files: readonly File[], { idempotencyKey, signal, onSolving }: SubmitOptions): Promise<Receipt> {
    const send = async (force: boolean) => {
      const pow = await proofOfWork(force, signal, onSolving);
      const form = formWith({ report: JSON.stringify({ ...body, ...pow }) }, files);
      return api.postForm('/api/public/reports', form, PublicReceipt, { 'idempotency-key': idempotencyKey });
    };
    try {
      return await send(false);
    } catch (error) {
      // Load rose between the challenge and the submission: solve a fresh challenge once.
      if (error instanceof ApiError && error.code === POW_REQUIRED) return send(true);
      throw error;
    }
  },

  status: (receiptNo: string, secret: string) => api.post('/api/public/reports/status', { receiptNo, secret }, PublicStatus),

  addInformation: (receiptNo: string, secret: string, text: string, files: readonly File[]) =>
    api.postForm('/api/public/reports/additions', formWith({ receiptNo, secret, text }, files), PublicStatus),
};
