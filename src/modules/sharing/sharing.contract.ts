// Shapes of the sharing API (groups, members, publication, imports, exports). Pure: the web imports it.
import { z } from 'zod';
import { CsvMappingSchema } from './csv/mapping.schema.ts';
import { Tlp } from './tlp.ts';

export const GroupParams = z.object({ groupId: z.string().min(1).max(64) });
export const MemberParams = GroupParams.extend({ memberId: z.string().min(1).max(64) });
export const BatchParams = z.object({ batchId: z.string().min(1).max(64) });

export const GroupInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  maxTlp: Tlp,
  includePersonal: z.boolean().default(false),
});
export const GroupChanges = GroupInput.partial();

export const MemberInput = z.object({
  organisation: z.string().trim().min(1).max(200),
  contact: z.string().max(500).default(''),
  canPublish: z.boolean().default(false),
});

export const MemberView = z.object({
  id: z.string(),
  organisation: z.string(),
  contact: z.string(),
  canPublish: z.boolean(),
  tokenHint: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const GroupView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  maxTlp: Tlp,
  includePersonal: z.boolean(),
  createdAt: z.string(),
  members: z.array(MemberView),
});
export const GroupList = z.object({ items: z.array(GroupView) });
export const MemberCreated = z.object({ memberId: z.string(), token: z.string() });

export const PublishInput = z.object({ caseId: z.string().min(1).max(64) });
export const PublishResult = z.object({ groupId: z.string(), objects: z.number().int(), new: z.number().int() });

export const ImportFormat = z.enum(['stix', 'misp', 'csv']);
/** Up to 50 MiB inline (larger bundles go through `koban import stix`, which streams). */
export const MAX_INLINE_IMPORT_BYTES = 50 * 1024 * 1024;
export const ImportInput = z.object({
  format: ImportFormat,
  /** The file's text: a STIX bundle or MISP JSON, or CSV. */
  data: z.string().min(1),
  fileName: z.string().max(255).default('upload'),
  tlp: Tlp.default('amber'),
  csvMapping: CsvMappingSchema.optional(),
});

export const Issue = z.object({ index: z.number().int().nullable(), id: z.string().nullable(), path: z.string(), code: z.string(), message: z.string() });
export const ImportResult = z.object({
  batchId: z.string(),
  status: z.enum(['done', 'failed']),
  total: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  problems: z.array(Issue),
});

export const BatchView = z.object({
  id: z.string(),
  kind: z.string(),
  source: z.string(),
  actorKind: z.string(),
  actorLabel: z.string(),
  defaultTlp: z.string(),
  status: z.string(),
  total: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  startedAt: z.string(),
  /** When its last chunk committed (the counts with it). */
  updatedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const BatchList = z.object({ items: z.array(BatchView) });
export const BatchDetail = BatchView.extend({ problems: z.array(Issue) });

export const ExportQuery = z.object({
  format: z.enum(['stix', 'csv', 'misp']).default('stix'),
  tlp: Tlp.optional(),
  groupId: z.string().max(64).optional(),
  /** With the threat catalogue (intrusion sets, malware families) as STIX objects. */
  catalogue: z.enum(['true', 'false']).optional(),
});

export const SharingEndpoints = z.object({ taxiiDiscoveryUrl: z.string(), taxiiApiRootUrl: z.string(), mispFeedBaseUrl: z.string() });
