// The sharing API's shapes, from the server's contract (pure: zod only), plus what the forms send.
import type { z } from 'zod';
import { ImportFormat as ImportFormatSchema, type GroupInput, type ImportInput, type MemberInput } from '../../../../src/modules/sharing/sharing.contract.ts';

export {
  BatchDetail,
  BatchList,
  BatchView,
  GroupList,
  GroupView,
  ImportResult,
  Issue,
  MAX_INLINE_IMPORT_BYTES,
  MemberCreated,
  MemberView,
  PublishResult,
  SharingEndpoints,
} from '../../../../src/modules/sharing/sharing.contract.ts';

export const IMPORT_FORMATS = ImportFormatSchema.options;
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** What the forms send (GroupInput, MemberInput, ImportInput without a CSV mapping). */
export type GroupDraft = z.infer<typeof GroupInput>;
export type MemberDraft = z.infer<typeof MemberInput>;
export type ImportDraft = Omit<z.infer<typeof ImportInput>, 'csvMapping'>;
