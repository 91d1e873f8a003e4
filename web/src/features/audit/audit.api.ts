import type { z } from 'zod';
import { AuditPage, AuditVerdictView, type AuditEntryView } from '../../../../src/modules/audit/audit.contract.ts';
import { api } from '../../app/api.ts';

export type AuditEntry = z.infer<typeof AuditEntryView>;
export type AuditVerdict = z.infer<typeof AuditVerdictView>;

export const AUDIT_PAGE_SIZE = 100;

export const auditApi = {
  list: (beforeSeq: number | null) => {
    const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
    if (beforeSeq !== null) query.set('beforeSeq', String(beforeSeq));
    return api.get(`/api/audit?${query.toString()}`, AuditPage);
  },
  verify: () => api.get('/api/audit/verify', AuditVerdictView),
};
