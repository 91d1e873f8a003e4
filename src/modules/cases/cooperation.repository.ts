// Queries over the cooperation tables: support requests, joint investigations and NCU referrals,
// international requests, and their one append-only history.
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '#kernel/db/index.ts';
import type {
  CaseCooperationEventTable,
  CaseExternalCooperationTable,
  CaseInternationalRequestTable,
  CaseSupportRequestTable,
} from '#kernel/db/tables/cooperation.ts';
import { newId } from '#kernel/ids.ts';

export type SupportRequestRow = Selectable<CaseSupportRequestTable> & { case_no: string; case_title: string; case_sensitive: number };
export type ExternalCooperationRow = Selectable<CaseExternalCooperationTable>;
export type InternationalRequestRow = Selectable<CaseInternationalRequestTable>;
export type CooperationEventRow = Selectable<CaseCooperationEventTable>;
export type RecordType = 'support_request' | 'external' | 'international';

function supportRequests(db: Executor) {
  return db
    .selectFrom('case_support_request as sr')
    .innerJoin('case_record as c', 'c.id', 'sr.case_id')
    .selectAll('sr')
    .select(['c.case_no as case_no', 'c.title as case_title', 'c.sensitive as case_sensitive']);
}

export function findSupportRequest(db: Executor, id: string) {
  return supportRequests(db).where('sr.id', '=', id).executeTakeFirst();
}

export function supportRequestsOfCase(db: Executor, caseId: string) {
  return supportRequests(db).where('sr.case_id', '=', caseId).orderBy('sr.created_at', 'desc').orderBy('sr.id', 'desc').execute();
}

/** Requests addressed to a unit, open ones (要請中, then 受諾済) first, each group by deadline. */
export function supportRequestsToUnit(db: Executor, unitId: string, statuses: readonly string[] | null, limit: number) {
  let query = supportRequests(db).where('sr.target_unit_id', '=', unitId);
  if (statuses) query = query.where('sr.status', 'in', statuses);
  return query
    .orderBy((eb) => eb.case().when('sr.status', '=', 'requested').then(0).when('sr.status', '=', 'accepted').then(1).else(2).end())
    .orderBy('sr.deadline_at')
    .orderBy('sr.id')
    .limit(limit)
    .execute();
}

export function listUnansweredPastDeadline(db: Executor, nowIso: string, limit: number) {
  return supportRequests(db)
    .where('sr.status', '=', 'requested')
    .where('sr.deadline_at', '<', nowIso)
    .where('sr.escalated_at', 'is', null)
    .orderBy('sr.deadline_at')
    .limit(limit)
    .execute();
}

export async function insertSupportRequest(trx: Executor, row: Insertable<CaseSupportRequestTable>) {
  await trx.insertInto('case_support_request').values(row).execute();
}

/** Moves a request on only from the status it was read in; false when someone else moved it first. */
export async function updateSupportStatus(trx: Executor, id: string, from: string, set: Partial<CaseSupportRequestTable>): Promise<boolean> {
  const result = await trx.updateTable('case_support_request').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markEscalated(trx: Executor, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('case_support_request')
    .set({ escalated_at: at })
    .where('id', '=', id)
    .where('escalated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findExternal(db: Executor, caseId: string, id: string) {
  return db.selectFrom('case_external_cooperation').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
}

export function externalOfCase(db: Executor, caseId: string) {
  return db.selectFrom('case_external_cooperation').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function insertExternal(trx: Executor, row: Insertable<CaseExternalCooperationTable>) {
  await trx.insertInto('case_external_cooperation').values(row).execute();
}

export async function updateExternal(trx: Executor, id: string, from: string, set: Partial<CaseExternalCooperationTable>): Promise<boolean> {
  const result = await trx.updateTable('case_external_cooperation').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findInternational(db: Executor, caseId: string, id: string) {
  return db.selectFrom('case_international_request').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
}

export function internationalOfCase(db: Executor, caseId: string) {
  return db.selectFrom('case_international_request').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function insertInternational(trx: Executor, row: Insertable<CaseInternationalRequestTable>) {
  await trx.insertInto('case_international_request').values(row).execute();
}

export async function updateInternational(trx: Executor, id: string, from: string, set: Partial<CaseInternationalRequestTable>): Promise<boolean> {
  const result = await trx.updateTable('case_international_request').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Events of one instant (the test clock stands still) keep their order through ids that only grow.
let lastEventMs = 0;

export async function appendEvent(trx: Executor, event: Omit<Insertable<CaseCooperationEventTable>, 'id'>) {
  lastEventMs = Math.max(Date.now(), lastEventMs + 1);
  await trx
    .insertInto('case_cooperation_event')
    .values({ id: newId(lastEventMs), ...event })
    .execute();
}

/** The history of each record, oldest first. */
export async function eventsOf(db: Executor, recordIds: string[]): Promise<Map<string, CooperationEventRow[]>> {
  const byRecord = new Map<string, CooperationEventRow[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await db.selectFrom('case_cooperation_event').selectAll().where('record_id', 'in', recordIds).orderBy('at').orderBy('id').execute();
  for (const row of rows) byRecord.set(row.record_id, [...(byRecord.get(row.record_id) ?? []), row]);
  return byRecord;
}
