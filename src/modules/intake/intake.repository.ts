// Queries over intake's own tables.
import type { Executor, IntakeAttachmentTable, IntakeItemTable } from '#kernel/db/index.ts';

export type IntakeItemRow = IntakeItemTable;
export type AttachmentRow = IntakeAttachmentTable;

export const OPEN_STATUSES = ['received', 'queued', 'in_progress', 'monitoring'] as const;

export function findItem(db: Executor, id: string) {
  return db.selectFrom('intake_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findItemByReceipt(db: Executor, receiptNo: string) {
  return db.selectFrom('intake_item').selectAll().where('receipt_no', '=', receiptNo).executeTakeFirst();
}

export function findItemByIdempotencyKey(db: Executor, key: string) {
  return db.selectFrom('intake_item').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export function listAttachments(db: Executor, itemId: string) {
  return db.selectFrom('intake_attachment').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
}

export function findAttachment(db: Executor, itemId: string, attachmentId: string) {
  return db.selectFrom('intake_attachment').selectAll().where('item_id', '=', itemId).where('id', '=', attachmentId).executeTakeFirst();
}

export async function isFileReferenced(db: Executor, sha256: string): Promise<boolean> {
  return (await db.selectFrom('intake_attachment').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined;
}

export function listNotes(db: Executor, itemId: string) {
  return db.selectFrom('intake_note').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
}

export function listLinks(db: Executor, itemId: string) {
  return db
    .selectFrom('intake_link')
    .innerJoin('intake_item', 'intake_item.id', 'intake_link.linked_item_id')
    .select(['intake_item.id', 'intake_item.receipt_no'])
    .where('intake_link.item_id', '=', itemId)
    .execute();
}

export function receiptNumbersOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('intake_item').select(['id', 'receipt_no', 'assigned_unit_id', 'station_unit_id']).where('id', 'in', ids).execute();
}

export function listUntriaged(db: Executor, limit: number) {
  return db.selectFrom('intake_item').select('id').where('triaged_at', 'is', null).orderBy('created_at').limit(limit).execute();
}

export function listOverdueUnescalated(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('intake_item')
    .selectAll()
    .where('status', '=', 'queued')
    .where('deadline_at', '<', now)
    .where('escalated_at', 'is', null)
    .orderBy('deadline_at')
    .limit(limit)
    .execute();
}

export type QueueFilter = {
  unitIds: string[] | null;
  category?: string | undefined;
  priority?: string | undefined;
  status?: string | undefined;
  open: boolean;
  overdueAt?: string | undefined;
  claimedBy?: string | undefined;
  before?: string | undefined;
  limit: number;
};

export function listQueue(db: Executor, filter: QueueFilter) {
  let query = db.selectFrom('intake_item').selectAll();
  if (filter.unitIds) {
    const unitIds = filter.unitIds;
    query = query.where((eb) => eb.or([eb('assigned_unit_id', 'in', unitIds), eb('station_unit_id', 'in', unitIds)]));
  }
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.priority) query = query.where('priority', '=', filter.priority);
  if (filter.status) query = query.where('status', '=', filter.status);
  else if (filter.open) query = query.where('status', 'in', [...OPEN_STATUSES]);
  if (filter.overdueAt) query = query.where('deadline_at', '<', filter.overdueAt).where('status', 'in', ['queued', 'received']);
  if (filter.claimedBy) query = query.where('claimed_by', '=', filter.claimedBy);
  if (filter.before) query = query.where('created_at', '<', filter.before);
  return query
    .orderBy((eb) =>
      eb.case().when('priority', '=', 'urgent').then(0).when('priority', '=', 'high').then(1).when('priority', '=', 'normal').then(2).else(3).end(),
    )
    .orderBy('deadline_at')
    .orderBy('created_at', 'desc')
    .limit(filter.limit)
    .execute();
}

export function latestRuleSet(db: Executor) {
  return db.selectFrom('routing_rule_set').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function listRuleSets(db: Executor, limit: number) {
  return db.selectFrom('routing_rule_set').selectAll().orderBy('version', 'desc').limit(limit).execute();
}
