// Queries of the case timeline: one per source table, each the newest `limit` rows of the case
// strictly before `before`, so a page costs one bounded query per kind however long the case.
import { sql } from 'kysely';
import type { Executor } from '#kernel/db/index.ts';
import { NOTE_EXCERPT_CHARS } from './timeline.contract.ts';

/** Which rows one query reads: the case, the page's upper bound (exclusive) and how many. */
export type TimelineWindow = { caseId: string; before: string; limit: number };

export function statusChanges(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_status_change')
    .select(['id', 'from_status', 'to_status', 'reason', 'changed_by', 'changed_at'])
    .where('case_id', '=', w.caseId)
    .where('changed_at', '<', w.before)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .execute();
}

export function notes(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_note')
    .select(['id', 'author_id', 'created_at'])
    .select([sql<string>`substr(body, 1, ${sql.lit(NOTE_EXCERPT_CHARS)})`.as('excerpt'), sql<number>`length(body)`.as('body_chars')])
    .where('case_id', '=', w.caseId)
    .where('created_at', '<', w.before)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .execute();
}

export function tasksAdded(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_task')
    .select(['id', 'title', 'assignee_id', 'due_at', 'created_by', 'created_at'])
    .where('case_id', '=', w.caseId)
    .where('created_at', '<', w.before)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .execute();
}

export function tasksDone(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_task')
    .select(['id', 'title', 'done_at'])
    .where('case_id', '=', w.caseId)
    .where('done_at', 'is not', null)
    .where('done_at', '<', w.before)
    .orderBy('done_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .execute();
}

/** Custody events of the case's evidence with these actions (reads of a file are left out by the caller). */
export function custodyEvents(db: Executor, w: TimelineWindow, actions: readonly string[]) {
  return db
    .selectFrom('custody_event as ce')
    .innerJoin('evidence_item as ei', 'ei.id', 'ce.evidence_id')
    .select(['ce.id', 'ce.evidence_id', 'ce.action', 'ce.actor_id', 'ce.to_holder_id', 'ce.location', 'ce.at', 'ei.evidence_no', 'ei.title'])
    .where('ei.case_id', '=', w.caseId)
    .where('ce.action', 'in', actions)
    .where('ce.at', '<', w.before)
    .orderBy('ce.at', 'desc')
    .orderBy('ce.seq', 'desc')
    .limit(w.limit)
    .execute();
}

/** A record type of the cooperation history and the actions of it to read. */
export type CooperationFilter = { recordType: 'support_request' | 'external' | 'international'; actions: readonly string[] };

/** History of the case's support requests, joint investigations/NCU referrals and international requests. */
export function cooperationEvents(db: Executor, w: TimelineWindow, filters: readonly CooperationFilter[]) {
  return db
    .selectFrom('case_cooperation_event as ev')
    .leftJoin('case_support_request as sr', (join) => join.onRef('sr.id', '=', 'ev.record_id').on('ev.record_type', '=', 'support_request'))
    .leftJoin('case_external_cooperation as ex', (join) => join.onRef('ex.id', '=', 'ev.record_id').on('ev.record_type', '=', 'external'))
    .leftJoin('case_international_request as ir', (join) => join.onRef('ir.id', '=', 'ev.record_id').on('ev.record_type', '=', 'international'))
    .select(['ev.id', 'ev.record_type', 'ev.record_id', 'ev.action', 'ev.to_status', 'ev.actor_id', 'ev.at'])
    .select(['sr.kind as support_kind', 'ex.kind as external_kind', 'ex.counterpart', 'ir.direction', 'ir.country_code', 'ir.agency'])
    .where('ev.case_id', '=', w.caseId)
    .where((eb) => eb.or(filters.map((f) => eb.and([eb('ev.record_type', '=', f.recordType), eb('ev.action', 'in', f.actions)]))))
    .where('ev.at', '<', w.before)
    .orderBy('ev.at', 'desc')
    .orderBy('ev.id', 'desc')
    .limit(w.limit)
    .execute();
}

export function attributions(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_attribution as ca')
    .innerJoin('threat', 'threat.id', 'ca.threat_id')
    .select(['ca.threat_id', 'ca.confidence', 'ca.created_by', 'ca.created_at', 'threat.name', 'threat.kind'])
    .where('ca.case_id', '=', w.caseId)
    .where('ca.created_at', '<', w.before)
    .orderBy('ca.created_at', 'desc')
    .orderBy('ca.threat_id', 'desc')
    .limit(w.limit)
    .execute();
}

/**
 * Reports and consultations of the case, dated when they joined it: intake closes an item as
 * `case_opened` at the moment it opens the case from it or links it (closed_at).
 */
export function linkedReports(db: Executor, w: TimelineWindow) {
  const linkedAt = sql<string>`coalesce(closed_at, created_at)`;
  return db
    .selectFrom('intake_item')
    .select(['id', 'receipt_no', 'kind', 'summary', 'assigned_unit_id', 'station_unit_id', linkedAt.as('linked_at')])
    .where('case_id', '=', w.caseId)
    .where(linkedAt, '<', w.before)
    .orderBy(linkedAt, 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .execute();
}

export function membersAdded(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_member')
    .select(['user_id', 'added_by', 'added_at'])
    .where('case_id', '=', w.caseId)
    .where('added_at', '<', w.before)
    .orderBy('added_at', 'desc')
    .orderBy('user_id', 'desc')
    .limit(w.limit)
    .execute();
}

export function supportUnitsAdded(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_support_unit')
    .select(['unit_id', 'added_by', 'added_at'])
    .where('case_id', '=', w.caseId)
    .where('added_at', '<', w.before)
    .orderBy('added_at', 'desc')
    .orderBy('unit_id', 'desc')
    .limit(w.limit)
    .execute();
}

export function accessRequested(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_access_request')
    .select(['id', 'requester_id', 'created_at'])
    .where('case_id', '=', w.caseId)
    .where('created_at', '<', w.before)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .execute();
}

export function accessDecided(db: Executor, w: TimelineWindow) {
  return db
    .selectFrom('case_access_request')
    .select(['id', 'requester_id', 'status', 'decided_by', 'decided_at'])
    .where('case_id', '=', w.caseId)
    .where('decided_at', 'is not', null)
    .where('decided_at', '<', w.before)
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .execute();
}
