// Notifications: in-app entries per user and e-mail through an outbox. Both are written in the
// caller's transaction, so a notice exists exactly when the change that caused it committed;
// the outbox is then delivered over SMTP and retried with back-off until the server takes it.
import type { Executor } from '#kernel/db/index.ts';
import { newId } from '#kernel/ids.ts';
import type { Mailer } from '#kernel/mail/index.ts';
import type { KernelDeps } from '#kernel/services.ts';

export type NoticeParams = Record<string, string | number | null>;
export type Notice = {
  userIds: string[];
  kind: string;
  subject: { type: string; id: string };
  params: NoticeParams;
  mail?: { to: string[]; subject: string; text: string };
};

const MAX_ATTEMPTS = 12;

export function createNotificationsService({ database, clock, logger }: Pick<KernelDeps, 'database' | 'clock' | 'logger'>, mailer: Mailer) {
  const db = database.db;

  async function deliverPending(limit = 50): Promise<{ sent: number; failed: number }> {
    if (!mailer.enabled) return { sent: 0, failed: 0 };
    const now = clock.now();
    const due = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '<=', now.toISOString())
      .where('attempts', '<', MAX_ATTEMPTS)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    let sent = 0;
    let failed = 0;
    for (const row of due) {
      try {
        await mailer.send({ to: JSON.parse(row.recipients) as string[], subject: row.subject, text: row.body });
        await db
          .updateTable('mail_outbox')
          .set({ sent_at: clock.now().toISOString(), attempts: row.attempts + 1, last_error: null })
          .where('id', '=', row.id)
          .execute();
        sent += 1;
      } catch (error) {
        failed += 1;
        const backoffMinutes = Math.min(60, 2 ** row.attempts);
        logger.warn({ err: error, outboxId: row.id }, 'mail delivery failed');
        await db
          .updateTable('mail_outbox')
          .set({
            attempts: row.attempts + 1,
            last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
            next_attempt_at: new Date(clock.now().getTime() + backoffMinutes * 60_000).toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return { sent, failed };
  }

  return {
    /** Writes the in-app notices and queues the e-mail inside `trx`. */
    async notify(trx: Executor, notice: Notice): Promise<void> {
      const at = clock.now().toISOString();
      const userIds = [...new Set(notice.userIds)];
      if (userIds.length > 0) {
        await trx
          .insertInto('notification')
          .values(
            userIds.map((userId) => ({
              id: newId(),
              user_id: userId,
              kind: notice.kind,
              subject_type: notice.subject.type,
              subject_id: notice.subject.id,
              params: JSON.stringify(notice.params),
              created_at: at,
              read_at: null,
            })),
          )
          .execute();
      }
      const to = [...new Set(notice.mail?.to ?? [])];
      if (notice.mail && to.length > 0) {
        await trx
          .insertInto('mail_outbox')
          .values({
            id: newId(),
            recipients: JSON.stringify(to),
            subject: notice.mail.subject,
            body: notice.mail.text,
            created_at: at,
            next_attempt_at: at,
            sent_at: null,
            last_error: null,
          })
          .execute();
      }
    },

    deliverPending,

    async listFor(userId: string, limit = 50) {
      const rows = await db.selectFrom('notification').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
      const unread = await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          params: JSON.parse(r.params) as NoticeParams,
          createdAt: r.created_at,
          readAt: r.read_at,
        })),
        unread: unread.n,
      };
    },

    async markAllRead(userId: string): Promise<number> {
      const result = await db
        .updateTable('notification')
        .set({ read_at: clock.now().toISOString() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async markRead(userId: string, notificationId: string): Promise<boolean> {
      const result = await db
        .updateTable('notification')
        .set({ read_at: clock.now().toISOString() })
        .where('id', '=', notificationId)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
