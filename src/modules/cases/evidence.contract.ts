// Request and response schemas of evidence and its chain of custody (M1.4). Shared with the web UI.
import { z } from 'zod';

export const EVIDENCE_KINDS = ['file', 'physical'] as const;
export const EVIDENCE_STATUSES = ['held', 'in_analysis', 'returned', 'disposed'] as const;
export const CUSTODY_ACTIONS = [
  'collected',
  'handed_over',
  'moved',
  'accessed',
  'analysis_requested',
  'analysis_accepted',
  'analysis_declined',
  'analysis_result',
  'returned',
  'disposed',
  'integrity_failed',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
export const ANALYSIS_STATUSES = ['requested', 'accepted', 'done', 'declined'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];
/** `intact`: the stored file still hashes to the SHA-256 taken at intake; `not_applicable`: a physical item. */
export const INTEGRITY_STATES = ['intact', 'altered', 'missing', 'not_applicable'] as const;

export const EvidenceInput = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(10_000).default(''),
    collectedAt: z.iso.datetime().optional(),
    collectedFrom: z.string().trim().max(500).default(''),
    storageLocation: z.string().trim().max(500).default(''),
  })
  .strict();
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const HandoverInput = z
  .object({ toUserId: z.string().max(64), location: z.string().trim().max(500).default(''), note: z.string().trim().max(2000).default('') })
  .strict();
export const MoveInput = z.object({ location: z.string().trim().min(1).max(500), note: z.string().trim().max(2000).default('') }).strict();
export const ReleaseInput = z.object({ action: z.enum(['returned', 'disposed']), note: z.string().trim().min(1).max(2000) }).strict();
export const AnalysisRequestInput = z
  .object({
    question: z.string().trim().min(1).max(10_000),
    toUnitId: z.string().max(64).optional(),
    dueAt: z.iso.datetime().nullable().default(null),
  })
  .strict();
export const AnalysisResultInput = z.object({ result: z.string().trim().min(1).max(50_000) }).strict();
export const AnalysisDeclineInput = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export const AnalysisListQuery = z.object({ status: z.enum(['open', ...ANALYSIS_STATUSES]).default('open') });

export const EvidenceParams = z.object({ caseId: z.string().max(64), evidenceId: z.string().max(64) });
export const AnalysisParams = z.object({ requestId: z.string().max(64) });

export const CustodyEventView = z.object({
  seq: z.number().int(),
  action: z.enum(CUSTODY_ACTIONS),
  actorId: z.string().nullable(),
  fromHolderId: z.string().nullable(),
  toHolderId: z.string().nullable(),
  location: z.string(),
  note: z.string(),
  at: z.string(),
  hash: z.string(),
});
export const AnalysisRequestView = z.object({
  id: z.string(),
  evidenceId: z.string(),
  evidenceNo: z.string(),
  evidenceTitle: z.string(),
  /** False for a physical item: there is no file to download. */
  evidenceHasFile: z.boolean(),
  caseId: z.string(),
  toUnitId: z.string(),
  question: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(ANALYSIS_STATUSES),
  requestedBy: z.string().nullable(),
  assigneeId: z.string().nullable(),
  result: z.string(),
  resultFile: z.object({ name: z.string(), sha256: z.string(), size: z.number().int() }).nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export const AnalysisRequestList = z.object({ items: z.array(AnalysisRequestView) });

export const EvidenceSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  evidenceNo: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  status: z.enum(EVIDENCE_STATUSES),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  fileName: z.string().nullable(),
  holderId: z.string().nullable(),
  storageLocation: z.string(),
  collectedBy: z.string().nullable(),
  collectedAt: z.string(),
  integrity: z.enum(INTEGRITY_STATES),
  /** When a read first found the file no longer matching its SHA-256 (kept even if it is later restored). */
  integrityFailedAt: z.string().nullable(),
});
export const EvidenceList = z.object({ items: z.array(EvidenceSummary) });
export const EvidenceDetail = EvidenceSummary.extend({
  description: z.string(),
  collectedFrom: z.string(),
  contentType: z.string().nullable(),
  custody: z.array(CustodyEventView),
  /** Whether every custody event still hashes to the next one's link (nothing rewritten). */
  chainIntact: z.boolean(),
  analysisRequests: z.array(AnalysisRequestView),
});
export type EvidenceDetail = z.infer<typeof EvidenceDetail>;
