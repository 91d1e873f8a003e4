// International requests (M4) wait on foreign agencies for weeks; one still open past its deadline
// reminds, once, the officer who recorded it and the case lead (in-app, and by mail where they
// have an address), and the reminder is on the request's history.
import { SYSTEM_ACTOR } from '#kernel/auth/index.ts';
import { t, tokyoTime } from '#kernel/i18n/index.ts';
import { newId } from '#kernel/ids.ts';
import { INTERNATIONAL_TRANSITIONS, type InternationalStatus } from './cooperation.contract.ts';
import type { CooperationCollaborators, CooperationDeps } from './cooperation.deps.ts';

/** Statuses in which Koban still waits for something to happen. */
const WAITING: readonly InternationalStatus[] = (Object.keys(INTERNATIONAL_TRANSITIONS) as InternationalStatus[]).filter(
  (status) => status !== 'closed' && status !== 'refused' && status !== 'answered',
);

export function createInternationalReminders({ database, clock, audit, config }: CooperationDeps, c: CooperationCollaborators) {
  const db = database.db;
  return {
    WAITING,
    async remindOverdue(): Promise<number> {
      const at = clock.now().toISOString();
      const due = await db
        .selectFrom('case_international_request as ir')
        .innerJoin('case_record as cr', 'cr.id', 'ir.case_id')
        .select(['ir.id', 'ir.case_id', 'ir.country_code', 'ir.agency', 'ir.deadline_at', 'ir.status', 'ir.recorded_by', 'cr.case_no', 'cr.lead_user_id'])
        .where('ir.status', 'in', [...WAITING])
        .where('ir.deadline_at', 'is not', null)
        .where('ir.deadline_at', '<', at)
        .where('ir.reminded_at', 'is', null)
        .limit(100)
        .execute();
      let reminded = 0;
      for (const row of due) {
        const userIds = [...new Set([row.recorded_by, row.lead_user_id].filter((id): id is string => Boolean(id)))];
        const contacts = await c.users.contactsOf(userIds);
        const params = {
          caseNo: row.case_no,
          deadline: tokyoTime(row.deadline_at ?? at),
          agency: `${row.agency} (${row.country_code})`,
          link: `${config.publicUrl}/cases/${row.case_id}`,
        };
        const to = contacts.flatMap((u) => (u.email ? [u.email] : []));
        const done = await db.transaction().execute(async (trx) => {
          const marked = await trx
            .updateTable('case_international_request')
            .set({ reminded_at: at })
            .where('id', '=', row.id)
            .where('reminded_at', 'is', null)
            .executeTakeFirst();
          if (Number(marked.numUpdatedRows) === 0) return false;
          await trx
            .insertInto('case_cooperation_event')
            .values({
              id: newId(),
              case_id: row.case_id,
              record_type: 'international',
              record_id: row.id,
              action: 'reminded',
              from_status: null,
              to_status: null,
              note: '',
              actor_id: null,
              at,
            })
            .execute();
          await audit.record(trx, {
            actor: SYSTEM_ACTOR,
            action: 'case.international_overdue',
            target: { type: 'case', id: row.case_id },
            changes: { internationalRequestId: row.id, deadlineAt: row.deadline_at, status: row.status, notified: userIds },
            requestId: null,
          });
          await c.notifications.notify(trx, {
            userIds,
            kind: 'case.international_overdue',
            subject: { type: 'case', id: row.case_id },
            params: { caseNo: row.case_no, agency: params.agency },
            ...(to.length > 0
              ? {
                  mail: {
                    to,
                    subject: `${t('ja', 'mail.international_overdue.subject', params)} / ${t('en', 'mail.international_overdue.subject', params)}`,
                    text: `${t('ja', 'mail.international_overdue.body', params)}\n\n${t('en', 'mail.international_overdue.body', params)}\n`,
                  },
                }
              : {}),
          });
          return true;
        });
        if (done) reminded += 1;
      }
      if (reminded > 0) await c.notifications.deliverPending();
      return reminded;
    },
  };
}
