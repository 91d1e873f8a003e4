// Request and response schemas of the case workspace. Shared with the web UI.
import { z } from 'zod';

/** TLP 2.0 levels (FIRST), the marking of what is shared from a case; amber unless set. */
export const CASE_TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;

export const CASE_STATUSES = [
  'recognized',
  'investigating',
  'joint_investigation',
  'suspect_identified',
  'cleared',
  'sent_to_prosecutor',
  'pending',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** Which statuses a case may move to from each status (認知 → 捜査中 → … → 送致 → 終結). */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  recognized: ['investigating', 'pending', 'closed'],
  investigating: ['joint_investigation', 'suspect_identified', 'pending', 'closed'],
  joint_investigation: ['investigating', 'suspect_identified', 'pending', 'closed'],
  suspect_identified: ['cleared', 'investigating', 'pending'],
  cleared: ['sent_to_prosecutor', 'closed'],
  sent_to_prosecutor: ['closed'],
  pending: ['investigating', 'closed'],
  closed: ['investigating'],
};

export const Victim = z
  .object({
    kind: z.enum(['person', 'organisation']),
    name: z.string().trim().max(200).optional(),
    industry: z.string().max(60).optional(),
    orgSize: z.enum(['large', 'sme', 'organization']).optional(),
    recoveryState: z.string().trim().max(500).optional(),
    operationalConstraints: z.string().trim().max(2000).optional(),
  })
  .strict();

export const CreateCaseInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    category: z.string().max(60).optional(),
    subcategory: z.string().max(60).optional(),
    priority: z.enum(CASE_PRIORITIES).default('normal'),
    ownerUnitId: z.string().max(64).optional(),
    sensitive: z.boolean().default(false),
    description: z.string().max(50_000).default(''),
    victim: Victim.optional(),
    damageYen: z.number().int().min(0).max(1_000_000_000_000).optional(),
  })
  .strict();
export type CreateCaseInput = z.infer<typeof CreateCaseInput>;

export const UpdateCaseInput = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(200).optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    description: z.string().max(50_000).optional(),
    victim: Victim.nullable().optional(),
    damageYen: z.number().int().min(0).max(1_000_000_000_000).nullable().optional(),
    leadUserId: z.string().max(64).nullable().optional(),
    sensitive: z.boolean().optional(),
    /** TLP 2.0: how far what is shared from the case may travel (sharing, issue 6). */
    tlp: z.enum(CASE_TLP_LEVELS).optional(),
  })
  .strict();
export type UpdateCaseInput = z.infer<typeof UpdateCaseInput>;

export const TransitionInput = z.object({ version: z.number().int().min(1), to: z.enum(CASE_STATUSES), reason: z.string().trim().max(2000).default('') });
export const MemberInput = z.object({ userId: z.string().max(64) });
export const SupportUnitInput = z.object({ unitId: z.string().max(64) });
export const CaseNoteInput = z.object({ body: z.string().trim().min(1).max(50_000) });
export const CaseTaskInput = z.object({
  title: z.string().trim().min(1).max(200),
  assigneeId: z.string().max(64).nullable().default(null),
  dueAt: z.iso.datetime().nullable().default(null),
});
export const CaseIdParams = z.object({ caseId: z.string().max(64) });
/** A case id, or the sealed reference (`hidden:…`) given for a case the viewer may not open. */
export const CaseRefParams = z.object({ caseId: z.string().max(300) });
export const CaseTaskParams = CaseIdParams.extend({ taskId: z.string().max(64) });
export const CaseMemberParams = CaseIdParams.extend({ userId: z.string().max(64) });
export const CaseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  unitId: z.string().max(64).optional(),
  category: z.string().max(60).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CaseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  category: z.string().nullable(),
  subcategory: z.string().nullable(),
  ownerUnitId: z.string(),
  leadUserId: z.string().nullable(),
  sensitive: z.boolean(),
  tlp: z.enum(CASE_TLP_LEVELS),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CaseList = z.object({ items: z.array(CaseSummary) });
export const CaseDetail = CaseSummary.extend({
  version: z.number().int(),
  description: z.string(),
  victim: Victim.nullable(),
  damageYen: z.number().int().nullable(),
  openedFromItemId: z.string().nullable(),
  allowedTransitions: z.array(z.enum(CASE_STATUSES)),
  members: z.array(z.object({ userId: z.string(), addedAt: z.string() })),
  supportUnits: z.array(z.object({ unitId: z.string(), addedAt: z.string() })),
  statusHistory: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), reason: z.string(), changedBy: z.string().nullable(), changedAt: z.string() }),
  ),
  notes: z.array(z.object({ id: z.string(), body: z.string(), authorId: z.string().nullable(), createdAt: z.string() })),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      assigneeId: z.string().nullable(),
      dueAt: z.string().nullable(),
      doneAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseObservablesInput = z.object({ text: z.string().min(1).max(5_000_000) });
export const CaseObservables = z.object({
  observables: z.array(z.object({ observableId: z.number().int(), type: z.string(), value: z.string(), warning: z.string().nullable() })),
  /** Other cases and reports sharing values. A case the viewer may not open shows only its owner unit, to ask for access. */
  hits: z.array(
    z.object({
      sourceType: z.string(),
      sourceId: z.string().nullable(),
      label: z.string().nullable(),
      ownerUnitId: z.string().nullable(),
      shared: z.number().int(),
      mayOpen: z.boolean(),
    }),
  ),
});
export const AccessRequestInput = z.object({ reason: z.string().trim().min(1).max(2000) });
export const AccessRequestView = z.object({
  id: z.string(),
  caseId: z.string(),
  requesterId: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'granted', 'refused']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const AccessRequestList = z.object({ items: z.array(AccessRequestView) });
export const AccessDecisionInput = z.object({ decision: z.enum(['grant', 'refuse']) });
export const AccessRequestParams = CaseIdParams.extend({ requestId: z.string().max(64) });
