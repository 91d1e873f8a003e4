// Cases (事件, M3.2a–d): the record intake opens (事件化) and investigators work. Need-to-know: a
// case is seen by its owner unit, its supporting units and its named members; a sensitive case by
// its named members only, and every read of it is audited. Edits carry the version they were made
// on, so two people editing at once cannot overwrite each other unnoticed.
import { can, type Actor } from '#kernel/auth/index.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import { createMonthlyStats, indexDocument, nextSequenceValue, searchDocuments, snippetOf, tokyoMonthOf, tokyoYear, type Executor } from '#kernel/db/index.ts';
import { AppError } from '#kernel/errors.ts';
import { newId } from '#kernel/ids.ts';
import type { SourceAliases } from '#kernel/hidden-ref.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { NotificationsService } from '#modules/notifications/index.ts';
import type { ObservablesService } from '#modules/observables/index.ts';
import { CASE_TRANSITIONS, type CASE_TLP_LEVELS, type CaseDetail, type CaseStatus, type CreateCaseInput, type UpdateCaseInput } from './cases.contract.ts';
import { caseErrors } from './cases.errors.ts';
import * as repo from './cases.repository.ts';

const CLOSED = new Set(['closed']);
/** Search hits checked for need-to-know together; the search stops once it has enough. */
const SEARCH_CHUNK = 100;
/** The changes that alter the words search finds (title, description, notes); the others skip re-indexing. */
const CHANGES_TO_WORDS = new Set(['case.updated', 'case.noted']);

export type OpenCaseInput = {
  title: string;
  ownerUnitId: string;
  category: string | null;
  subcategory?: string | null;
  openedFromItemId: string | null;
  priority?: string;
  sensitive?: boolean;
  description?: string;
  victim?: unknown;
  damageYen?: number | null;
  /** Becomes the lead and first named member. */
  leadUserId?: string | null;
};

type Lookups = { unitExists(unitId: string): Promise<boolean>; userExists(userId: string): Promise<boolean> };
type Collaborators = { observables: ObservablesService; notifications: NotificationsService; hiddenRefs: SourceAliases };

export const CASE_SOURCE = 'case';

function userActor(actor: Actor): AuditActor {
  return { type: actor.via === 'token' ? 'token' : 'user', id: actor.userId };
}

function presentSummary(row: repo.CaseRow) {
  return {
    id: row.id,
    caseNo: row.case_no,
    title: row.title,
    status: row.status as CaseStatus,
    priority: row.priority as 'urgent' | 'high' | 'normal' | 'low',
    category: row.category,
    subcategory: row.subcategory,
    ownerUnitId: row.owner_unit_id,
    leadUserId: row.lead_user_id,
    sensitive: row.sensitive === 1,
    tlp: row.tlp as (typeof CASE_TLP_LEVELS)[number],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function presentRequest(row: {
  id: string;
  case_id: string;
  requester_id: string;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}) {
  return {
    id: row.id,
    caseId: row.case_id,
    requesterId: row.requester_id,
    reason: row.reason,
    status: row.status as 'pending' | 'granted' | 'refused',
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

export function createCasesService(
  { database, clock, audit, config }: Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'>,
  lookups: Lookups,
  c: Collaborators,
) {
  const db = database.db;

  async function visibility(actor: Pick<Actor, 'userId' | 'unitId'>, row: repo.CaseRow) {
    const access = await repo.accessOf(db, row.id);
    const member = access.members.some((m) => m.user_id === actor.userId);
    const byUnit = actor.unitId !== null && (row.owner_unit_id === actor.unitId || access.units.some((u) => u.unit_id === actor.unitId));
    return { visible: member || (row.sensitive === 0 && byUnit), access };
  }

  /** Loads a case the actor may see; anything else is "not found", so existence does not leak. */
  async function loadVisible(actor: Actor, caseId: string) {
    const row = await repo.findCase(db, caseId);
    if (!row) throw new AppError(caseErrors.not_found, { caseId });
    const { visible, access } = await visibility(actor, row);
    if (!visible) throw new AppError(caseErrors.not_found, { caseId });
    return { row, access };
  }

  /** The case's words in the search index: number, title, description and notes. */
  async function reindex(trx: Executor, caseId: string): Promise<void> {
    const row = await trx.selectFrom('case_record').select(['case_no', 'title', 'description']).where('id', '=', caseId).executeTakeFirst();
    if (!row) return;
    const notes = await trx.selectFrom('case_note').select('body').where('case_id', '=', caseId).orderBy('created_at').execute();
    await indexDocument(trx, database.dialect, {
      kind: 'case',
      refId: caseId,
      title: `${row.case_no} ${row.title}`,
      body: [row.description, ...notes.map((n) => n.body)].join('\n'),
    });
  }

  async function openInTransaction(trx: Executor, actor: AuditActor, input: OpenCaseInput, requestId: string | null) {
    const now = clock.now();
    const year = tokyoYear(now);
    const seq = await nextSequenceValue(trx, `case-${config.receiptPrefix}-${year}`);
    const at = now.toISOString();
    const row = {
      id: newId(now.getTime()),
      case_no: `${config.receiptPrefix}-C-${year}-${String(seq).padStart(4, '0')}`,
      title: input.title,
      status: 'recognized',
      owner_unit_id: input.ownerUnitId,
      category: input.category,
      subcategory: input.subcategory ?? null,
      opened_from_item_id: input.openedFromItemId,
      created_by: actor.type === 'user' || actor.type === 'token' ? actor.id : null,
      created_at: at,
      updated_at: at,
      priority: input.priority ?? 'normal',
      lead_user_id: input.leadUserId ?? null,
      sensitive: input.sensitive ? 1 : 0,
      description: input.description ?? '',
      victim: input.victim ? JSON.stringify(input.victim) : null,
      damage_yen: input.damageYen ?? null,
      version: 1,
    };
    await trx.insertInto('case_record').values(row).execute();
    await trx
      .insertInto('case_status_change')
      .values({ id: newId(), case_id: row.id, from_status: null, to_status: 'recognized', reason: '', changed_by: row.created_by, changed_at: at })
      .execute();
    if (input.leadUserId)
      await trx.insertInto('case_member').values({ case_id: row.id, user_id: input.leadUserId, added_by: row.created_by, added_at: at }).execute();
    await audit.record(trx, {
      actor,
      action: 'case.opened',
      target: { type: 'case', id: row.id },
      changes: { caseNo: row.case_no, from: input.openedFromItemId, ownerUnitId: input.ownerUnitId, sensitive: row.sensitive === 1 },
      requestId,
    });
    await reindex(trx, row.id);
    return { id: row.id, caseNo: row.case_no };
  }

  /** One versioned change: refused when someone else changed the case since `version` was read. */
  async function change(
    actor: Actor,
    caseId: string,
    version: number | null,
    action: string,
    changes: Record<string, unknown>,
    requestId: string | null,
    write: (trx: Executor, at: string) => Promise<void>,
  ) {
    const at = clock.now().toISOString();
    const reindexes = CHANGES_TO_WORDS.has(action);
    await db.transaction().execute(async (trx) => {
      // Only edits of the case's own fields carry and bump the version; notes, tasks and members
      // are additions that cannot overwrite anyone, so they leave an open edit form valid.
      const result =
        version === null
          ? await trx.updateTable('case_record').set({ updated_at: at }).where('id', '=', caseId).executeTakeFirst()
          : await trx
              .updateTable('case_record')
              .set((eb) => ({ version: eb(eb.ref('version'), '+', 1), updated_at: at }))
              .where('id', '=', caseId)
              .where('version', '=', version)
              .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx.selectFrom('case_record').select('version').where('id', '=', caseId).executeTakeFirst();
        throw new AppError(caseErrors.version_conflict, { expected: version, current: current?.version ?? null });
      }
      await write(trx, at);
      if (reindexes) await reindex(trx, caseId);
      await audit.record(trx, { actor: userActor(actor), action, target: { type: 'case', id: caseId }, changes, requestId });
    });
  }

  type StatisticsGroup = { category: string | null; status: string; owner_unit_id: string; month: string; n: number; damage: number };

  // Counted by the database in groups (100,000 cases are too many rows to load for a page).
  async function statisticsPart(range: { from: string; to: string }): Promise<StatisticsGroup[]> {
    const groups = await db
      .selectFrom('case_record')
      .select((eb) => [
        'category',
        'status',
        'owner_unit_id',
        tokyoMonthOf('created_at', range).as('month'),
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number | string | null>(eb.fn.coalesce('damage_yen', eb.lit(0))).as('damage'),
      ])
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .groupBy(['category', 'status', 'owner_unit_id', 'month'])
      .execute();
    return groups.map((g) => ({ ...g, n: g.n, damage: Number(g.damage ?? 0) }));
  }

  function summarise(parts: StatisticsGroup[][]) {
    const groups = parts.flat();
    const count = (key: (g: StatisticsGroup) => string) => {
      const counts = new Map<string, number>();
      for (const g of groups) counts.set(key(g), (counts.get(key(g)) ?? 0) + g.n);
      return [...counts].map(([k, n]) => ({ key: k, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    };
    return {
      total: groups.reduce((sum, g) => sum + g.n, 0),
      byCategory: count((g) => g.category ?? 'other'),
      byStatus: count((g) => g.status),
      byUnit: count((g) => g.owner_unit_id),
      byMonth: count((g) => g.month).sort((a, b) => a.key.localeCompare(b.key)),
      damageYen: groups.reduce((sum, g) => sum + g.damage, 0),
    };
  }

  const monthlyStatistics = createMonthlyStats({
    db,
    scope: 'case',
    compute: statisticsPart,
    combine: (parts) => {
      const merged = new Map<string, StatisticsGroup>();
      for (const g of parts.flat()) {
        const key = `${g.category ?? ''}\u0000${g.status}\u0000${g.owner_unit_id}\u0000${g.month}`;
        const known = merged.get(key);
        merged.set(key, known ? { ...known, n: known.n + g.n, damage: known.damage + g.damage } : { ...g });
      }
      return [...merged.values()];
    },
    finish: summarise,
  });

  const service = {
    openInTransaction,

    async create(actor: Actor, input: CreateCaseInput, requestId: string | null) {
      const ownerUnitId = input.ownerUnitId ?? actor.unitId;
      if (!ownerUnitId) throw new AppError(caseErrors.no_owner_unit);
      if (!(await lookups.unitExists(ownerUnitId))) throw new AppError(caseErrors.unknown_unit, { unitId: ownerUnitId });
      const created = await db.transaction().execute((trx) =>
        openInTransaction(
          trx,
          userActor(actor),
          {
            title: input.title,
            ownerUnitId,
            category: input.category ?? null,
            subcategory: input.subcategory ?? null,
            openedFromItemId: null,
            priority: input.priority,
            sensitive: input.sensitive,
            description: input.description,
            victim: input.victim,
            damageYen: input.damageYen ?? null,
            leadUserId: actor.userId,
          },
          requestId,
        ),
      );
      return service.detail(actor, created.id, requestId);
    },

    async detail(actor: Actor, caseId: string, requestId: string | null): Promise<CaseDetail> {
      const { row, access } = await loadVisible(actor, caseId);
      if (row.sensitive === 1) {
        // Every read of a sensitive case is on record.
        await db
          .transaction()
          .execute((trx) => audit.record(trx, { actor: userActor(actor), action: 'case.read', target: { type: 'case', id: caseId }, changes: {}, requestId }));
      }
      const [history, notes, tasks] = await Promise.all([
        db.selectFrom('case_status_change').selectAll().where('case_id', '=', caseId).orderBy('changed_at').orderBy('id').execute(),
        db.selectFrom('case_note').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
        db.selectFrom('case_task').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
      ]);
      return {
        ...presentSummary(row),
        version: row.version,
        description: row.description,
        victim: row.victim ? (JSON.parse(row.victim) as CaseDetail['victim']) : null,
        damageYen: row.damage_yen,
        openedFromItemId: row.opened_from_item_id,
        allowedTransitions: [...(CASE_TRANSITIONS[row.status as CaseStatus] ?? [])],
        members: access.members.map((m) => ({ userId: m.user_id, addedAt: m.added_at })),
        supportUnits: access.units.map((u) => ({ unitId: u.unit_id, addedAt: u.added_at })),
        statusHistory: history.map((h) => ({ from: h.from_status, to: h.to_status, reason: h.reason, changedBy: h.changed_by, changedAt: h.changed_at })),
        notes: notes.map((n) => ({ id: n.id, body: n.body, authorId: n.author_id, createdAt: n.created_at })),
        tasks: tasks.map((t) => ({ id: t.id, title: t.title, assigneeId: t.assignee_id, dueAt: t.due_at, doneAt: t.done_at, createdAt: t.created_at })),
      };
    },

    async list(
      actor: Actor,
      query: { status?: string | undefined; unitId?: string | undefined; category?: string | undefined; mine?: string | undefined; limit: number },
    ) {
      const rows = await repo.listVisible(db, actor, { ...query, mine: query.mine === 'true' });
      return { items: rows.map(presentSummary) };
    },

    async update(actor: Actor, caseId: string, input: UpdateCaseInput, requestId: string | null) {
      await loadVisible(actor, caseId);
      if (input.leadUserId && !(await lookups.userExists(input.leadUserId))) throw new AppError(caseErrors.unknown_user, { userId: input.leadUserId });
      const { version, ...fields } = input;
      await change(actor, caseId, version, 'case.updated', fields, requestId, async (trx, at) => {
        const set: Partial<repo.CaseRow> = {};
        if (fields.title !== undefined) set.title = fields.title;
        if (fields.priority !== undefined) set.priority = fields.priority;
        if (fields.description !== undefined) set.description = fields.description;
        if (fields.victim !== undefined) set.victim = fields.victim === null ? null : JSON.stringify(fields.victim);
        if (fields.damageYen !== undefined) set.damage_yen = fields.damageYen;
        if (fields.sensitive !== undefined) set.sensitive = fields.sensitive ? 1 : 0;
        if (fields.tlp !== undefined) set.tlp = fields.tlp;
        if (fields.leadUserId !== undefined) set.lead_user_id = fields.leadUserId;
        if (Object.keys(set).length > 0) await trx.updateTable('case_record').set(set).where('id', '=', caseId).execute();
        // The new lead, and whoever marks the case sensitive, become named members: a sensitive
        // case is seen by its named members only, so nobody locks themselves out by saving.
        const newMembers = [fields.leadUserId, fields.sensitive === true ? actor.userId : null].filter((id): id is string => Boolean(id));
        for (const userId of new Set(newMembers)) {
          await trx
            .insertInto('case_member')
            .values({ case_id: caseId, user_id: userId, added_by: actor.userId, added_at: at })
            .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
            .execute();
        }
      });
      return service.detail(actor, caseId, requestId);
    },

    async transition(actor: Actor, caseId: string, to: CaseStatus, reason: string, version: number, requestId: string | null) {
      const { row } = await loadVisible(actor, caseId);
      const allowed = CASE_TRANSITIONS[row.status as CaseStatus] ?? [];
      if (!allowed.includes(to)) throw new AppError(caseErrors.invalid_transition, { from: row.status, to, allowed: allowed.join(', ') });
      await change(actor, caseId, version, 'case.status_changed', { from: row.status, to, reason }, requestId, async (trx, at) => {
        await trx.updateTable('case_record').set({ status: to }).where('id', '=', caseId).execute();
        await trx
          .insertInto('case_status_change')
          .values({ id: newId(), case_id: caseId, from_status: row.status, to_status: to, reason, changed_by: actor.userId, changed_at: at })
          .execute();
      });
      return service.detail(actor, caseId, requestId);
    },

    async addMember(actor: Actor, caseId: string, userId: string, requestId: string | null) {
      await loadVisible(actor, caseId);
      if (!(await lookups.userExists(userId))) throw new AppError(caseErrors.unknown_user, { userId });
      await change(actor, caseId, null, 'case.member_added', { userId }, requestId, async (trx, at) => {
        await trx
          .insertInto('case_member')
          .values({ case_id: caseId, user_id: userId, added_by: actor.userId, added_at: at })
          .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
          .execute();
      });
      return service.detail(actor, caseId, requestId);
    },

    async removeMember(actor: Actor, caseId: string, userId: string, requestId: string | null) {
      const { row, access } = await loadVisible(actor, caseId);
      if (row.sensitive === 1 && access.members.length <= 1) throw new AppError(caseErrors.last_member_of_sensitive);
      if (row.lead_user_id === userId) throw new AppError(caseErrors.lead_must_stay);
      await change(actor, caseId, null, 'case.member_removed', { userId }, requestId, async (trx) => {
        await trx.deleteFrom('case_member').where('case_id', '=', caseId).where('user_id', '=', userId).execute();
      });
      return service.detail(actor, caseId, requestId);
    },

    /** M3.2b: another unit supports the case and sees it from now on. */
    async addSupportUnit(actor: Actor, caseId: string, unitId: string, requestId: string | null) {
      await loadVisible(actor, caseId);
      if (!(await lookups.unitExists(unitId))) throw new AppError(caseErrors.unknown_unit, { unitId });
      await change(actor, caseId, null, 'case.support_unit_added', { unitId }, requestId, async (trx, at) => {
        await trx
          .insertInto('case_support_unit')
          .values({ case_id: caseId, unit_id: unitId, added_by: actor.userId, added_at: at })
          .onConflict((oc) => oc.columns(['case_id', 'unit_id']).doNothing())
          .execute();
      });
      return service.detail(actor, caseId, requestId);
    },

    /**
     * M3.2b inside a sub-workspace's transaction, for an actor it authorised itself (the cyber
     * division accepting a support request, before it may see the case). Units do not see a
     * sensitive case, so there the actor also becomes a named member. Audited as above.
     */
    async addSupportUnitIn(trx: Executor, actor: Actor, caseId: string, unitId: string, at: string, requestId: string | null) {
      await trx
        .insertInto('case_support_unit')
        .values({ case_id: caseId, unit_id: unitId, added_by: actor.userId, added_at: at })
        .onConflict((oc) => oc.columns(['case_id', 'unit_id']).doNothing())
        .execute();
      const row = await trx.selectFrom('case_record').select('sensitive').where('id', '=', caseId).executeTakeFirst();
      const asMember = row?.sensitive === 1;
      if (asMember) {
        await trx
          .insertInto('case_member')
          .values({ case_id: caseId, user_id: actor.userId, added_by: actor.userId, added_at: at })
          .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
          .execute();
      }
      await service.touch(trx, caseId, at);
      const changes = asMember ? { unitId, memberId: actor.userId } : { unitId };
      await audit.record(trx, { actor: userActor(actor), action: 'case.support_unit_added', target: { type: 'case', id: caseId }, changes, requestId });
    },

    async removeSupportUnit(actor: Actor, caseId: string, unitId: string, requestId: string | null) {
      await loadVisible(actor, caseId);
      await change(actor, caseId, null, 'case.support_unit_removed', { unitId }, requestId, async (trx) => {
        await trx.deleteFrom('case_support_unit').where('case_id', '=', caseId).where('unit_id', '=', unitId).execute();
      });
      return service.detail(actor, caseId, requestId);
    },

    async addNote(actor: Actor, caseId: string, body: string, requestId: string | null) {
      await loadVisible(actor, caseId);
      await change(actor, caseId, null, 'case.noted', { length: body.length }, requestId, async (trx, at) => {
        await trx.insertInto('case_note').values({ id: newId(), case_id: caseId, body, author_id: actor.userId, created_at: at }).execute();
      });
      return service.detail(actor, caseId, requestId);
    },

    async addTask(actor: Actor, caseId: string, input: { title: string; assigneeId: string | null; dueAt: string | null }, requestId: string | null) {
      await loadVisible(actor, caseId);
      if (input.assigneeId && !(await lookups.userExists(input.assigneeId))) throw new AppError(caseErrors.unknown_user, { userId: input.assigneeId });
      await change(
        actor,
        caseId,
        null,
        'case.task_added',
        { title: input.title, assigneeId: input.assigneeId, dueAt: input.dueAt },
        requestId,
        async (trx, at) => {
          await trx
            .insertInto('case_task')
            .values({
              id: newId(),
              case_id: caseId,
              title: input.title,
              assignee_id: input.assigneeId,
              due_at: input.dueAt,
              done_at: null,
              created_by: actor.userId,
              created_at: at,
            })
            .execute();
        },
      );
      return service.detail(actor, caseId, requestId);
    },

    async completeTask(actor: Actor, caseId: string, taskId: string, requestId: string | null) {
      await loadVisible(actor, caseId);
      await change(actor, caseId, null, 'case.task_done', { taskId }, requestId, async (trx, at) => {
        const done = await trx
          .updateTable('case_task')
          .set({ done_at: at })
          .where('id', '=', taskId)
          .where('case_id', '=', caseId)
          .where('done_at', 'is', null)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw new AppError(caseErrors.not_found, { taskId });
      });
      return service.detail(actor, caseId, requestId);
    },

    /** The case's observables and every correlation: cases the viewer may not open show their owner unit and an id to ask for access. */
    async observables(actor: Actor, caseId: string) {
      await loadVisible(actor, caseId);
      const [observables, hits] = await Promise.all([
        c.observables.observablesOfSource(CASE_SOURCE, caseId),
        c.observables.correlate(actor, CASE_SOURCE, caseId),
      ]);
      const caseIds = hits.filter((h) => h.sourceType === CASE_SOURCE && h.sourceId).map((h) => h.sourceId as string);
      const seen = await service.casesAsSeenBy(actor, caseIds);
      const named = new Map<string, string>();
      const owners = new Map<string, string>();
      for (const [id, row] of seen) {
        owners.set(id, row.ownerUnitId);
        if (row.visible) named.set(id, row.caseNo);
      }
      return {
        observables,
        hits: await Promise.all(
          hits.map(async (h) => {
            if (h.sourceType === CASE_SOURCE && h.sourceId) {
              const label = named.get(h.sourceId) ?? null;
              // A case the viewer may not open is named by a sealed reference only: enough to ask
              // its lead for access, nothing of its id.
              const sourceId = label !== null ? h.sourceId : await c.hiddenRefs.aliasOf(actor.userId, { sourceType: CASE_SOURCE, sourceId: h.sourceId });
              return {
                sourceType: h.sourceType,
                sourceId,
                label,
                ownerUnitId: owners.get(h.sourceId) ?? h.ownerUnitId,
                shared: h.shared,
                mayOpen: label !== null,
              };
            }
            const mayOpen = h.sourceType === 'report' && can(actor, 'intake.read_all') && h.sourceId !== null;
            return { sourceType: h.sourceType, sourceId: mayOpen ? h.sourceId : null, label: null, ownerUnitId: h.ownerUnitId, shared: h.shared, mayOpen };
          }),
        ),
      };
    },

    /** Records the observables found in a text (a log, a ransom note, a header) as sightings of the case. */
    async recordObservables(actor: Actor, caseId: string, text: string, requestId: string | null) {
      const { row } = await loadVisible(actor, caseId);
      await c.observables.recordText(
        userActor(actor),
        { sourceType: CASE_SOURCE, sourceId: caseId, ownerUnitId: row.owner_unit_id, restricted: row.sensitive === 1 },
        text,
        requestId,
      );
      return service.observables(actor, caseId);
    },

    /** Asks the lead of a case the requester may not open for access. */
    /**
     * 閲覧を申請. `caseRef` is a case id, or the sealed reference (`hidden:…`) a viewer was given for
     * a case they may not open; then the answer names the request by that reference, never the id.
     */
    async requestAccess(actor: Actor, caseRef: string, reason: string, requestId: string | null) {
      const sealed = caseRef.startsWith('hidden:');
      const opened = sealed ? await c.hiddenRefs.sourceOf(actor.userId, caseRef) : { sourceType: CASE_SOURCE, sourceId: caseRef };
      const caseId = opened?.sourceType === CASE_SOURCE ? opened.sourceId : null;
      const row = caseId ? await repo.findCase(db, caseId) : undefined;
      if (!row || !caseId) throw new AppError(caseErrors.not_found, sealed ? {} : { caseId: caseRef });
      if ((await visibility(actor, row)).visible) throw new AppError(caseErrors.already_member);
      const at = clock.now().toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_access_request')
          .values({ id, case_id: caseId, requester_id: actor.userId, reason, status: 'pending', decided_by: null, decided_at: null, created_at: at })
          .execute();
        await audit.record(trx, {
          actor: userActor(actor),
          action: 'case.access_requested',
          target: { type: 'case', id: caseId },
          changes: { requestId: id, reason },
          requestId,
        });
        if (row.lead_user_id) {
          await c.notifications.notify(trx, {
            userIds: [row.lead_user_id],
            kind: 'case.access_requested',
            subject: { type: 'case', id: caseId },
            params: { caseNo: row.case_no },
          });
        }
      });
      const view = presentRequest(await db.selectFrom('case_access_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      return sealed ? { ...view, caseId: caseRef } : view;
    },

    async accessRequests(actor: Actor, caseId: string) {
      await loadVisible(actor, caseId);
      const rows = await db.selectFrom('case_access_request').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
      return { items: rows.map(presentRequest) };
    },

    /** The lead grants (the requester becomes a named member) or refuses. */
    async decideAccess(actor: Actor, caseId: string, accessRequestId: string, decision: 'grant' | 'refuse', requestId: string | null) {
      const { row } = await loadVisible(actor, caseId);
      if (row.lead_user_id !== actor.userId) throw new AppError(caseErrors.not_lead);
      const request = await db.selectFrom('case_access_request').selectAll().where('id', '=', accessRequestId).where('case_id', '=', caseId).executeTakeFirst();
      if (!request) throw new AppError(caseErrors.not_found, { accessRequestId });
      if (request.status !== 'pending') throw new AppError(caseErrors.request_decided, { status: request.status });
      const status = decision === 'grant' ? 'granted' : 'refused';
      await change(actor, caseId, null, `case.access_${status}`, { requester: request.requester_id }, requestId, async (trx, at) => {
        await trx.updateTable('case_access_request').set({ status, decided_by: actor.userId, decided_at: at }).where('id', '=', accessRequestId).execute();
        if (status === 'granted') {
          await trx
            .insertInto('case_member')
            .values({ case_id: caseId, user_id: request.requester_id, added_by: actor.userId, added_at: at })
            .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
            .execute();
        }
        await c.notifications.notify(trx, {
          userIds: [request.requester_id],
          kind: `case.access_${status}`,
          subject: { type: 'case', id: caseId },
          params: { caseNo: row.case_no },
        });
      });
      return presentRequest(await db.selectFrom('case_access_request').selectAll().where('id', '=', accessRequestId).executeTakeFirstOrThrow());
    },

    /** Counts for the statistics page (M3.2): by category, status, owner unit and Japanese month, damage in yen. */
    async statistics(range: { from: string; to: string }) {
      return monthlyStatistics.get(range);
    },

    /** Cases the viewer may see whose number, title, description or notes contain every word. */
    async search(actor: Actor, query: string, limit: number) {
      const hits = await searchDocuments(db, database.dialect, query, ['case'], 500);
      const found = [];
      // Need-to-know a chunk of hits at a time (three queries a chunk, not three a hit), until enough.
      for (let start = 0; start < hits.length && found.length < limit; start += SEARCH_CHUNK) {
        const chunk = hits.slice(start, start + SEARCH_CHUNK);
        const seen = await service.casesAsSeenBy(
          actor,
          chunk.map((h) => h.refId),
        );
        for (const hit of chunk) {
          const row = seen.get(hit.refId);
          if (!row?.visible) continue;
          const inTitle = snippetOf(hit.title, query);
          found.push({
            kind: 'case' as const,
            id: row.id,
            label: row.caseNo,
            title: row.title,
            status: row.status,
            ...(inTitle.highlights.length > 0 ? inTitle : snippetOf(hit.body, query)),
          });
          if (found.length >= limit) break;
        }
      }
      return found;
    },

    async get(caseId: string) {
      return repo.findCase(db, caseId);
    },

    /**
     * For the case's sub-workspaces (evidence, cooperation, attribution, graph): the case if the
     * actor may see it, else `case.not_found` so that existence does not leak. A read of a
     * sensitive case is audited as `case.read` with `part` naming what was read.
     */
    async visibleCase(actor: Actor, caseId: string, part: string, requestId: string | null) {
      const { row, access } = await loadVisible(actor, caseId);
      if (row.sensitive === 1) {
        await db
          .transaction()
          .execute((trx) =>
            audit.record(trx, { actor: userActor(actor), action: 'case.read', target: { type: 'case', id: caseId }, changes: { part }, requestId }),
          );
      }
      return {
        id: row.id,
        caseNo: row.case_no,
        title: row.title,
        status: row.status as CaseStatus,
        ownerUnitId: row.owner_unit_id,
        leadUserId: row.lead_user_id,
        sensitive: row.sensitive === 1,
        memberIds: access.members.map((m) => m.user_id),
        supportUnitIds: access.units.map((u) => u.unit_id),
      };
    },

    async findIdByNumber(caseNo: string): Promise<string | null> {
      const row = await db.selectFrom('case_record').select('id').where('case_no', '=', caseNo.trim().toUpperCase()).executeTakeFirst();
      return row?.id ?? null;
    },

    /** Marks the case changed (updated_at) inside a sub-workspace's own transaction. */
    async touch(trx: Executor, caseId: string, at: string) {
      await trx.updateTable('case_record').set({ updated_at: at }).where('id', '=', caseId).execute();
    },

    /** Which of these cases are still open. */
    async openAmong(caseIds: string[]): Promise<Set<string>> {
      if (caseIds.length === 0) return new Set();
      const rows = await db.selectFrom('case_record').select(['id', 'status']).where('id', 'in', caseIds).execute();
      return new Set(rows.filter((r) => !CLOSED.has(r.status)).map((r) => r.id));
    },

    /** Case numbers of the cases among these that the viewer may see; the others stay unnamed. */
    async visibleNumbers(actor: Pick<Actor, 'userId' | 'unitId'>, caseIds: string[]): Promise<Map<string, string>> {
      const named = new Map<string, string>();
      for (const [id, seen] of await service.casesAsSeenBy(actor, caseIds)) if (seen.visible) named.set(id, seen.caseNo);
      return named;
    },

    /**
     * Need-to-know for many cases in three queries (the link graph): each existing case either as
     * the viewer may see it, or, for one the viewer may not, its owner unit and nothing else.
     * The same rule as `visibility`: a named member, or (unless sensitive) the owner or a supporting unit.
     */
    async casesAsSeenBy(actor: Pick<Actor, 'userId' | 'unitId'>, caseIds: string[]) {
      type Seen =
        | {
            visible: true;
            id: string;
            caseNo: string;
            title: string;
            status: CaseStatus;
            ownerUnitId: string;
            sensitive: boolean;
            openedFromItemId: string | null;
          }
        | { visible: false; ownerUnitId: string };
      const seen = new Map<string, Seen>();
      const ids = [...new Set(caseIds)];
      if (ids.length === 0) return seen;
      const [rows, memberOf, supportedBy] = await Promise.all([
        db.selectFrom('case_record').selectAll().where('id', 'in', ids).execute(),
        db.selectFrom('case_member').select('case_id').where('case_id', 'in', ids).where('user_id', '=', actor.userId).execute(),
        actor.unitId === null
          ? Promise.resolve([])
          : db.selectFrom('case_support_unit').select('case_id').where('case_id', 'in', ids).where('unit_id', '=', actor.unitId).execute(),
      ]);
      const members = new Set(memberOf.map((m) => m.case_id));
      const supported = new Set(supportedBy.map((s) => s.case_id));
      for (const row of rows) {
        const byUnit = actor.unitId !== null && (row.owner_unit_id === actor.unitId || supported.has(row.id));
        const visible = members.has(row.id) || (row.sensitive === 0 && byUnit);
        seen.set(
          row.id,
          visible
            ? {
                visible: true,
                id: row.id,
                caseNo: row.case_no,
                title: row.title,
                status: row.status as CaseStatus,
                ownerUnitId: row.owner_unit_id,
                sensitive: row.sensitive === 1,
                openedFromItemId: row.opened_from_item_id,
              }
            : { visible: false, ownerUnitId: row.owner_unit_id },
        );
      }
      return seen;
    },
  };
  return service;
}

export type CasesService = ReturnType<typeof createCasesService>;
