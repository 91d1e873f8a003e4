// The case timeline (M3.2a): status changes, notes, tasks, evidence and its custody, cooperation,
// attribution, linked reports, members, supporting units and access requests of one case, newest
// first. Each source is read with one bounded query and the pages are merged here. Reads of a
// file (custody `accessed`) are not events of the case and stay in the custody log only.
import type { Actor } from '#kernel/auth/index.ts';
import type { KernelDeps } from '#kernel/services.ts';
import { CASE_STATUSES } from './cases.contract.ts';
import type { CasesService } from './cases.service.ts';
import {
  EXTERNAL_KINDS,
  EXTERNAL_STATUSES,
  INTERNATIONAL_DIRECTIONS,
  INTERNATIONAL_STATUSES,
  SUPPORT_KINDS,
  SUPPORT_STATUSES,
} from './cooperation.contract.ts';
import type { CustodyAction } from './evidence.contract.ts';
import {
  EVIDENCE_EVENT_KINDS,
  NOTE_EXCERPT_CHARS,
  TIMELINE_KINDS,
  type CaseTimeline,
  type TimelineEvent,
  type TimelineKind,
  type TimelineQuery,
} from './timeline.contract.ts';
import type { INTERNATIONAL_EVENT_KINDS, JOINT_EVENT_KINDS, SUPPORT_EVENT_KINDS } from './timeline.contract.ts';
import * as repo from './timeline.repository.ts';

type EvidenceEventKind = (typeof EVIDENCE_EVENT_KINDS)[number];
type CooperationKind = (typeof SUPPORT_EVENT_KINDS | typeof JOINT_EVENT_KINDS | typeof INTERNATIONAL_EVENT_KINDS)[number];

/** Who may open a linked report: decided by intake, passed in by the composition root. */
export type MayOpenReport = (actor: Actor, report: { assignedUnitId: string | null; stationUnitId: string | null }) => boolean;

const CUSTODY_KINDS: Readonly<Record<Exclude<CustodyAction, 'accessed'>, EvidenceEventKind>> = {
  collected: 'evidence_collected',
  handed_over: 'custody_handed_over',
  moved: 'custody_moved',
  analysis_requested: 'analysis_requested',
  analysis_accepted: 'analysis_accepted',
  analysis_declined: 'analysis_declined',
  analysis_result: 'analysis_result',
  returned: 'evidence_returned',
  disposed: 'evidence_disposed',
  integrity_failed: 'evidence_integrity_failed',
};

/** Which history rows of which cooperation record make each kind. */
const COOPERATION_KINDS: readonly (repo.CooperationFilter & { kind: CooperationKind })[] = [
  { kind: 'support_requested', recordType: 'support_request', actions: ['requested'] },
  { kind: 'support_answered', recordType: 'support_request', actions: ['accepted', 'declined', 'done'] },
  { kind: 'support_escalated', recordType: 'support_request', actions: ['escalated'] },
  { kind: 'joint_recorded', recordType: 'external', actions: ['recorded'] },
  { kind: 'joint_updated', recordType: 'external', actions: ['status_changed', 'noted'] },
  { kind: 'international_recorded', recordType: 'international', actions: ['recorded'] },
  { kind: 'international_updated', recordType: 'international', actions: ['status_changed', 'noted'] },
];

/** Later than any stored instant: the first page's bound. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** Newest first; events of the same instant in a fixed order so pages never shuffle. */
function newestFirst(a: TimelineEvent, b: TimelineEvent): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The first `limit` events, without splitting events of one instant across pages (the cursor is
 * an instant): when the page would end inside such a group, the group starts the next page. Only
 * a group larger than `limit` makes a longer page, as it cannot be split.
 */
export function pageOf(events: readonly TimelineEvent[], limit: number): CaseTimeline {
  if (events.length <= limit) return { events: [...events], nextBefore: null };
  const boundary = events[limit]?.at;
  let end = limit;
  while (end > 0 && events[end - 1]?.at === boundary) end -= 1;
  if (end === 0) end = events.findIndex((event) => event.at !== boundary);
  if (end === -1) return { events: [...events], nextBefore: null };
  const page = events.slice(0, end);
  return { events: page, nextBefore: page[page.length - 1]?.at ?? null };
}

type Reader = (w: repo.TimelineWindow, wanted: ReadonlySet<TimelineKind>, actor: Actor) => Promise<TimelineEvent[]>;

export function createCaseTimelineService(
  { database }: Pick<KernelDeps, 'database'>,
  c: { cases: Pick<CasesService, 'visibleCase'>; mayOpenReport: MayOpenReport },
) {
  const db = database.db;

  const readStatus: Reader = async (w) =>
    (await repo.statusChanges(db, w)).flatMap((r) => {
      const to = oneOf(CASE_STATUSES, r.to_status);
      if (!to) return [];
      const params = { from: oneOf(CASE_STATUSES, r.from_status), to, reason: r.reason };
      return [{ id: `status:${r.id}`, at: r.changed_at, kind: 'status_changed' as const, actorId: r.changed_by, link: null, params }];
    });

  const readNotes: Reader = async (w) =>
    (await repo.notes(db, w)).map((r) => ({
      id: `note:${r.id}`,
      at: r.created_at,
      kind: 'note_added' as const,
      actorId: r.author_id,
      link: { type: 'note' as const, id: r.id },
      params: { excerpt: r.excerpt, truncated: r.body_chars > NOTE_EXCERPT_CHARS },
    }));

  const readTasksAdded: Reader = async (w) =>
    (await repo.tasksAdded(db, w)).map((r) => ({
      id: `task_added:${r.id}`,
      at: r.created_at,
      kind: 'task_added' as const,
      actorId: r.created_by,
      link: { type: 'task' as const, id: r.id },
      params: { title: r.title, assigneeId: r.assignee_id, dueAt: r.due_at },
    }));

  // Who ticked a task off is not kept with the task (the audit log has it).
  const readTasksDone: Reader = async (w) =>
    (await repo.tasksDone(db, w)).flatMap((r) =>
      r.done_at
        ? [
            {
              id: `task_done:${r.id}`,
              at: r.done_at,
              kind: 'task_done' as const,
              actorId: null,
              link: { type: 'task' as const, id: r.id },
              params: { title: r.title },
            },
          ]
        : [],
    );

  const readCustody: Reader = async (w, wanted) => {
    const actions = Object.entries(CUSTODY_KINDS).flatMap(([action, kind]) => (wanted.has(kind) ? [action] : []));
    const kindOf = new Map<string, EvidenceEventKind>(Object.entries(CUSTODY_KINDS));
    return (await repo.custodyEvents(db, w, actions)).flatMap((r) => {
      const kind = kindOf.get(r.action);
      if (!kind) return [];
      const params = { evidenceNo: r.evidence_no, title: r.title, toHolderId: r.to_holder_id, location: r.location };
      return [{ id: `custody:${r.id}`, at: r.at, kind, actorId: r.actor_id, link: { type: 'evidence' as const, id: r.evidence_id }, params }];
    });
  };

  const readCooperation: Reader = async (w, wanted) => {
    const filters = COOPERATION_KINDS.filter((entry) => wanted.has(entry.kind));
    const rows = await repo.cooperationEvents(db, w, filters);
    return rows.flatMap((r): TimelineEvent[] => {
      const kind = filters.find((f) => f.recordType === r.record_type && f.actions.includes(r.action))?.kind;
      const common = { id: `cooperation:${r.id}`, at: r.at, actorId: r.actor_id };
      if (kind === 'support_requested' || kind === 'support_answered' || kind === 'support_escalated') {
        const supportKind = oneOf(SUPPORT_KINDS, r.support_kind);
        if (!supportKind) return [];
        const params = { supportKind, to: oneOf(SUPPORT_STATUSES, r.to_status) };
        return [{ ...common, kind, link: { type: 'support_request', id: r.record_id }, params }];
      }
      if (kind === 'joint_recorded' || kind === 'joint_updated') {
        const externalKind = oneOf(EXTERNAL_KINDS, r.external_kind);
        if (!externalKind) return [];
        const params = { externalKind, counterpart: r.counterpart ?? '', to: oneOf(EXTERNAL_STATUSES, r.to_status) };
        return [{ ...common, kind, link: { type: 'external_cooperation', id: r.record_id }, params }];
      }
      const direction = oneOf(INTERNATIONAL_DIRECTIONS, r.direction);
      if (!kind || !direction) return [];
      const params = { direction, countryCode: r.country_code ?? '', agency: r.agency ?? '', to: oneOf(INTERNATIONAL_STATUSES, r.to_status) };
      return [{ ...common, kind, link: { type: 'international_request', id: r.record_id }, params }];
    });
  };

  const readAttributions: Reader = async (w) =>
    (await repo.attributions(db, w)).map((r) => ({
      id: `attribution:${r.threat_id}`,
      at: r.created_at,
      kind: 'attributed' as const,
      actorId: r.created_by,
      link: { type: 'threat' as const, id: r.threat_id },
      params: { threatName: r.name, threatKind: r.kind, confidence: r.confidence },
    }));

  // The case's viewers learn that a report exists; what it says only those who may open it.
  const readReports: Reader = async (w, _wanted, actor) =>
    (await repo.linkedReports(db, w)).map((r) => {
      const mayOpen = c.mayOpenReport(actor, { assignedUnitId: r.assigned_unit_id, stationUnitId: r.station_unit_id });
      return {
        id: `report:${r.id}`,
        at: r.linked_at,
        kind: 'report_linked' as const,
        actorId: null,
        link: mayOpen ? { type: 'report' as const, id: r.id } : null,
        params: { receiptNo: r.receipt_no, mayOpen, reportKind: mayOpen ? r.kind : null, summary: mayOpen ? r.summary : null },
      };
    });

  const readMembers: Reader = async (w) =>
    (await repo.membersAdded(db, w)).map((r) => ({
      id: `member:${r.user_id}`,
      at: r.added_at,
      kind: 'member_added' as const,
      actorId: r.added_by,
      link: null,
      params: { userId: r.user_id },
    }));

  const readSupportUnits: Reader = async (w) =>
    (await repo.supportUnitsAdded(db, w)).map((r) => ({
      id: `support_unit:${r.unit_id}`,
      at: r.added_at,
      kind: 'support_unit_added' as const,
      actorId: r.added_by,
      link: null,
      params: { unitId: r.unit_id },
    }));

  const readAccessRequested: Reader = async (w) =>
    (await repo.accessRequested(db, w)).map((r) => ({
      id: `access_requested:${r.id}`,
      at: r.created_at,
      kind: 'access_requested' as const,
      actorId: r.requester_id,
      link: null,
      params: { requesterId: r.requester_id },
    }));

  const readAccessDecided: Reader = async (w) =>
    (await repo.accessDecided(db, w)).flatMap((r) => {
      const decision = oneOf(['granted', 'refused'] as const, r.status);
      if (!decision || !r.decided_at) return [];
      const params = { requesterId: r.requester_id, decision };
      return [{ id: `access_decided:${r.id}`, at: r.decided_at, kind: 'access_decided' as const, actorId: r.decided_by, link: null, params }];
    });

  const sources: readonly { kinds: readonly TimelineKind[]; read: Reader }[] = [
    { kinds: ['status_changed'], read: readStatus },
    { kinds: ['note_added'], read: readNotes },
    { kinds: ['task_added'], read: readTasksAdded },
    { kinds: ['task_done'], read: readTasksDone },
    { kinds: EVIDENCE_EVENT_KINDS, read: readCustody },
    { kinds: COOPERATION_KINDS.map((entry) => entry.kind), read: readCooperation },
    { kinds: ['attributed'], read: readAttributions },
    { kinds: ['report_linked'], read: readReports },
    { kinds: ['member_added'], read: readMembers },
    { kinds: ['support_unit_added'], read: readSupportUnits },
    { kinds: ['access_requested'], read: readAccessRequested },
    { kinds: ['access_decided'], read: readAccessDecided },
  ];

  return {
    /** The case's events newest first, one page; 404 (case.not_found) for a case the actor may not see. */
    async ofCase(actor: Actor, caseId: string, query: TimelineQuery, requestId: string | null): Promise<CaseTimeline> {
      await c.cases.visibleCase(actor, caseId, 'timeline', requestId);
      const wanted = new Set<TimelineKind>(query.kinds ?? TIMELINE_KINDS);
      // One row more than the page from each source tells whether an older page exists.
      const window = { caseId, before: query.before ? new Date(query.before).toISOString() : END_OF_TIME, limit: query.limit + 1 };
      const chosen = sources.filter((source) => source.kinds.some((kind) => wanted.has(kind)));
      const pages = await Promise.all(chosen.map((source) => source.read(window, wanted, actor)));
      return pageOf(pages.flat().sort(newestFirst), query.limit);
    },
  };
}

export type CaseTimelineService = ReturnType<typeof createCaseTimelineService>;
