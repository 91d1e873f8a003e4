import type { z } from 'zod';
import {
  AccessRequestList,
  AccessRequestView,
  CASE_STATUSES,
  CaseDetail,
  CaseList,
  CaseObservables,
  type CaseStatus,
  type CaseSummary,
  type CreateCaseInput,
  type UpdateCaseInput,
  type Victim,
} from '../../../../src/modules/cases/cases.contract.ts';
import { api, type ApiError } from '../../app/api.ts';
import { issuesOf } from '../intake/intake.api.ts';

export type CaseListEntry = z.infer<typeof CaseSummary>;
export type { CaseDetail, CaseStatus };
export type CaseNote = CaseDetail['notes'][number];
export type CaseTask = CaseDetail['tasks'][number];
export type CaseVictim = z.infer<typeof Victim>;
/** What the forms send: the schemas' input side, so defaulted fields may be left out. */
export type CaseDraft = z.input<typeof CreateCaseInput>;
export type CaseChanges = z.input<typeof UpdateCaseInput>;
export type CaseObservablesView = z.infer<typeof CaseObservables>;
export type CaseHit = CaseObservablesView['hits'][number];
export type AccessRequest = z.infer<typeof AccessRequestView>;
export type AccessDecision = 'grant' | 'refuse';

/** Filters of the case list as the API takes them (CaseListQuery); absent means "any". */
export type CaseFilter = { status?: CaseStatus; unitId?: string; category?: string; mine: boolean };

export const CASES_LIMIT = 200;

export function isCaseStatus(value: string | null): value is CaseStatus {
  return CASE_STATUSES.some((status) => status === value);
}

export function caseSearch(filter: CaseFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.unitId) params.set('unitId', filter.unitId);
  if (filter.category) params.set('category', filter.category);
  if (filter.mine) params.set('mine', 'true');
  return params;
}

export function caseFilterOf(search: string): CaseFilter {
  const params = new URLSearchParams(search);
  const filter: CaseFilter = { mine: params.get('mine') === 'true' };
  const status = params.get('status');
  if (isCaseStatus(status)) filter.status = status;
  const unitId = params.get('unitId');
  if (unitId) filter.unitId = unitId;
  const category = params.get('category');
  if (category) filter.category = category;
  return filter;
}

const record = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

/** Every change answers the case as it now is (with its new version), so pages show it without asking again. */
export const casesApi = {
  list: async (filter: CaseFilter) => {
    const params = caseSearch(filter);
    params.set('limit', String(CASES_LIMIT));
    return (await api.get(`/api/cases?${params.toString()}`, CaseList)).items;
  },
  get: (caseId: string) => api.get(record(caseId), CaseDetail),
  create: (input: CaseDraft) => api.post('/api/cases', input, CaseDetail),
  update: (caseId: string, changes: CaseChanges) => api.patch(record(caseId), changes, CaseDetail),
  changeStatus: (caseId: string, to: CaseStatus, reason: string, version: number) => api.post(`${record(caseId)}/status`, { to, reason, version }, CaseDetail),
  addMember: (caseId: string, userId: string) => api.post(`${record(caseId)}/members`, { userId }, CaseDetail),
  removeMember: (caseId: string, userId: string) => api.delete(`${record(caseId)}/members/${encodeURIComponent(userId)}`, CaseDetail),
  addSupportUnit: (caseId: string, unitId: string) => api.post(`${record(caseId)}/support-units`, { unitId }, CaseDetail),
  addNote: (caseId: string, body: string) => api.post(`${record(caseId)}/notes`, { body }, CaseDetail),
  /** `dueAt`: an ISO instant (UTC). */
  addTask: (caseId: string, task: { title: string; assigneeId: string | null; dueAt: string | null }) => api.post(`${record(caseId)}/tasks`, task, CaseDetail),
  completeTask: (caseId: string, taskId: string) => api.post(`${record(caseId)}/tasks/${encodeURIComponent(taskId)}/done`, {}, CaseDetail),
  /** The case's observables and the other cases and reports sharing them. */
  observables: (caseId: string) => api.get(`${record(caseId)}/observables`, CaseObservables),
  /** Records the observables found in a text; answers the panel as it now is. */
  recordObservables: (caseId: string, text: string) => api.post(`${record(caseId)}/observables`, { text }, CaseObservables),
  /** Asks the lead of a case the viewer may not open for access (the case is named only by its id). */
  requestAccess: (caseId: string, reason: string) => api.post(`${record(caseId)}/access-requests`, { reason }, AccessRequestView),
  accessRequests: async (caseId: string) => (await api.get(`${record(caseId)}/access-requests`, AccessRequestList)).items,
  decideAccess: (caseId: string, requestId: string, decision: AccessDecision) =>
    api.post(`${record(caseId)}/access-requests/${encodeURIComponent(requestId)}`, { decision }, AccessRequestView),
};

/** A 400 request.invalid answer's messages by body field path ('title', 'victim.name'). */
export function bodyProblemsOf(error: ApiError | null): Readonly<Record<string, string>> {
  if (error?.code !== 'request.invalid') return {};
  return Object.fromEntries(issuesOf(error.details).map((issue) => [issue.path.replace(/^body\./, ''), issue.message]));
}
