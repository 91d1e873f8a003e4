// Cooperation rows → contract views, with each record's history and the moves still open to it.
import {
  EXTERNAL_TRANSITIONS,
  INTERNATIONAL_TRANSITIONS,
  OPEN_SUPPORT_STATUSES,
  SUPPORT_TRANSITIONS,
  type ExternalCooperationView,
  type ExternalStatus,
  type InternationalRequestView,
  type InternationalStatus,
  type SupportRequestView,
  type SupportStatus,
} from './cooperation.contract.ts';
import type { CooperationEventRow, ExternalCooperationRow, InternationalRequestRow, SupportRequestRow } from './cooperation.repository.ts';

function presentHistory(events: readonly CooperationEventRow[] | undefined) {
  return (events ?? []).map((e) => ({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, actorId: e.actor_id, at: e.at }));
}

/** Open (要請中・受諾済) and its deadline passed. */
export function isSupportOverdue(row: Pick<SupportRequestRow, 'status' | 'deadline_at'>, now: Date): boolean {
  return OPEN_SUPPORT_STATUSES.includes(row.status as SupportStatus) && row.deadline_at < now.toISOString();
}

export function presentSupportRequest(row: SupportRequestRow, events: readonly CooperationEventRow[] | undefined, now: Date): SupportRequestView {
  const status = row.status as SupportStatus;
  return {
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    caseTitle: row.case_sensitive === 1 ? null : row.case_title,
    requesterUnitId: row.requester_unit_id,
    targetUnitId: row.target_unit_id,
    requestedBy: row.requested_by,
    kind: row.kind as SupportRequestView['kind'],
    text: row.request_text,
    deadlineAt: row.deadline_at,
    status,
    allowedTransitions: [...SUPPORT_TRANSITIONS[status]],
    declineReason: row.decline_reason,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    doneAt: row.done_at,
    escalatedAt: row.escalated_at,
    overdue: isSupportOverdue(row, now),
    createdAt: row.created_at,
    history: presentHistory(events),
  };
}

export function presentExternal(row: ExternalCooperationRow, events: readonly CooperationEventRow[] | undefined): ExternalCooperationView {
  const status = row.status as ExternalStatus;
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as ExternalCooperationView['kind'],
    counterpart: row.counterpart,
    status,
    allowedTransitions: [...EXTERNAL_TRANSITIONS[status]],
    summary: row.summary,
    sharedObservables: JSON.parse(row.shared_observables) as ExternalCooperationView['sharedObservables'],
    contactName: row.contact_name,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history: presentHistory(events),
  };
}

export function presentInternational(row: InternationalRequestRow, events: readonly CooperationEventRow[] | undefined): InternationalRequestView {
  const status = row.status as InternationalStatus;
  return {
    id: row.id,
    caseId: row.case_id,
    direction: row.direction as InternationalRequestView['direction'],
    countryCode: row.country_code,
    agency: row.agency,
    channel: row.channel as InternationalRequestView['channel'],
    text: row.request_text,
    deadlineAt: row.deadline_at,
    status,
    allowedTransitions: [...INTERNATIONAL_TRANSITIONS[status]],
    ourReference: row.our_reference,
    theirReference: row.their_reference,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history: presentHistory(events),
  };
}
