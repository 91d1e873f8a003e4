// 支援要請 (M1.1, M3.2c): a unit that sees a case asks the cyber division for help with it "without
// delay"; the division accepts (and becomes a supporting unit of the case), declines with a
// reason, or marks the help done. One not answered by its deadline is escalated once to the
// liaisons (連携担当者) and the duty desk, as intake escalates its overdue items.
import { SYSTEM_ACTOR, auditActorOf, type Actor } from '#kernel/auth/index.ts';
import { AppError } from '#kernel/errors.ts';
import { t, tokyoTime } from '#kernel/i18n/index.ts';
import { newId } from '#kernel/ids.ts';
import { OPEN_SUPPORT_STATUSES, SUPPORT_TRANSITIONS, type SupportAnswerInput, type SupportRequestInput, type SupportStatus } from './cooperation.contract.ts';
import type { CooperationCollaborators, CooperationDeps } from './cooperation.deps.ts';
import { cooperationErrors } from './cooperation.errors.ts';
import { presentSupportRequest } from './cooperation.presenter.ts';
import * as repo from './cooperation.repository.ts';

const RECORD_TYPE = 'support_request';

export function createSupportRequests({ database, clock, audit, config }: CooperationDeps, c: CooperationCollaborators) {
  const db = database.db;

  async function cyberDivisionId(): Promise<string | null> {
    return (await c.units.findIdByCode(config.cyberDivisionUnit)) ?? null;
  }

  async function present(rows: repo.SupportRequestRow[]) {
    const events = await repo.eventsOf(
      db,
      rows.map((r) => r.id),
    );
    const now = clock.now();
    return rows.map((row) => presentSupportRequest(row, events.get(row.id), now));
  }

  async function presentOne(id: string) {
    const row = await repo.findSupportRequest(db, id);
    if (!row) throw new AppError(cooperationErrors.not_found, { supportRequestId: id });
    const [view] = await present([row]);
    if (!view) throw new AppError(cooperationErrors.not_found, { supportRequestId: id });
    return view;
  }

  async function activeMemberIds(unitId: string): Promise<string[]> {
    return (await c.users.listOfUnit(unitId)).filter((u) => !u.disabled).map((u) => u.id);
  }

  async function liaisonsOf(unitIds: (string | null)[]): Promise<string[]> {
    const ids: string[] = [];
    for (const unitId of new Set(unitIds)) {
      if (!unitId) continue;
      const unit = await c.units.get(unitId).catch(() => undefined);
      if (unit?.liaison) ids.push(unit.liaison.id);
    }
    return ids;
  }

  async function unitName(unitId: string | null): Promise<string> {
    if (!unitId) return '';
    return (await c.units.get(unitId).catch(() => undefined))?.nameJa ?? '';
  }

  return {
    cyberDivisionId,

    async ofCase(caseId: string) {
      return present(await repo.supportRequestsOfCase(db, caseId));
    },

    /** Requests addressed to the actor's unit; `open` = 要請中 and 受諾済, the unanswered first. */
    async addressedTo(actor: Actor, query: { status: 'open' | 'all' | SupportStatus; limit: number }) {
      if (!actor.unitId) return { items: [] };
      const statuses = query.status === 'open' ? OPEN_SUPPORT_STATUSES : query.status === 'all' ? null : [query.status];
      return { items: await present(await repo.supportRequestsToUnit(db, actor.unitId, statuses, query.limit)) };
    },

    async request(actor: Actor, caseId: string, input: SupportRequestInput, requestId: string | null) {
      const found = await c.cases.visibleCase(actor, caseId, 'cooperation', requestId);
      const cyberId = await cyberDivisionId();
      if (!cyberId) throw new AppError(cooperationErrors.no_cyber_division, { unit: config.cyberDivisionUnit });
      if (found.ownerUnitId === cyberId) throw new AppError(cooperationErrors.own_unit);
      const recipients = await activeMemberIds(cyberId);
      const now = clock.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      const deadlineAt = new Date(input.deadlineAt).toISOString();
      await db.transaction().execute(async (trx) => {
        await repo.insertSupportRequest(trx, {
          id,
          case_id: caseId,
          requester_unit_id: actor.unitId,
          target_unit_id: cyberId,
          requested_by: actor.userId,
          kind: input.kind,
          request_text: input.text,
          deadline_at: deadlineAt,
          status: 'requested',
          decline_reason: null,
          answered_by: null,
          answered_at: null,
          done_at: null,
          escalated_at: null,
          created_at: at,
          updated_at: at,
        });
        await repo.appendEvent(trx, {
          case_id: caseId,
          record_type: RECORD_TYPE,
          record_id: id,
          action: 'requested',
          from_status: null,
          to_status: 'requested',
          note: '',
          actor_id: actor.userId,
          at,
        });
        await c.cases.touch(trx, caseId, at);
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: 'case.support_requested',
          target: { type: 'case', id: caseId },
          changes: { supportRequestId: id, kind: input.kind, deadlineAt, targetUnitId: cyberId },
          requestId,
        });
        await c.notifications.notify(trx, {
          userIds: recipients.filter((userId) => userId !== actor.userId),
          kind: 'case.support_requested',
          subject: { type: 'case_support_request', id },
          params: { caseNo: found.caseNo, kind: input.kind, deadlineAt },
        });
      });
      return presentOne(id);
    },

    /** The addressed unit answers: 受諾 (it then supports the case), 辞退 with a reason, or 完了. */
    async answer(actor: Actor, supportRequestId: string, input: SupportAnswerInput, requestId: string | null) {
      const row = await repo.findSupportRequest(db, supportRequestId);
      if (!row) throw new AppError(cooperationErrors.not_found, { supportRequestId });
      if (actor.unitId !== row.target_unit_id) {
        // Someone who may not see the case learns nothing of the request either.
        await c.cases.visibleCase(actor, row.case_id, 'cooperation', requestId);
        throw new AppError(cooperationErrors.not_addressed);
      }
      const from = row.status as SupportStatus;
      const allowed = SUPPORT_TRANSITIONS[from];
      if (!allowed.includes(input.to)) throw new AppError(cooperationErrors.invalid_transition, { from, to: input.to, allowed: allowed.join(', ') });
      if (input.to === 'declined' && !input.reason) throw new AppError(cooperationErrors.reason_required);
      const at = clock.now().toISOString();
      const set =
        input.to === 'done'
          ? { status: input.to, done_at: at, updated_at: at }
          : { status: input.to, answered_by: actor.userId, answered_at: at, updated_at: at, decline_reason: input.to === 'declined' ? input.reason : null };
      await db.transaction().execute(async (trx) => {
        if (!(await repo.updateSupportStatus(trx, row.id, from, set))) {
          throw new AppError(cooperationErrors.invalid_transition, { from, to: input.to, allowed: allowed.join(', ') });
        }
        await repo.appendEvent(trx, {
          case_id: row.case_id,
          record_type: RECORD_TYPE,
          record_id: row.id,
          action: input.to,
          from_status: from,
          to_status: input.to,
          note: input.reason,
          actor_id: actor.userId,
          at,
        });
        if (input.to === 'accepted') await c.cases.addSupportUnitIn(trx, actor, row.case_id, row.target_unit_id, at, requestId);
        else await c.cases.touch(trx, row.case_id, at);
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: `case.support_${input.to}`,
          target: { type: 'case', id: row.case_id },
          changes: { supportRequestId: row.id, from, to: input.to, reason: input.reason },
          requestId,
        });
        await c.notifications.notify(trx, {
          userIds: [row.requested_by],
          kind: `case.support_${input.to}`,
          subject: { type: 'case_support_request', id: row.id },
          params: { caseNo: row.case_no, kind: row.kind },
        });
      });
      return presentOne(row.id);
    },

    /** Requests still unanswered past their deadline go, once, to the liaisons and the duty desk. */
    async escalateOverdue(): Promise<number> {
      const now = clock.now();
      const at = now.toISOString();
      const due = await repo.listUnansweredPastDeadline(db, at, 100);
      let escalated = 0;
      for (const row of due) {
        const liaisonIds = await liaisonsOf([row.target_unit_id, row.requester_unit_id]);
        const contacts = await c.users.contactsOf(liaisonIds);
        const to = [...contacts.flatMap((u) => (u.email ? [u.email] : [])), ...(config.dutyDeskEmail ? [config.dutyDeskEmail] : [])];
        const mailParams = {
          caseNo: row.case_no,
          deadline: tokyoTime(row.deadline_at),
          unit: await unitName(row.requester_unit_id),
          text: row.request_text,
          link: `${config.publicUrl}/support-requests`,
        };
        const mail = {
          to,
          subject: `${t('ja', 'mail.support_overdue.subject', mailParams)} / ${t('en', 'mail.support_overdue.subject', mailParams)}`,
          text: `${t('ja', 'mail.support_overdue.body', mailParams)}\n\n${t('en', 'mail.support_overdue.body', mailParams)}\n`,
        };
        const done = await db.transaction().execute(async (trx) => {
          if (!(await repo.markEscalated(trx, row.id, at))) return false;
          await repo.appendEvent(trx, {
            case_id: row.case_id,
            record_type: RECORD_TYPE,
            record_id: row.id,
            action: 'escalated',
            from_status: null,
            to_status: null,
            note: '',
            actor_id: null,
            at,
          });
          await audit.record(trx, {
            actor: SYSTEM_ACTOR,
            action: 'case.support_escalated',
            target: { type: 'case', id: row.case_id },
            changes: { supportRequestId: row.id, deadlineAt: row.deadline_at, notified: liaisonIds },
            requestId: null,
          });
          await c.notifications.notify(trx, {
            userIds: [...liaisonIds, row.requested_by],
            kind: 'case.support_overdue',
            subject: { type: 'case_support_request', id: row.id },
            params: { caseNo: row.case_no, deadlineAt: row.deadline_at },
            mail,
          });
          return true;
        });
        if (done) escalated += 1;
      }
      if (escalated > 0) await c.notifications.deliverPending();
      return escalated;
    },
  };
}
