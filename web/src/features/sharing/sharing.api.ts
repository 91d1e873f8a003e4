import type { z } from 'zod';
import {
  PollResultView,
  SubscriptionList,
  SubscriptionView,
  type SubscriptionChanges,
  type SubscriptionInput,
} from '../../../../src/modules/sharing/taxii/taxii-subscriptions.contract.ts';
import type { Tlp } from '../../../../src/modules/sharing/tlp.ts';
import { api } from '../../app/api.ts';
import {
  BatchDetail,
  BatchList,
  GroupList,
  GroupView,
  MemberCreated,
  PublishResult,
  ImportResult,
  SharingEndpoints,
  type GroupDraft,
  type ImportDraft,
  type ImportFormat,
  type MemberDraft,
} from './sharing.schemas.ts';

export type SharingGroup = z.infer<typeof GroupView>;
export type SharingMember = SharingGroup['members'][number];
export type ImportSummary = z.infer<typeof ImportResult>;
export type ImportProblem = ImportSummary['problems'][number];
export type ImportBatch = z.infer<typeof BatchList>['items'][number];
export type ImportBatchDetail = z.infer<typeof BatchDetail>;
export type PublishOutcome = z.infer<typeof PublishResult>;
export type Subscription = z.infer<typeof SubscriptionView>;
export type SubscriptionDraft = z.input<typeof SubscriptionInput>;
export type SubscriptionPatch = z.input<typeof SubscriptionChanges>;
export type PollOutcome = z.infer<typeof PollResultView>;
export type { GroupDraft, ImportDraft, ImportFormat, MemberDraft };

/** Who a download is for: everyone allowed up to a level, or one group's collection. */
export type ExportReceiver = { kind: 'tlp'; tlp: Tlp } | { kind: 'group'; groupId: string };
export type ExportFormat = 'stix' | 'csv' | 'misp';

const group = (groupId: string) => `/api/sharing/groups/${encodeURIComponent(groupId)}`;
const subscription = (subscriptionId: string) => `/api/sharing/taxii-subscriptions/${encodeURIComponent(subscriptionId)}`;

export const sharingApi = {
  groups: async () => (await api.get('/api/sharing/groups', GroupList)).items,
  group: (groupId: string) => api.get(group(groupId), GroupView),
  endpoints: () => api.get('/api/sharing/endpoints', SharingEndpoints),
  createGroup: (draft: GroupDraft) => api.post('/api/sharing/groups', draft, GroupView),
  updateGroup: (groupId: string, changes: Partial<GroupDraft>) => api.patch(group(groupId), changes, GroupView),
  /** Answers the member's TAXII token, which the server shows this once. */
  addMember: (groupId: string, draft: MemberDraft) => api.post(`${group(groupId)}/members`, draft, MemberCreated),
  revokeMember: (groupId: string, memberId: string) => api.command('DELETE', `${group(groupId)}/members/${encodeURIComponent(memberId)}`),
  publishCase: (groupId: string, caseId: string) => api.post(`${group(groupId)}/publish`, { caseId }, PublishResult),

  importFile: (draft: ImportDraft) => api.post('/api/sharing/imports', draft, ImportResult),
  imports: async () => (await api.get('/api/sharing/imports', BatchList)).items,
  importBatch: (batchId: string) => api.get(`/api/sharing/imports/${encodeURIComponent(batchId)}`, BatchDetail),

  subscriptions: async () => (await api.get('/api/sharing/taxii-subscriptions', SubscriptionList)).items,
  createSubscription: (draft: SubscriptionDraft) => api.post('/api/sharing/taxii-subscriptions', draft, SubscriptionView),
  updateSubscription: (subscriptionId: string, changes: SubscriptionPatch) => api.patch(subscription(subscriptionId), changes, SubscriptionView),
  deleteSubscription: (subscriptionId: string) => api.command('DELETE', subscription(subscriptionId)),
  poll: (subscriptionId: string) => api.post(`${subscription(subscriptionId)}/poll`, {}, PollResultView),
};

/**
 * The download URL of an export; the session cookie authenticates the plain link. `withCatalogue`:
 * a STIX bundle also carries the threat catalogue (intrusion sets, malware families).
 */
export function exportUrl(receiver: ExportReceiver, format: ExportFormat, withCatalogue = false): string {
  const params = new URLSearchParams({ format });
  if (receiver.kind === 'tlp') params.set('tlp', receiver.tlp);
  else params.set('groupId', receiver.groupId);
  if (withCatalogue && format === 'stix') params.set('catalogue', 'true');
  return `/api/sharing/export?${params.toString()}`;
}

/**
 * Koban's addresses for a group as a partner configures them: TAXII 2.1 (the collection of a group
 * is its id) and the group's MISP feed; both take the member's token.
 */
/** The addresses a partner is given for one group, from the server's KOBAN_PUBLIC_URL. */
export function partnerEndpoints(endpoints: z.infer<typeof SharingEndpoints>, groupId: string) {
  const group = encodeURIComponent(groupId);
  return {
    discovery: endpoints.taxiiDiscoveryUrl,
    apiRoot: endpoints.taxiiApiRootUrl,
    collection: `${endpoints.taxiiApiRootUrl}collections/${group}/`,
    mispFeed: `${endpoints.mispFeedBaseUrl}${group}/`,
  };
}
