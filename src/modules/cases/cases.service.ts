// Cases (事件): for now the minimal record that intake opens (事件化) and the link back to the
// report; the cases module to come grows it into the investigation workspace.
import type { AuditActor } from '#kernel/audit/index.ts';
import { nextSequenceValue, tokyoYear, type Executor } from '#kernel/db/index.ts';
import { newId } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';

export const CASE_STATUSES = [
  'recognized',
  'investigating',
  'joint_investigation',
  'suspect_identified',
  'cleared',
  'sent_to_prosecutor',
  'pending',
  'closed',
] as const;
const CLOSED = new Set(['closed']);

export type OpenCaseInput = { title: string; ownerUnitId: string; category: string | null; openedFromItemId: string | null };

export function createCasesService({ database, clock, audit, config }: Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'>) {
  const db = database.db;
  return {
    /** Opens a case inside the caller's transaction, with its audit entry. */
    async openInTransaction(trx: Executor, actor: AuditActor, input: OpenCaseInput, requestId: string | null) {
      const now = clock.now();
      const year = tokyoYear(now);
      const seq = await nextSequenceValue(trx, `case-${config.receiptPrefix}-${year}`);
      const row = {
        id: newId(now.getTime()),
        case_no: `${config.receiptPrefix}-C-${year}-${String(seq).padStart(4, '0')}`,
        title: input.title,
        status: 'recognized',
        owner_unit_id: input.ownerUnitId,
        category: input.category,
        opened_from_item_id: input.openedFromItemId,
        created_by: actor.type === 'user' ? actor.id : null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await trx.insertInto('case_record').values(row).execute();
      await audit.record(trx, {
        actor,
        action: 'case.opened',
        target: { type: 'case', id: row.id },
        changes: { caseNo: row.case_no, from: input.openedFromItemId },
        requestId,
      });
      return { id: row.id, caseNo: row.case_no };
    },

    async get(caseId: string) {
      return db.selectFrom('case_record').selectAll().where('id', '=', caseId).executeTakeFirst();
    },

    /** Which of these cases are still open. */
    async openAmong(caseIds: string[]): Promise<Set<string>> {
      if (caseIds.length === 0) return new Set();
      const rows = await db.selectFrom('case_record').select(['id', 'status']).where('id', 'in', caseIds).execute();
      return new Set(rows.filter((r) => !CLOSED.has(r.status)).map((r) => r.id));
    },

    async numbersOf(caseIds: string[]): Promise<Map<string, string>> {
      if (caseIds.length === 0) return new Map();
      const rows = await db.selectFrom('case_record').select(['id', 'case_no']).where('id', 'in', caseIds).execute();
      return new Map(rows.map((r) => [r.id, r.case_no]));
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
