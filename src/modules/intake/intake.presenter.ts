// Rows → API views. Stored JSON columns are parsed here and nowhere else.
import type { Contact, REPORT_TLP_LEVELS } from './intake.contract.ts';
import type { IntakeItemRow } from './intake.repository.ts';
import type { ITEM_KINDS, PRIORITIES, PUBLIC_STAGES, STATUSES } from './intake.taxonomy.ts';

type Status = (typeof STATUSES)[number];

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function isOverdue(row: Pick<IntakeItemRow, 'status' | 'deadline_at'>, now: Date): boolean {
  return (row.status === 'queued' || row.status === 'received') && row.deadline_at !== null && row.deadline_at < now.toISOString();
}

export function presentQueueItem(row: IntakeItemRow, now: Date) {
  return {
    id: row.id,
    receiptNo: row.receipt_no,
    origin: row.origin,
    kind: row.kind as (typeof ITEM_KINDS)[number],
    category: row.category,
    subcategory: row.subcategory,
    summary: row.summary,
    status: row.status as Status,
    priority: row.priority as (typeof PRIORITIES)[number],
    flags: parseJson<string[]>(row.flags, []),
    assignedUnitId: row.assigned_unit_id,
    claimedBy: row.claimed_by,
    deadlineAt: row.deadline_at,
    overdue: isOverdue(row, now),
    escalatedAt: row.escalated_at,
    createdAt: row.created_at,
  };
}

export function presentItemCore(row: IntakeItemRow, now: Date) {
  const routing = parseJson<{ ruleIds?: string[]; guidance?: string[] }>(row.rule_ids, {});
  return {
    ...presentQueueItem(row, now),
    reporterType: row.reporter_type,
    channel: row.channel,
    tlp: row.tlp as (typeof REPORT_TLP_LEVELS)[number],
    stationUnitId: row.station_unit_id,
    description: row.description,
    details: parseJson<Record<string, unknown>>(row.details, {}),
    contact: parseJson<Contact | null>(row.contact, null),
    consentAt: row.consent_at,
    retentionUntil: row.retention_until,
    outcome: row.outcome,
    referredAgency: row.referred_agency,
    caseId: row.case_id,
    mergedIntoId: row.merged_into_id,
    ruleVersion: row.rule_version,
    ruleIds: routing.ruleIds ?? [],
    guidance: routing.guidance ?? [],
    triagedAt: row.triaged_at,
    closedAt: row.closed_at,
  };
}

/** What the reporter's status page may show: the stage, never a name or a unit. */
export function publicStageOf(status: string): (typeof PUBLIC_STAGES)[number] {
  switch (status) {
    case 'received':
      return 'received';
    case 'queued':
      return 'reviewing';
    case 'in_progress':
    case 'monitoring':
      return 'handed_over';
    default:
      return 'done';
  }
}
