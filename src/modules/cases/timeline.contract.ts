// The case timeline's shapes (M3.2a): every dated event of a case, newest first, each with
// structured params the UI puts into words from its catalogue (never text rendered here).
// Pure: the web imports it.
import { z } from 'zod';
import { CASE_STATUSES } from './cases.contract.ts';
import { EXTERNAL_KINDS, INTERNATIONAL_DIRECTIONS, SUPPORT_KINDS } from './cooperation.contract.ts';

export const EVIDENCE_EVENT_KINDS = [
  'evidence_collected',
  'custody_handed_over',
  'custody_moved',
  'analysis_requested',
  'analysis_accepted',
  'analysis_declined',
  'analysis_result',
  'evidence_returned',
  'evidence_disposed',
  'evidence_integrity_failed',
] as const;
export const SUPPORT_EVENT_KINDS = ['support_requested', 'support_answered', 'support_escalated'] as const;
export const JOINT_EVENT_KINDS = ['joint_recorded', 'joint_updated'] as const;
export const INTERNATIONAL_EVENT_KINDS = ['international_recorded', 'international_updated'] as const;

export const TIMELINE_KINDS = [
  'status_changed',
  'note_added',
  'task_added',
  'task_done',
  ...EVIDENCE_EVENT_KINDS,
  ...SUPPORT_EVENT_KINDS,
  ...JOINT_EVENT_KINDS,
  ...INTERNATIONAL_EVENT_KINDS,
  'attributed',
  'report_linked',
  'member_added',
  'support_unit_added',
  'access_requested',
  'access_decided',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The filter groups of the UI (状態/メモ/タスク/証拠品/連携/その他). */
export const TIMELINE_FAMILY_NAMES = ['status', 'note', 'task', 'evidence', 'cooperation', 'other'] as const;
export type TimelineFamily = (typeof TIMELINE_FAMILY_NAMES)[number];
/** The kinds in each filter group; every kind is in exactly one. */
export const TIMELINE_FAMILIES: Readonly<Record<TimelineFamily, readonly TimelineKind[]>> = {
  status: ['status_changed'],
  note: ['note_added'],
  task: ['task_added', 'task_done'],
  evidence: EVIDENCE_EVENT_KINDS,
  cooperation: [...SUPPORT_EVENT_KINDS, ...JOINT_EVENT_KINDS, ...INTERNATIONAL_EVENT_KINDS],
  other: ['attributed', 'report_linked', 'member_added', 'support_unit_added', 'access_requested', 'access_decided'],
};

export const TIMELINE_DEFAULT_LIMIT = 100;
export const TIMELINE_MAX_LIMIT = 500;
/** How much of a note the timeline carries; the whole note is in the notes section. */
export const NOTE_EXCERPT_CHARS = 200;

export const TimelineQuery = z.object({
  /** Comma-separated kinds, e.g. `note_added,task_done`; all kinds when absent. */
  kinds: z
    .string()
    .max(2000)
    .transform((value) =>
      value
        .split(',')
        .map((kind) => kind.trim())
        .filter((kind) => kind !== ''),
    )
    .pipe(z.array(z.enum(TIMELINE_KINDS)).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(TIMELINE_MAX_LIMIT).default(TIMELINE_DEFAULT_LIMIT),
  /** Only events strictly before this instant: the previous page's `nextBefore`. */
  before: z.iso.datetime({ offset: true }).optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TIMELINE_LINK_TYPES = [
  'note',
  'task',
  'evidence',
  'support_request',
  'external_cooperation',
  'international_request',
  'threat',
  'report',
] as const;
/** What the UI may open for the event; null when there is nothing (or nothing the viewer may open). */
export const TimelineLink = z.object({ type: z.enum(TIMELINE_LINK_TYPES), id: z.string() }).nullable();

const base = {
  /** Unique within the case's timeline (kind and source row), for list keys. */
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  link: TimelineLink,
};
/**
 * A status that may be absent. Plain text rather than a nullable enum: inside a union the response
 * serialiser validates each branch, and its nullable rewrite (kernel/http/serializer.ts) leaves
 * null outside the enum, so such a branch would never match.
 */
const nullableStatus = z.string().nullable();

const StatusChanged = z.object({
  ...base,
  kind: z.literal('status_changed'),
  params: z.object({ from: nullableStatus, to: z.enum(CASE_STATUSES), reason: z.string() }),
});
const NoteAdded = z.object({ ...base, kind: z.literal('note_added'), params: z.object({ excerpt: z.string(), truncated: z.boolean() }) });
const TaskAdded = z.object({
  ...base,
  kind: z.literal('task_added'),
  params: z.object({ title: z.string(), assigneeId: z.string().nullable(), dueAt: z.string().nullable() }),
});
const TaskDone = z.object({ ...base, kind: z.literal('task_done'), params: z.object({ title: z.string() }) });
const EvidenceEvent = z.object({
  ...base,
  kind: z.enum(EVIDENCE_EVENT_KINDS),
  params: z.object({ evidenceNo: z.string(), title: z.string(), toHolderId: z.string().nullable(), location: z.string() }),
});
const SupportEvent = z.object({
  ...base,
  kind: z.enum(SUPPORT_EVENT_KINDS),
  params: z.object({ supportKind: z.enum(SUPPORT_KINDS), to: nullableStatus }),
});
const JointEvent = z.object({
  ...base,
  kind: z.enum(JOINT_EVENT_KINDS),
  params: z.object({ externalKind: z.enum(EXTERNAL_KINDS), counterpart: z.string(), to: nullableStatus }),
});
const InternationalEvent = z.object({
  ...base,
  kind: z.enum(INTERNATIONAL_EVENT_KINDS),
  params: z.object({
    direction: z.enum(INTERNATIONAL_DIRECTIONS),
    countryCode: z.string(),
    agency: z.string(),
    to: nullableStatus,
  }),
});
const Attributed = z.object({
  ...base,
  kind: z.literal('attributed'),
  params: z.object({ threatName: z.string(), threatKind: z.string(), confidence: z.string() }),
});
/** A report the viewer may not open carries its receipt number only (kind and summary null). */
const ReportLinked = z.object({
  ...base,
  kind: z.literal('report_linked'),
  params: z.object({ receiptNo: z.string(), mayOpen: z.boolean(), reportKind: z.string().nullable(), summary: z.string().nullable() }),
});
const MemberAdded = z.object({ ...base, kind: z.literal('member_added'), params: z.object({ userId: z.string() }) });
const SupportUnitAdded = z.object({ ...base, kind: z.literal('support_unit_added'), params: z.object({ unitId: z.string() }) });
const AccessRequested = z.object({ ...base, kind: z.literal('access_requested'), params: z.object({ requesterId: z.string() }) });
const AccessDecided = z.object({
  ...base,
  kind: z.literal('access_decided'),
  params: z.object({ requesterId: z.string(), decision: z.enum(['granted', 'refused']) }),
});

export const TimelineEvent = z.discriminatedUnion('kind', [
  StatusChanged,
  NoteAdded,
  TaskAdded,
  TaskDone,
  EvidenceEvent,
  SupportEvent,
  JointEvent,
  InternationalEvent,
  Attributed,
  ReportLinked,
  MemberAdded,
  SupportUnitAdded,
  AccessRequested,
  AccessDecided,
]);
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** `nextBefore`: pass as `before` for the next (older) page; null when there is none. */
export const CaseTimeline = z.object({ events: z.array(TimelineEvent), nextBefore: z.string().nullable() });
export type CaseTimeline = z.infer<typeof CaseTimeline>;
