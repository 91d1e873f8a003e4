import { z } from 'zod';
import type { QueueItem, ConsultationInput } from '../../../../src/modules/intake/intake.contract.ts';
import {
  ItemDetail,
  OpenCaseResult,
  CaseItemList,
  QueueList,
  RoutingRuleSetList,
  RoutingRuleSetView,
  type CloseInput,
  type RoutingRules,
} from '../../../../src/modules/intake/intake.contract.ts';
import { api } from '../../app/api.ts';

export type QueueEntry = z.infer<typeof QueueItem>;
export type Item = z.infer<typeof ItemDetail>;
export type ItemHit = Item['hits'][number];
export type ItemAttachment = Item['attachments'][number];
export type RuleSet = z.infer<typeof RoutingRuleSetView>;
export type CaseOpened = z.infer<typeof OpenCaseResult>;
export type { CloseInput, RoutingRules };
/** What the consultation form sends: the schema's input side, so defaulted fields may be left out. */
export type ConsultationDraft = z.input<typeof ConsultationInput>;

/** The body of GET /api/intake/rules: the rules in force and the saved versions, newest first. */
const RulesAnswer = RoutingRuleSetList.extend({ current: RoutingRuleSetView.pick({ version: true, rules: true }) });
export type RulesOverview = z.infer<typeof RulesAnswer>;

/** Filters of the queue as the API takes them (QueueQuery); absent means "any". */
export type QueueFilter = {
  unitId?: string;
  category?: string;
  priority?: string;
  status?: string;
  open: boolean;
  overdue: boolean;
  mine: boolean;
};

export const QUEUE_LIMIT = 200;

export function queueSearch(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.unitId) params.set('unitId', filter.unitId);
  if (filter.category) params.set('category', filter.category);
  if (filter.priority) params.set('priority', filter.priority);
  if (filter.status) params.set('status', filter.status);
  if (!filter.open) params.set('open', 'false');
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.mine) params.set('mine', 'true');
  return params;
}

export function queueFilterOf(search: string): QueueFilter {
  const params = new URLSearchParams(search);
  const filter: QueueFilter = { open: params.get('open') !== 'false', overdue: params.get('overdue') === 'true', mine: params.get('mine') === 'true' };
  for (const key of ['unitId', 'category', 'priority', 'status'] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

const item = (itemId: string) => `/api/intake/items/${encodeURIComponent(itemId)}`;

export const intakeApi = {
  queue: async (filter: QueueFilter) => {
    const params = queueSearch(filter);
    params.set('limit', String(QUEUE_LIMIT));
    return (await api.get(`/api/intake/queue?${params.toString()}`, QueueList)).items;
  },
  get: (itemId: string) => api.get(item(itemId), ItemDetail),
  attachmentUrl: (itemId: string, attachmentId: string) => `${item(itemId)}/attachments/${encodeURIComponent(attachmentId)}`,
  claim: (itemId: string) => api.post(`${item(itemId)}/claim`, {}, ItemDetail),
  reassign: (itemId: string, unitId: string, note: string | undefined) =>
    api.post(`${item(itemId)}/reassign`, note ? { unitId, note } : { unitId }, ItemDetail),
  close: (itemId: string, input: CloseInput) => api.post(`${item(itemId)}/close`, input, ItemDetail),
  merge: (itemId: string, intoItemId: string) => api.post(`${item(itemId)}/merge`, { intoItemId }, ItemDetail),
  addNote: (itemId: string, body: string) => api.post(`${item(itemId)}/notes`, { body }, ItemDetail),
  openCase: (itemId: string, title: string | undefined) => api.post(`${item(itemId)}/case`, title ? { title } : {}, OpenCaseResult),
  linkCase: (itemId: string, caseNo: string) => api.post(`${item(itemId)}/link-case`, { caseNo }, OpenCaseResult),
  itemsOfCase: (caseId: string) => api.get(`/api/cases/${encodeURIComponent(caseId)}/reports`, CaseItemList),
  /** JSON, or multipart (a `consultation` JSON field and the files) when there are attachments. */
  recordConsultation: (input: ConsultationDraft, files: readonly File[] = []) => {
    if (files.length === 0) return api.post('/api/intake/consultations', input, ItemDetail);
    const form = new FormData();
    form.append('consultation', JSON.stringify(input));
    for (const file of files) form.append('attachments', file, file.name);
    return api.postForm('/api/intake/consultations', form, ItemDetail);
  },
  rules: () => api.get('/api/intake/rules', RulesAnswer),
  saveRules: (rules: unknown, comment: string) => api.post('/api/intake/rules', { rules, comment }, RoutingRuleSetView),
};

/** Statuses in which an item is still worked (the server's OPEN_STATUSES). */
export const OPEN_STATUSES: readonly string[] = ['received', 'queued', 'in_progress', 'monitoring'];

export function isOpen(status: string): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Every problem of a 400 request.invalid answer, with its full path ('body.rules.rules.0.id'). */
export type FieldIssue = { path: string; message: string };

export function issuesOf(details: Record<string, unknown>): FieldIssue[] {
  const parsed = z.array(z.object({ path: z.string(), message: z.string() })).safeParse(details.issues);
  return parsed.success ? parsed.data : [];
}
