// Evidence of a case and its chain of custody (M1.4), typed from the server's contract. Files go
// up as multipart (a `meta` JSON field and the file); a physical item goes as JSON. Downloads and
// the custody record are plain links: the server sends them as attachments and logs each access.
import type { z } from 'zod';
import {
  AnalysisRequestView,
  EvidenceDetail,
  EvidenceList,
  type EvidenceSummary,
  type AnalysisStatus,
  type CustodyAction,
  type EvidenceInput,
} from '../../../../src/modules/cases/evidence.contract.ts';
import { api } from '../../app/api.ts';
import type { Language } from '../../i18n/i18n.tsx';

export type { AnalysisStatus, CustodyAction, EvidenceDetail };
export type EvidenceItem = z.infer<typeof EvidenceSummary>;
export type EvidenceKind = EvidenceItem['kind'];
export type EvidenceStatus = EvidenceItem['status'];
export type AnalysisRequest = z.infer<typeof AnalysisRequestView>;
export type CustodyEvent = EvidenceDetail['custody'][number];
/** The form's side of EvidenceInput: defaulted fields may be left out. */
export type EvidenceDraft = z.input<typeof EvidenceInput>;

/** The unit the server sends analysis requests to when none is named (config.forensicUnit, 情報通信部). */
export const FORENSIC_UNIT_CODE = 'ibaraki_info_comm';

const list = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/evidence`;
const item = (caseId: string, evidenceId: string) => `${list(caseId)}/${encodeURIComponent(evidenceId)}`;

export const evidencePaths = {
  file: (caseId: string, evidenceId: string) => `${item(caseId, evidenceId)}/file`,
  custodyPdf: (caseId: string, evidenceId: string, language: Language) => `${item(caseId, evidenceId)}/custody.pdf?lang=${language}`,
  analysisEvidenceFile: (requestId: string) => `/api/analysis-requests/${encodeURIComponent(requestId)}/evidence-file`,
  analysisResultFile: (requestId: string) => `/api/analysis-requests/${encodeURIComponent(requestId)}/result-file`,
};

/** Every change answers the item as it now is (custody log included), so the view shows it at once. */
export const evidenceApi = {
  list: async (caseId: string) => (await api.get(list(caseId), EvidenceList)).items,
  get: (caseId: string, evidenceId: string) => api.get(item(caseId, evidenceId), EvidenceDetail),
  create: (caseId: string, draft: EvidenceDraft, file: File | null) => {
    if (!file) return api.post(list(caseId), draft, EvidenceDetail);
    const form = new FormData();
    form.append('meta', JSON.stringify(draft));
    form.append('file', file, file.name);
    return api.postForm(list(caseId), form, EvidenceDetail);
  },
  handover: (caseId: string, evidenceId: string, input: { toUserId: string; location: string; note: string }) =>
    api.post(`${item(caseId, evidenceId)}/handover`, input, EvidenceDetail),
  move: (caseId: string, evidenceId: string, input: { location: string; note: string }) => api.post(`${item(caseId, evidenceId)}/move`, input, EvidenceDetail),
  release: (caseId: string, evidenceId: string, input: { action: 'returned' | 'disposed'; note: string }) =>
    api.post(`${item(caseId, evidenceId)}/release`, input, EvidenceDetail),
  /** `dueAt`: an ISO instant (UTC); no `toUnitId` sends it to the forensic unit. */
  requestAnalysis: (caseId: string, evidenceId: string, input: { question: string; toUnitId?: string; dueAt: string | null }) =>
    api.post(`${item(caseId, evidenceId)}/analysis-requests`, input, AnalysisRequestView),
};

export type IntegrityAlert = 'mismatch' | 'past_mismatch' | null;

/** 'mismatch' while the file does not hash to its SHA-256 (or is gone); 'past_mismatch' once restored. */
export function integrityAlertOf(item: Pick<EvidenceItem, 'integrity' | 'integrityFailedAt'>): IntegrityAlert {
  if (item.integrity === 'altered' || item.integrity === 'missing') return 'mismatch';
  return item.integrityFailedAt ? 'past_mismatch' : null;
}

/** '2026-12-01T10:30' (a datetime-local value, read as Japan time) → its ISO instant in UTC; null when empty or bad. */
export function collectedAtOf(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const at = new Date(`${local}:00+09:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export function isReleased(status: EvidenceStatus): boolean {
  return status === 'returned' || status === 'disposed';
}

/** 1.2 MB: a file's size for people, in the units of the language. */
export function formatBytes(language: Language, bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: digits }).format(value)} ${units[unit] ?? 'B'}`;
}
