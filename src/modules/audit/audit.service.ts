// Reading and verifying the audit chain. Writing happens in kernel/audit, inside each change.
import { verifyAuditChain, type ChainVerdict } from '#kernel/audit/index.ts';
import { t, type Locale } from '#kernel/i18n/index.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { AuditQuery } from './audit.contract.ts';

export function describeVerdict(verdict: ChainVerdict, locale: Locale): string {
  return verdict.ok ? t(locale, 'audit.ok', { count: verdict.count }) : t(locale, `audit.${verdict.problem}`, { seq: verdict.seq });
}

export function createAuditService({ database }: Pick<KernelDeps, 'database'>) {
  const db = database.db;
  return {
    async list(query: AuditQuery) {
      let q = db.selectFrom('audit_entry').selectAll().orderBy('seq', 'desc').limit(query.limit);
      if (query.beforeSeq) q = q.where('seq', '<', query.beforeSeq);
      if (query.targetType) q = q.where('target_type', '=', query.targetType);
      if (query.targetId) q = q.where('target_id', '=', query.targetId);
      const rows = await q.execute();
      const items = rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorType: r.actor_type,
        actorId: r.actor_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        changes: JSON.parse(r.changes) as Record<string, unknown>,
        requestId: r.request_id,
      }));
      const last = rows.at(-1);
      return { items, nextBeforeSeq: rows.length === query.limit && last ? last.seq : null };
    },

    verify: () => verifyAuditChain(db),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
