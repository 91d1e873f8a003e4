import type { z } from 'zod';
import {
  CaseAttributionList,
  RansomwareProfileView,
  RansomwareSummary,
  ThreatDetail,
  ThreatList,
  type AttributionInput,
  type Confidence,
  type RansomwareProfileInput,
  type ThreatInput,
  type ThreatKind,
} from '../../../../src/modules/threats/threats.contract.ts';
import { api } from '../../app/api.ts';

export type { Confidence, RansomwareSummary, ThreatDetail, ThreatKind };
export type ThreatListEntry = z.infer<typeof ThreatList>['items'][number];
export type CaseAttributionEntry = z.infer<typeof CaseAttributionList>['items'][number];
export type RansomwareProfile = NonNullable<z.infer<typeof RansomwareProfileView>['profile']>;
export type ThreatDraft = z.input<typeof ThreatInput>;
export type AttributionDraft = z.input<typeof AttributionInput>;
export type RansomwareProfileDraft = z.input<typeof RansomwareProfileInput>;

const entry = (threatId: string) => `/api/threats/${encodeURIComponent(threatId)}`;
const ofCase = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const threatsApi = {
  /** `q`: any name or alias, or part of one (the server ignores case and full/half width). */
  list: async (q: string, kind: ThreatKind | null = null) => {
    const params = new URLSearchParams({ limit: '500' });
    if (q.trim()) params.set('q', q.trim());
    if (kind) params.set('kind', kind);
    return (await api.get(`/api/threats?${params.toString()}`, ThreatList)).items;
  },
  get: (threatId: string) => api.get(entry(threatId), ThreatDetail),
  create: (draft: ThreatDraft) => api.post('/api/threats', draft, ThreatDetail),
  addAlias: (threatId: string, alias: string) => api.post(`${entry(threatId)}/aliases`, { alias }, ThreatDetail),
  removeAlias: (threatId: string, alias: string) => api.delete(`${entry(threatId)}/aliases/${encodeURIComponent(alias)}`, ThreatDetail),
  attributions: async (caseId: string) => (await api.get(`${ofCase(caseId)}/attributions`, CaseAttributionList)).items,
  attribute: async (caseId: string, draft: AttributionDraft) => (await api.post(`${ofCase(caseId)}/attributions`, draft, CaseAttributionList)).items,
  removeAttribution: async (caseId: string, threatId: string) =>
    (await api.delete(`${ofCase(caseId)}/attributions/${encodeURIComponent(threatId)}`, CaseAttributionList)).items,
  ransomwareProfile: async (caseId: string) => (await api.get(`${ofCase(caseId)}/ransomware`, RansomwareProfileView)).profile,
  saveRansomwareProfile: async (caseId: string, draft: RansomwareProfileDraft) =>
    (await api.put(`${ofCase(caseId)}/ransomware`, draft, RansomwareProfileView)).profile,
  /** `from`/`to`: Japanese months (YYYY-MM), both included. */
  ransomwareSummary: (from: string, to: string) =>
    api.get(`/api/threats/ransomware-summary?${new URLSearchParams({ from, to }).toString()}`, RansomwareSummary),
};
