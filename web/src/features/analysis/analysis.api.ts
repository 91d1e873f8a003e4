// The forensic unit's side of analysis requests (解析依頼, M1.4): the requests addressed to the
// viewer's unit, and accepting, declining or answering one (a result text and optionally a file).
import { AnalysisRequestList, AnalysisRequestView } from '../../../../src/modules/cases/evidence.contract.ts';
import { api } from '../../app/api.ts';
import type { AnalysisRequest, AnalysisStatus } from '../cases/evidence.api.ts';

const request = (requestId: string) => `/api/analysis-requests/${encodeURIComponent(requestId)}`;

export const analysisApi = {
  list: async (status: 'open' | AnalysisStatus) => (await api.get(`/api/analysis-requests?status=${status}`, AnalysisRequestList)).items,
  /** Open requests first, then the answered ones (done, declined) with them. */
  listAll: async () => {
    const [open, done, declined] = await Promise.all([analysisApi.list('open'), analysisApi.list('done'), analysisApi.list('declined')]);
    return [...open, ...done, ...declined];
  },
  accept: (requestId: string) => api.post(`${request(requestId)}/accept`, {}, AnalysisRequestView),
  decline: (requestId: string, reason: string) => api.post(`${request(requestId)}/decline`, { reason }, AnalysisRequestView),
  answer: (requestId: string, result: string, file: File | null) => {
    const form = new FormData();
    form.append('meta', JSON.stringify({ result }));
    if (file) form.append('file', file, file.name);
    return api.postForm(`${request(requestId)}/result`, form, AnalysisRequestView);
  },
};

const OPEN: readonly AnalysisStatus[] = ['requested', 'accepted'];

export function isAnalysisOpen(request: Pick<AnalysisRequest, 'status'>): boolean {
  return OPEN.includes(request.status);
}

/**
 * The order of the list: open requests first (overdue ones at the top, then by due date, those
 * without one last), then answered ones, most recently answered first.
 */
export function compareAnalysisRequests(a: AnalysisRequest, b: AnalysisRequest): number {
  const openA = isAnalysisOpen(a);
  const openB = isAnalysisOpen(b);
  if (openA !== openB) return openA ? -1 : 1;
  if (!openA) return (b.answeredAt ?? b.createdAt).localeCompare(a.answeredAt ?? a.createdAt);
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt.localeCompare(b.dueAt);
  }
  return a.createdAt.localeCompare(b.createdAt);
}
