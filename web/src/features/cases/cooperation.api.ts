// Client of working across units (M1.1, M3.2c/d, M4): the case's support requests, joint
// investigations, NCU referrals and international requests, and the cyber division's inbox.
import type { z } from 'zod';
import {
  CaseCooperation,
  ExternalCooperationView,
  InternationalRequestView,
  SupportRequestList,
  SupportRequestView,
  type ExternalCooperationInput,
  type ExternalCooperationUpdate,
  type InternationalRequestInput,
  type InternationalRequestUpdate,
  type SupportRequestInput,
} from '../../../../src/modules/cases/cooperation.contract.ts';
import { api } from '../../app/api.ts';

export type { CaseCooperation, ExternalCooperationView, InternationalRequestView, SupportRequestView };
export type CooperationEvent = SupportRequestView['history'][number];
export type SupportAnswer = 'accepted' | 'declined' | 'done';
export type SupportInboxFilter = 'open' | 'all';

const record = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

/** '2026-12-08T17:30' typed in Japan time → the ISO instant (UTC); null for an empty or bad value. */
export function jstInstantOf(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const at = new Date(`${local}:00+09:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** 'secure-check.example.top,12' per line → shared observables; blank lines are skipped. */
export function sharedObservablesOf(lines: string): { value: string; count?: number }[] {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^(.*\S)\s*,\s*(\d{1,9})$/.exec(line);
      return match?.[1] && match[2] ? { value: match[1], count: Number(match[2]) } : { value: line };
    });
}

export const cooperationApi = {
  ofCase: (caseId: string) => api.get(`${record(caseId)}/cooperation`, CaseCooperation),
  requestSupport: (caseId: string, input: z.input<typeof SupportRequestInput>) => api.post(`${record(caseId)}/support-requests`, input, SupportRequestView),
  answerSupport: (supportRequestId: string, to: SupportAnswer, reason: string) =>
    api.post(`/api/support-requests/${encodeURIComponent(supportRequestId)}/answer`, { to, reason }, SupportRequestView),
  inbox: async (filter: SupportInboxFilter) => (await api.get(`/api/support-requests?status=${filter}`, SupportRequestList)).items,
  recordExternal: (caseId: string, input: z.input<typeof ExternalCooperationInput>) =>
    api.post(`${record(caseId)}/external-cooperation`, input, ExternalCooperationView),
  updateExternal: (caseId: string, recordId: string, input: z.input<typeof ExternalCooperationUpdate>) =>
    api.post(`${record(caseId)}/external-cooperation/${encodeURIComponent(recordId)}/updates`, input, ExternalCooperationView),
  recordInternational: (caseId: string, input: z.input<typeof InternationalRequestInput>) =>
    api.post(`${record(caseId)}/international-requests`, input, InternationalRequestView),
  updateInternational: (caseId: string, recordId: string, input: z.input<typeof InternationalRequestUpdate>) =>
    api.post(`${record(caseId)}/international-requests/${encodeURIComponent(recordId)}/updates`, input, InternationalRequestView),
};
