import { z } from 'zod';

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
export const AuditPage = z.object({ items: z.array(AuditEntryView), nextBeforeSeq: z.number().int().nullable() });
export const AuditQuery = z.object({
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditVerdictView = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  seq: z.number().int().nullable(),
  problem: z.enum(['altered', 'inserted', 'removed']).nullable(),
  message: z.string(),
});
