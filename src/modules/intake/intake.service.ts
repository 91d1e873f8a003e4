// Intake (M2.1a, M2.1b, M3.1): public reports and station consultations come in here, get a
// receipt number, are triaged (observables extracted and correlated, routing rules applied, a
// deadline set) and worked from the queue. An accepted submission is committed before triage runs,
// so a crash during triage loses nothing: untriaged items are picked up again.
import { createHmac } from 'node:crypto';
import { SYSTEM_ACTOR, can, type Actor } from '#kernel/auth/index.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import {
  createMonthlyStats,
  mergeSorted,
  indexDocument,
  medianOfSorted,
  nextSequenceValue,
  searchDocuments,
  snippetOf,
  tokyoMonthOf,
  tokyoYear,
  type Executor,
} from '#kernel/db/index.ts';
import { AppError } from '#kernel/errors.ts';
import { t, tokyoTime } from '#kernel/i18n/index.ts';
import type { BlobStore } from '#kernel/files/index.ts';
import { newId, safeEqual, sha256Hex } from '#kernel/ids.ts';
import type { InstallationSecrets } from '#kernel/secrets.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { NotificationsService } from '#modules/notifications/index.ts';
import type { ObservablesService, SightingInput } from '#modules/observables/index.ts';
import type { UnitsService } from '#modules/units/index.ts';
import type { UsersService } from '#modules/accounts/index.ts';
import { attachmentRows, commitFiles, discardAll, rollBackFiles, type IncomingFile } from './intake.attachments.ts';
import type { CloseInput, ConsultationInput, Contact, ItemDetails, PublicReportInput, REPORT_TLP_LEVELS, RoutingRules } from './intake.contract.ts';
import { RoutingRules as RoutingRulesSchema } from './intake.contract.ts';
import { intakeErrors } from './intake.errors.ts';
import { isOverdue, parseJson, presentItemCore, presentQueueItem, publicStageOf } from './intake.presenter.ts';
import * as repo from './intake.repository.ts';
import { DEFAULT_ROUTING_RULES, decideRoute } from './intake.routing.ts';
import { CATEGORIES, CONTACT_RETENTION_YEARS, type Category } from './intake.taxonomy.ts';
import { itemText } from './intake.text.ts';
import { createProofOfWork } from './proof-of-work.ts';

export const REPORT_SOURCE = 'report';

const CASE_SOURCE = 'case';

type Collaborators = {
  blobs: BlobStore;
  secrets: InstallationSecrets;
  observables: ObservablesService;
  units: UnitsService;
  users: UsersService;
  cases: CasesService;
  notifications: NotificationsService;
};

type NewItem = {
  origin: 'public' | 'station';
  kind: string;
  reporterType: string;
  category: Category;
  subcategory: string | undefined;
  channel: string;
  stationUnitId: string | undefined;
  summary: string;
  description: string;
  details: ItemDetails;
  contact: Contact | undefined;
  consent: boolean;
  outcome?: string | undefined;
  referredAgency?: string | undefined;
  createdBy: string | null;
  idempotencyKey: string | null;
};

/** The sub-objects of `details` that belong to a category; the rest is dropped, not stored. */
function detailsFor(category: Category, subcategory: string | undefined, details: ItemDetails): ItemDetails {
  const kept: ItemDetails = {};
  if (details.occurredOn) kept.occurredOn = details.occurredOn;
  const take = (key: Exclude<keyof ItemDetails, 'occurredOn'>) => {
    const value = details[key];
    if (value !== undefined) (kept as Record<string, unknown>)[key] = value;
  };
  if (category === 'fraud' || category === 'crime_infrastructure' || category === 'credit_card_fraud') take('fraud');
  if (category === 'unauthorized_access_malware') {
    if (subcategory === 'phishing' || subcategory === 'targeted_email') take('phishing');
    if (subcategory === 'account_takeover' || subcategory === 'ib_illegal_transfer') {
      take('account');
      take('fraud');
    }
    if (subcategory === 'ib_illegal_transfer') take('fraud');
    if (!['phishing', 'account_takeover', 'ib_illegal_transfer'].includes(subcategory ?? '')) take('incident');
  }
  if (category === 'spam') take('phishing');
  if (category === 'defamation_harassment') take('defamation');
  if (category === 'illegal_harmful_info') take('illegal');
  if (category === 'other') {
    take('fraud');
    take('phishing');
  }
  return kept;
}

export function createIntakeService(deps: KernelDeps, c: Collaborators) {
  const { database, clock, audit, config, logger } = deps;
  const db = database.db;
  const pow = createProofOfWork({
    key: () => c.secrets.get('proof_of_work_key'),
    thresholdPerMinute: config.powThresholdPerMinute,
    difficultyBits: config.powDifficultyBits,
    now: () => clock.now(),
  });

  async function followUpSecret(itemId: string): Promise<string> {
    return createHmac('sha256', await c.secrets.get('follow_up_key'))
      .update(itemId)
      .digest('base64url')
      .slice(0, 24);
  }

  async function cyberDivisionId(): Promise<string | null> {
    return (await c.units.findIdByCode(config.cyberDivisionUnit)) ?? null;
  }

  async function validateNew(item: NewItem): Promise<void> {
    const allowed: readonly string[] = CATEGORIES[item.category];
    if (item.subcategory !== undefined && !allowed.includes(item.subcategory)) {
      throw new AppError(intakeErrors.invalid_subcategory, { category: item.category, subcategory: item.subcategory });
    }
    if (item.origin === 'public' && item.kind === 'consultation' && !item.contact) throw new AppError(intakeErrors.contact_required);
    if (item.origin === 'public' && item.kind !== 'tip' && item.contact && !item.contact.phone && !item.contact.email)
      throw new AppError(intakeErrors.contact_required);
    if (item.contact && item.origin === 'public' && !item.consent) throw new AppError(intakeErrors.consent_required);
    if (item.stationUnitId !== undefined) {
      const unit = await c.units.get(item.stationUnitId).catch(() => undefined);
      if (!unit) throw new AppError(intakeErrors.unknown_station, { stationUnitId: item.stationUnitId });
    }
  }

  /** The item's words in the search index. Contact details are never indexed. */
  async function reindex(trx: Executor, itemId: string): Promise<void> {
    const row = await trx.selectFrom('intake_item').select(['receipt_no', 'summary', 'description', 'details']).where('id', '=', itemId).executeTakeFirst();
    if (!row) return;
    const notes = await trx.selectFrom('intake_note').select('body').where('item_id', '=', itemId).orderBy('created_at').execute();
    const detailWords: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') detailWords.push(value);
      else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
    };
    collect(parseJson<unknown>(row.details, {}));
    await indexDocument(trx, database.dialect, {
      kind: 'report',
      refId: itemId,
      title: `${row.receipt_no} ${row.summary}`,
      body: [row.description, ...detailWords, ...notes.map((n) => n.body)].join('\n'),
    });
  }

  /** Writes the item and its attachments; returns its id and receipt number. */
  async function insertItem(item: NewItem, files: IncomingFile[], requestId: string | null, actor: AuditActor) {
    await validateNew(item);
    const now = clock.now();
    const at = now.toISOString();
    const id = newId(now.getTime());
    const secret = item.origin === 'public' ? await followUpSecret(id) : null;
    // Tips need no contact; whatever the kind, contact is kept only with consent or by an officer.
    const contact = item.kind === 'tip' && item.origin === 'public' ? undefined : item.contact;
    const retention = new Date(now);
    retention.setUTCFullYear(retention.getUTCFullYear() + CONTACT_RETENTION_YEARS);
    const created = await commitFiles(files);
    try {
      const receiptNo = await db.transaction().execute(async (trx) => {
        const year = tokyoYear(now);
        const seq = await nextSequenceValue(trx, `receipt-${config.receiptPrefix}-${year}`);
        const receipt = `${config.receiptPrefix}-${year}-${String(seq).padStart(6, '0')}`;
        const closed = item.outcome !== undefined && item.outcome !== 'monitoring';
        // A consultation recorded at the desk is already in the recording officer's hands.
        const status = closed ? 'closed' : item.outcome === 'monitoring' ? 'monitoring' : item.origin === 'station' ? 'in_progress' : 'received';
        await trx
          .insertInto('intake_item')
          .values({
            id,
            receipt_no: receipt,
            origin: item.origin,
            kind: item.kind,
            reporter_type: item.reporterType,
            category: item.category,
            subcategory: item.subcategory ?? null,
            channel: item.channel,
            station_unit_id: item.stationUnitId ?? null,
            summary: item.summary,
            description: item.description,
            details: JSON.stringify(detailsFor(item.category, item.subcategory, item.details)),
            contact: contact ? JSON.stringify(contact) : null,
            consent_at: contact && item.consent ? at : null,
            retention_until: retention.toISOString(),
            status,
            priority: 'normal',
            flags: '[]',
            assigned_unit_id: item.origin === 'station' ? (item.stationUnitId ?? null) : null,
            claimed_by: item.origin === 'station' ? item.createdBy : null,
            claimed_at: item.origin === 'station' ? at : null,
            deadline_at: null,
            escalated_at: null,
            rule_version: null,
            rule_ids: null,
            outcome: item.outcome ?? null,
            referred_agency: item.referredAgency ?? null,
            case_id: null,
            merged_into_id: null,
            follow_up_hash: secret ? sha256Hex(secret) : null,
            idempotency_key: item.idempotencyKey,
            created_by: item.createdBy,
            triaged_at: null,
            closed_at: closed ? at : null,
            created_at: at,
            updated_at: at,
            tlp: 'amber',
          })
          .execute();
        const rows = attachmentRows(id, files, item.origin === 'public' ? 'reporter' : (item.createdBy ?? 'officer'), at);
        if (rows.length > 0) await trx.insertInto('intake_attachment').values(rows).execute();
        await reindex(trx, id);
        await audit.record(trx, {
          actor,
          action: item.origin === 'public' ? 'intake.reported' : 'intake.consultation_recorded',
          target: { type: 'intake_item', id },
          changes: { receiptNo: receipt, kind: item.kind, category: item.category, attachments: rows.length },
          requestId,
        });
        return receipt;
      });
      return { id, receiptNo, secret, at };
    } catch (error) {
      await rollBackFiles(db, c.blobs, created);
      throw error;
    } finally {
      await discardAll(files);
    }
  }

  // Triage runs behind the requests that accepted the items, in batches: under load many items
  // share two transactions (sightings, then routing), at rest a batch is one item.
  const pending = new Set<string>();
  let runner: Promise<void> | null = null;
  let stopping = false;
  const TRIAGE_BATCH = 64;
  const TRIAGE_GATHER_MS = 25;
  function scheduleTriage(itemId: string): void {
    if (stopping) return;
    pending.add(itemId);
    runner ??= runTriage();
  }
  async function runTriage(): Promise<void> {
    try {
      while (pending.size > 0 && !stopping) {
        // A short pause lets items arriving together share one batch.
        if (pending.size < TRIAGE_BATCH) await new Promise((resolve) => setTimeout(resolve, TRIAGE_GATHER_MS));
        const batch = [...pending].slice(0, TRIAGE_BATCH);
        for (const id of batch) pending.delete(id);
        try {
          await triageBatch(batch);
        } catch (error) {
          logger.error({ err: error, items: batch }, 'triage failed; it is retried by the next sweep');
        }
      }
    } finally {
      runner = null;
    }
  }

  async function currentRules(): Promise<{ version: number; rules: RoutingRules }> {
    const row = await repo.latestRuleSet(db);
    if (!row) return { version: 0, rules: DEFAULT_ROUTING_RULES };
    return { version: row.version, rules: RoutingRulesSchema.parse(JSON.parse(row.rules)) };
  }

  async function unitForRoute(route: string, item: repo.IntakeItemRow): Promise<string | null> {
    if (route === 'station') return item.station_unit_id ?? (await cyberDivisionId());
    if (route === 'cyber_division') return cyberDivisionId();
    return (await c.units.findIdByCode(route)) ?? (await cyberDivisionId());
  }

  async function liaisonsOf(unitIds: (string | null)[]): Promise<string[]> {
    const ids: string[] = [];
    for (const unitId of new Set(unitIds)) {
      if (!unitId) continue;
      const unit = await c.units.get(unitId).catch(() => undefined);
      if (unit?.liaison) ids.push(unit.liaison.id);
    }
    return ids;
  }

  type Triaged = {
    item: repo.IntakeItemRow;
    sightings: SightingInput[];
    decision: ReturnType<typeof decideRoute>;
    version: number;
    unitId: string | null;
    openCases: string[];
    liaisons: string[];
  };

  /** Reads and decides for one item; writes nothing. */
  async function assess(itemId: string, rules: { version: number; rules: RoutingRules }): Promise<Triaged | null> {
    const item = await repo.findItem(db, itemId);
    if (!item || item.triaged_at !== null) return null;
    const attachments = await repo.listAttachments(db, itemId);
    const notes = await repo.listNotes(db, itemId);
    const text = await itemText(
      item,
      attachments,
      c.blobs,
      notes.filter((n) => n.author_kind === 'reporter').map((n) => n.body),
    );
    const { found, sightings } = await c.observables.sightingsOfText(text, {
      sourceType: REPORT_SOURCE,
      sourceId: itemId,
      ownerUnitId: null,
      restricted: false,
    });
    const cases = await c.observables.sourcesSighting(found, CASE_SOURCE);
    const openCases = [...(await c.cases.openAmong(cases.map((x) => x.sourceId)))];
    const details = parseJson<ItemDetails>(item.details, {});
    const decision = decideRoute(rules.rules, {
      kind: item.kind,
      category: item.category,
      subcategory: item.subcategory,
      reporterType: item.reporter_type,
      correlatedWithOpenCase: openCases.length > 0,
      transferOngoing: details.fraud?.transferOngoing === true,
      operationsStopped: details.incident?.operationsStopped === true,
      amountYen: details.fraud?.amountYen ?? null,
    });
    const alreadyHandled = item.status !== 'received';
    const unitId = alreadyHandled ? item.assigned_unit_id : await unitForRoute(decision.route, item);
    for (const sighting of sightings) sighting.ownerUnitId = unitId;
    const liaisons = !alreadyHandled && decision.priority === 'urgent' ? await liaisonsOf([unitId]) : [];
    return { item, sightings, decision, version: rules.version, unitId, openCases, liaisons };
  }

  async function triageBatch(itemIds: string[]): Promise<void> {
    const rules = await currentRules();
    const assessed: Triaged[] = [];
    for (const id of itemIds) {
      const result = await assess(id, rules);
      if (result) assessed.push(result);
    }
    if (assessed.length === 0) return;
    // Sightings first: an item marked triaged always has its observables on record.
    await c.observables.recordSightings(
      SYSTEM_ACTOR,
      assessed.flatMap((a) => a.sightings),
      null,
    );
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      for (const { item, decision, version, unitId, openCases, liaisons } of assessed) {
        const alreadyHandled = item.status !== 'received';
        const deadline = new Date(new Date(item.created_at).getTime() + decision.deadlineMinutes * 60_000).toISOString();
        await trx
          .updateTable('intake_item')
          .set({
            status: alreadyHandled ? item.status : 'queued',
            priority: decision.priority,
            flags: JSON.stringify(decision.flags),
            assigned_unit_id: unitId,
            deadline_at: alreadyHandled ? null : deadline,
            rule_version: version,
            rule_ids: JSON.stringify({ ruleIds: decision.ruleIds, guidance: decision.guidance, openCases }),
            triaged_at: now,
            updated_at: now,
          })
          .where('id', '=', item.id)
          .where('triaged_at', 'is', null)
          .execute();
        await audit.record(trx, {
          actor: SYSTEM_ACTOR,
          action: 'intake.triaged',
          target: { type: 'intake_item', id: item.id },
          changes: { unitId, priority: decision.priority, flags: decision.flags, rules: decision.ruleIds, ruleVersion: version, openCases },
          requestId: null,
        });
        if (liaisons.length > 0) {
          await c.notifications.notify(trx, {
            userIds: liaisons,
            kind: 'intake.urgent',
            subject: { type: 'intake_item', id: item.id },
            params: { receiptNo: item.receipt_no, category: item.category, deadlineAt: deadline },
          });
        }
      }
    });
  }

  async function triage(itemId: string): Promise<void> {
    await triageBatch([itemId]);
  }

  async function loadVisible(actor: Actor, itemId: string) {
    const item = await repo.findItem(db, itemId);
    if (!item || !mayView(actor, item)) throw new AppError(intakeErrors.not_found, { itemId });
    return item;
  }

  function mayView(actor: Actor, item: repo.IntakeItemRow): boolean {
    if (can(actor, 'intake.read_all')) return true;
    return actor.unitId !== null && (item.assigned_unit_id === actor.unitId || item.station_unit_id === actor.unitId);
  }

  async function change(
    actor: AuditActor,
    itemId: string,
    action: string,
    set: Partial<repo.IntakeItemRow>,
    changes: Record<string, unknown>,
    requestId: string | null,
    extra?: (trx: Executor) => Promise<void>,
  ) {
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('intake_item')
        .set({ ...set, updated_at: at })
        .where('id', '=', itemId)
        .execute();
      if (extra) await extra(trx);
      await audit.record(trx, { actor, action, target: { type: 'intake_item', id: itemId }, changes, requestId });
    });
  }

  /** An officer's note: the only change after arrival that adds words, so the only one that re-indexes. */
  async function addOfficerNote(trx: Executor, itemId: string, authorId: string, body: string): Promise<void> {
    await trx
      .insertInto('intake_note')
      .values({ id: newId(), item_id: itemId, author_kind: 'officer', author_id: authorId, body, created_at: clock.now().toISOString() })
      .execute();
    await reindex(trx, itemId);
  }

  /** The case sights the item's observables, so correlation finds the case by them. */
  async function sightInCase(actor: Actor, itemId: string, caseId: string, ownerUnitId: string, requestId: string | null): Promise<void> {
    const seen = await c.observables.observablesOfSource(REPORT_SOURCE, itemId);
    if (seen.length > 0) {
      const seenAt = clock.now().toISOString();
      await c.observables.recordSightings(
        { type: 'user', id: actor.userId },
        seen.map((o) => ({
          type: o.type,
          value: o.value,
          warning: o.warning,
          attributes: null,
          sourceType: CASE_SOURCE,
          sourceId: caseId,
          ownerUnitId,
          restricted: false,
          seenAt,
          start: null,
          end: null,
        })),
        requestId,
      );
    }
  }

  type StatisticsPart = {
    groups: { category: string; kind: string; priority: string; month: string; n: number }[];
    routing: Float64Array;
    handOff: Float64Array;
    toCase: Float64Array;
  };

  // Counts come grouped from the database; the medians need each item's times, read as narrow rows
  // with the case's opening time joined in (1,000,000 items are too many to load whole).
  async function statisticsPart(range: { from: string; to: string }): Promise<StatisticsPart> {
    const inRange = db
      .selectFrom('intake_item')
      .where('intake_item.created_at', '>=', range.from)
      .where('intake_item.created_at', '<', range.to)
      .where('intake_item.status', '!=', 'merged');
    const [groups, times] = await Promise.all([
      inRange
        .select((eb) => ['category', 'kind', 'priority', tokyoMonthOf('intake_item.created_at', range).as('month'), eb.fn.countAll<number>().as('n')])
        .groupBy(['category', 'kind', 'priority', 'month'])
        .execute(),
      inRange
        .leftJoin('case_record', 'case_record.id', 'intake_item.case_id')
        .select(['intake_item.created_at', 'intake_item.triaged_at', 'intake_item.claimed_at', 'case_record.created_at as case_opened_at'])
        .execute(),
    ]);
    const minutes = (to: (r: (typeof times)[number]) => string | null) => {
      const values: number[] = [];
      for (const r of times) {
        const end = to(r);
        if (end !== null) values.push((new Date(end).getTime() - new Date(r.created_at).getTime()) / 60_000);
      }
      return Float64Array.from(values).sort();
    };
    return {
      groups: groups.map((g) => ({ category: g.category, kind: g.kind, priority: g.priority, month: g.month, n: g.n })),
      routing: minutes((r) => r.triaged_at),
      handOff: minutes((r) => r.claimed_at),
      toCase: minutes((r) => r.case_opened_at ?? null),
    };
  }

  /** Groups with the same keys added together. */
  function regroup(groups: StatisticsPart['groups']): StatisticsPart['groups'] {
    const merged = new Map<string, StatisticsPart['groups'][number]>();
    for (const g of groups) {
      const key = `${g.category}\u0000${g.kind}\u0000${g.priority}\u0000${g.month}`;
      const known = merged.get(key);
      merged.set(key, known ? { ...known, n: known.n + g.n } : { ...g });
    }
    return [...merged.values()];
  }

  function summarise(parts: StatisticsPart[]) {
    const groups = parts.flatMap((p) => p.groups);
    const count = (key: (g: (typeof groups)[number]) => string) => {
      const counts = new Map<string, number>();
      for (const g of groups) counts.set(key(g), (counts.get(key(g)) ?? 0) + g.n);
      return [...counts].map(([k, n]) => ({ key: k, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    };
    const median = (lists: Float64Array[]) => {
      const value = medianOfSorted(lists);
      return value === null ? null : Math.round(value * 10) / 10;
    };
    return {
      total: groups.reduce((sum, g) => sum + g.n, 0),
      byCategory: count((g) => g.category),
      byKind: count((g) => g.kind),
      byPriority: count((g) => g.priority),
      byMonth: count((g) => g.month).sort((a, b) => a.key.localeCompare(b.key)),
      medianMinutesToRouting: median(parts.map((p) => p.routing)),
      medianMinutesToHandOff: median(parts.map((p) => p.handOff)),
      medianMinutesToCase: median(parts.map((p) => p.toCase)),
    };
  }

  const monthlyStatistics = createMonthlyStats({
    db,
    scope: 'intake',
    compute: statisticsPart,
    combine: (parts) => ({
      groups: regroup(parts.flatMap((p) => p.groups)),
      routing: mergeSorted(parts.map((p) => p.routing)),
      handOff: mergeSorted(parts.map((p) => p.handOff)),
      toCase: mergeSorted(parts.map((p) => p.toCase)),
    }),
    finish: summarise,
  });

  function assertOpen(item: repo.IntakeItemRow): void {
    if (!(repo.OPEN_STATUSES as readonly string[]).includes(item.status)) throw new AppError(intakeErrors.not_open, { status: item.status });
  }

  const service = {
    pow,

    async challenge() {
      return pow.issue();
    },

    async submitPublic(input: PublicReportInput, files: IncomingFile[], idempotencyKey: string | null, requestId: string | null) {
      try {
        if (input.website) throw new AppError(intakeErrors.rejected);
        // A retry of an accepted submission is answered before any challenge: it adds nothing.
        if (idempotencyKey) {
          const earlier = await repo.findItemByIdempotencyKey(db, idempotencyKey);
          if (earlier) {
            await discardAll(files);
            return await receiptOf(earlier);
          }
        }
        if (pow.isRequired() && !(await pow.verify(input.powChallenge, input.powNonce))) throw new AppError(intakeErrors.proof_of_work_required);
      } catch (error) {
        await discardAll(files);
        throw error;
      }
      try {
        const created = await insertItem(
          {
            origin: 'public',
            kind: input.kind,
            reporterType: input.reporterType,
            category: input.category,
            subcategory: input.subcategory,
            channel: 'web_portal',
            stationUnitId: input.stationUnitId,
            summary: input.summary,
            description: input.description,
            details: input.details,
            contact: input.contact,
            consent: input.consent,
            createdBy: null,
            idempotencyKey,
          },
          files,
          requestId,
          { type: 'public', id: null },
        );
        pow.noteSubmission();
        scheduleTriage(created.id);
        return {
          receiptNo: created.receiptNo,
          followUpSecret: created.secret ?? '',
          submittedAt: created.at,
          statusUrl: `${config.publicUrl}/report/status`,
        };
      } catch (error) {
        // A retry that raced its twin: answer with the twin's receipt.
        if (idempotencyKey) {
          const twin = await repo.findItemByIdempotencyKey(db, idempotencyKey);
          if (twin) return receiptOf(twin);
        }
        throw error;
      }
    },

    async recordConsultation(actor: Actor, input: ConsultationInput, files: IncomingFile[], requestId: string | null) {
      const stationUnitId = input.stationUnitId ?? actor.unitId ?? undefined;
      let linkedIds: string[];
      try {
        linkedIds = await resolveLinks(input.linkedItemIds);
      } catch (error) {
        await discardAll(files);
        throw error;
      }
      const opensCase = input.outcome === 'case_opened';
      const created = await insertItem(
        {
          origin: 'station',
          kind: input.kind,
          reporterType: input.reporterType,
          category: input.category,
          subcategory: input.subcategory,
          channel: input.channel,
          stationUnitId,
          summary: input.summary,
          description: input.description,
          details: input.details,
          contact: input.contact,
          consent: input.consent,
          outcome: opensCase ? undefined : input.outcome,
          referredAgency: input.referredAgency,
          createdBy: actor.userId,
          idempotencyKey: null,
        },
        files,
        requestId,
        { type: 'user', id: actor.userId },
      );
      for (const linked of linkedIds) await service.link(actor, created.id, linked, requestId);
      if (opensCase) {
        // 事件化 at the desk: the observables must be on record before the case sights them.
        await triage(created.id);
        await service.openCase(actor, created.id, undefined, requestId);
      } else scheduleTriage(created.id);
      return service.get(actor, created.id);
    },

    /** Waits until every scheduled triage has run (tests, shutdown). */
    async drain(): Promise<void> {
      while (runner) await runner;
    },

    triage,

    /** Finishes the triage in progress and leaves the rest untriaged for the next start. */
    async stop(): Promise<void> {
      stopping = true;
      await service.drain();
    },

    /** Triage for items a crash or failure left untriaged. */
    async triagePending(limit = 100): Promise<number> {
      const pending = await repo.listUntriaged(db, limit);
      for (const { id } of pending) scheduleTriage(id);
      await service.drain();
      return pending.length;
    },

    /** Items past their deadline and still unclaimed escalate to the unit's liaison and the duty desk. */
    async escalateOverdue(): Promise<number> {
      const now = clock.now();
      const overdue = await repo.listOverdueUnescalated(db, now.toISOString(), 100);
      const cyberId = await cyberDivisionId();
      for (const item of overdue) {
        const liaisonIds = await liaisonsOf([item.assigned_unit_id, cyberId]);
        const contacts = await c.users.contactsOf(liaisonIds);
        const unitName = item.assigned_unit_id ? ((await c.units.get(item.assigned_unit_id).catch(() => undefined))?.nameJa ?? '') : '';
        const mailParams = {
          receiptNo: item.receipt_no,
          priority: item.priority,
          deadline: item.deadline_at ? tokyoTime(item.deadline_at) : '',
          unit: unitName,
          category: `${item.category}${item.subcategory ? ` / ${item.subcategory}` : ''}`,
          summary: item.summary,
          link: `${config.publicUrl}/intake/${item.id}`,
        };
        const to = [...contacts.flatMap((u) => (u.email ? [u.email] : [])), ...(config.dutyDeskEmail ? [config.dutyDeskEmail] : [])];
        await change(
          SYSTEM_ACTOR,
          item.id,
          'intake.escalated',
          { escalated_at: now.toISOString() },
          { deadlineAt: item.deadline_at, notified: liaisonIds },
          null,
          (trx) =>
            c.notifications.notify(trx, {
              userIds: liaisonIds,
              kind: 'intake.overdue',
              subject: { type: 'intake_item', id: item.id },
              params: { receiptNo: item.receipt_no, deadlineAt: item.deadline_at, priority: item.priority },
              mail: {
                to,
                subject: `${t('ja', 'mail.intake_overdue.subject', mailParams)} / ${t('en', 'mail.intake_overdue.subject', mailParams)}`,
                text: `${t('ja', 'mail.intake_overdue.body', mailParams)}\n\n${t('en', 'mail.intake_overdue.body', mailParams)}\n`,
              },
            }),
        );
      }
      if (overdue.length > 0) await c.notifications.deliverPending();
      return overdue.length;
    },

    /** Counts for the statistics page (M2.1): by category, kind, priority and Japanese month, and hand-off times. */
    /** Counts by category, kind, priority and Japanese month, and median times to routing, to an officer and to a case. */
    async statistics(range: { from: string; to: string }) {
      return monthlyStatistics.get(range);
    },

    /** Reports and consultations the viewer may open whose number, summary, description, details or notes contain every word. */
    async search(actor: Actor, query: string, limit: number) {
      const hits = await searchDocuments(db, database.dialect, query, ['report'], 500);
      const found = [];
      // The hits' items a chunk at a time (one query a chunk, not one a hit), until enough.
      for (let start = 0; start < hits.length && found.length < limit; start += 100) {
        const chunk = hits.slice(start, start + 100);
        const rows = await db
          .selectFrom('intake_item')
          .selectAll()
          .where(
            'id',
            'in',
            chunk.map((h) => h.refId),
          )
          .execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const hit of chunk) {
          const row = byId.get(hit.refId);
          if (!row || !mayView(actor, row)) continue;
          const inTitle = snippetOf(hit.title, query);
          found.push({
            kind: 'report' as const,
            id: row.id,
            label: row.receipt_no,
            title: row.summary,
            status: row.status,
            ...(inTitle.highlights.length > 0 ? inTitle : snippetOf(hit.body, query)),
          });
          if (found.length >= limit) break;
        }
      }
      return found;
    },

    /** 個人情報 is kept for CONTACT_RETENTION_YEARS: past that, contact details are erased (the report stays). */
    async purgeExpiredContacts(): Promise<number> {
      const now = clock.now().toISOString();
      const expired = await db.selectFrom('intake_item').select('id').where('contact', 'is not', null).where('retention_until', '<', now).limit(500).execute();
      for (const { id } of expired) {
        await change(SYSTEM_ACTOR, id, 'intake.contact_erased', { contact: null }, { reason: 'retention_expired' }, null);
      }
      return expired.length;
    },

    async queue(
      actor: Actor,
      query: {
        unitId?: string | undefined;
        category?: string | undefined;
        priority?: string | undefined;
        status?: string | undefined;
        open: string;
        overdue?: string | undefined;
        mine?: string | undefined;
        limit: number;
        before?: string | undefined;
      },
    ) {
      const now = clock.now();
      let unitIds: string[] | null = null;
      if (!can(actor, 'intake.read_all')) unitIds = actor.unitId ? [actor.unitId] : [];
      if (query.unitId) unitIds = unitIds === null ? [query.unitId] : unitIds.filter((u) => u === query.unitId);
      const rows = await repo.listQueue(db, {
        unitIds,
        category: query.category,
        priority: query.priority,
        status: query.status,
        open: query.open !== 'false',
        overdueAt: query.overdue === 'true' ? now.toISOString() : undefined,
        claimedBy: query.mine === 'true' ? actor.userId : undefined,
        before: query.before,
        limit: query.limit,
      });
      return { items: rows.map((r) => presentQueueItem(r, now)) };
    },

    async get(actor: Actor, itemId: string) {
      const item = await loadVisible(actor, itemId);
      const now = clock.now();
      const [attachments, notes, links, observables, hits] = await Promise.all([
        repo.listAttachments(db, itemId),
        repo.listNotes(db, itemId),
        repo.listLinks(db, itemId),
        c.observables.observablesOfSource(REPORT_SOURCE, itemId),
        c.observables.correlate(actor, REPORT_SOURCE, itemId),
      ]);
      const reportIds = hits.filter((h) => h.sourceType === REPORT_SOURCE && h.sourceId).map((h) => h.sourceId as string);
      const caseIds = hits.filter((h) => h.sourceType === CASE_SOURCE && h.sourceId).map((h) => h.sourceId as string);
      const receipts = new Map((await repo.receiptNumbersOf(db, reportIds)).map((r) => [r.id, r]));
      // A case the viewer may not open is not named: only its owner unit shows.
      const caseNumbers = await c.cases.visibleNumbers(actor, item.case_id ? [...caseIds, item.case_id] : caseIds);
      return {
        ...presentItemCore(item, now),
        caseNo: item.case_id ? (caseNumbers.get(item.case_id) ?? null) : null,
        attachments: attachments.map((a) => ({
          id: a.id,
          sha256: a.sha256,
          size: a.size,
          filename: a.filename,
          claimedType: a.claimed_type,
          sniffedType: a.sniffed_type,
          opaque: a.opaque === 1,
          addedBy: a.added_by,
          createdAt: a.created_at,
        })),
        notes: notes.map((n) => ({ id: n.id, authorKind: n.author_kind, authorId: n.author_id, body: n.body, createdAt: n.created_at })),
        links: links.map((l) => ({ id: l.id, receiptNo: l.receipt_no })),
        observables,
        hits: hits.map((h) => {
          const report = h.sourceType === REPORT_SOURCE && h.sourceId ? receipts.get(h.sourceId) : undefined;
          // A report the viewer may not open is named only by its owner unit.
          const visible =
            report !== undefined && (can(actor, 'intake.read_all') || report.assigned_unit_id === actor.unitId || report.station_unit_id === actor.unitId);
          const label = visible ? report.receipt_no : h.sourceType === CASE_SOURCE && h.sourceId ? (caseNumbers.get(h.sourceId) ?? null) : null;
          const hidden = (h.sourceType === REPORT_SOURCE && !visible) || (h.sourceType === CASE_SOURCE && label === null);
          return {
            sourceType: h.sourceType,
            sourceId: hidden ? null : h.sourceId,
            ownerUnitId: h.ownerUnitId,
            restricted: hidden || h.restricted,
            shared: h.shared,
            label,
          };
        }),
      };
    },

    async attachment(actor: Actor, itemId: string, attachmentId: string) {
      await loadVisible(actor, itemId);
      const row = await repo.findAttachment(db, itemId, attachmentId);
      if (!row) throw new AppError(intakeErrors.not_found, { attachmentId });
      return { row, stream: c.blobs.open(row.sha256) };
    },

    async claim(actor: Actor, itemId: string, requestId: string | null) {
      const item = await loadVisible(actor, itemId);
      assertOpen(item);
      if (item.claimed_by && item.claimed_by !== actor.userId) throw new AppError(intakeErrors.already_claimed, { claimedBy: item.claimed_by });
      await change(
        { type: 'user', id: actor.userId },
        itemId,
        'intake.claimed',
        { claimed_by: actor.userId, claimed_at: item.claimed_at ?? clock.now().toISOString(), status: 'in_progress' },
        { from: item.status },
        requestId,
      );
      return service.get(actor, itemId);
    },

    async reassign(actor: Actor, itemId: string, unitId: string, note: string | undefined, requestId: string | null) {
      const item = await loadVisible(actor, itemId);
      assertOpen(item);
      if (!(await c.units.exists(unitId))) throw new AppError(intakeErrors.unknown_unit, { unitId });
      const { rules } = await currentRules();
      const deadline = new Date(clock.now().getTime() + rules.deadlineMinutes[item.priority as keyof RoutingRules['deadlineMinutes']] * 60_000).toISOString();
      const liaisons = await liaisonsOf([unitId]);
      await change(
        { type: 'user', id: actor.userId },
        itemId,
        'intake.reassigned',
        { assigned_unit_id: unitId, claimed_by: null, status: 'queued', deadline_at: deadline, escalated_at: null },
        { from: item.assigned_unit_id, to: unitId },
        requestId,
        async (trx) => {
          if (note) await addOfficerNote(trx, itemId, actor.userId, note);
          await c.notifications.notify(trx, {
            userIds: liaisons,
            kind: 'intake.reassigned',
            subject: { type: 'intake_item', id: itemId },
            params: { receiptNo: item.receipt_no },
          });
        },
      );
      await c.observables.setSourceOwner({ sourceType: REPORT_SOURCE, sourceId: itemId, ownerUnitId: unitId, restricted: false });
      return service.get(actor, itemId);
    },

    /** Sets the report's TLP marking (sharing, issue 6); audited like every change. */
    async mark(actor: Actor, itemId: string, tlp: (typeof REPORT_TLP_LEVELS)[number], requestId: string | null) {
      const item = await loadVisible(actor, itemId);
      await change({ type: 'user', id: actor.userId }, itemId, 'intake.marked', { tlp }, { from: item.tlp, to: tlp }, requestId);
      return service.get(actor, itemId);
    },

    async close(actor: Actor, itemId: string, input: CloseInput, requestId: string | null) {
      const item = await loadVisible(actor, itemId);
      assertOpen(item);
      // These endings have their own actions, which do what the word says.
      if (input.outcome === 'case_opened' || input.outcome === 'duplicate') throw new AppError(intakeErrors.outcome_needs_action, { outcome: input.outcome });
      const status = input.outcome === 'monitoring' ? 'monitoring' : 'closed';
      const at = clock.now().toISOString();
      await change(
        { type: 'user', id: actor.userId },
        itemId,
        'intake.closed',
        {
          status,
          outcome: input.outcome,
          referred_agency: input.referredAgency ?? null,
          closed_at: status === 'closed' ? at : null,
          claimed_by: item.claimed_by ?? actor.userId,
          claimed_at: item.claimed_at ?? at,
        },
        { outcome: input.outcome, referredAgency: input.referredAgency ?? null },
        requestId,
        async (trx) => {
          if (input.note) await addOfficerNote(trx, itemId, actor.userId, input.note);
        },
      );
      return service.get(actor, itemId);
    },

    async merge(actor: Actor, itemId: string, intoItemId: string, requestId: string | null) {
      if (itemId === intoItemId) throw new AppError(intakeErrors.merge_into_self);
      const item = await loadVisible(actor, itemId);
      const into = await loadVisible(actor, intoItemId);
      assertOpen(item);
      assertOpen(into);
      await change(
        { type: 'user', id: actor.userId },
        itemId,
        'intake.merged',
        { status: 'merged', merged_into_id: intoItemId, outcome: 'duplicate', closed_at: clock.now().toISOString() },
        { into: intoItemId, intoReceipt: into.receipt_no },
        requestId,
        async (trx) => {
          await trx
            .insertInto('intake_link')
            .values({ item_id: intoItemId, linked_item_id: itemId, created_by: actor.userId, created_at: clock.now().toISOString() })
            .onConflict((oc) => oc.columns(['item_id', 'linked_item_id']).doNothing())
            .execute();
        },
      );
      return service.get(actor, itemId);
    },

    async addNote(actor: Actor, itemId: string, body: string, requestId: string | null) {
      await loadVisible(actor, itemId);
      await change({ type: 'user', id: actor.userId }, itemId, 'intake.noted', {}, { length: body.length }, requestId, async (trx) => {
        await addOfficerNote(trx, itemId, actor.userId, body);
      });
      return service.get(actor, itemId);
    },

    /**
     * Links an item to another one, named by id or receipt number. The other item need only exist:
     * a reporter brings the receipt number of an earlier report the station may not open.
     */
    async link(actor: Actor, itemId: string, linkedItemId: string, requestId: string | null) {
      await loadVisible(actor, itemId);
      const [resolved] = await resolveLinks([linkedItemId]);
      const linked = resolved ? await repo.findItem(db, resolved) : undefined;
      if (!linked) throw new AppError(intakeErrors.not_found, { itemId: linkedItemId });
      linkedItemId = linked.id;
      await change(
        { type: 'user', id: actor.userId },
        itemId,
        'intake.linked',
        {},
        { linked: linkedItemId, receiptNo: linked.receipt_no },
        requestId,
        async (trx) => {
          await trx
            .insertInto('intake_link')
            .values({ item_id: itemId, linked_item_id: linkedItemId, created_by: actor.userId, created_at: clock.now().toISOString() })
            .onConflict((oc) => oc.columns(['item_id', 'linked_item_id']).doNothing())
            .execute();
        },
      );
    },

    /** 事件化: opens a case owned by the item's unit, keeps the link, and the case sights the item's observables. */
    async openCase(actor: Actor, itemId: string, title: string | undefined, requestId: string | null) {
      const item = await loadVisible(actor, itemId);
      assertOpen(item);
      const ownerUnitId = item.assigned_unit_id ?? actor.unitId ?? (await cyberDivisionId());
      if (!ownerUnitId) throw new AppError(intakeErrors.unknown_unit, { unitId: null });
      const opened = await db.transaction().execute(async (trx) => {
        const created = await c.cases.openInTransaction(
          trx,
          { type: 'user', id: actor.userId },
          {
            title: title ?? item.summary,
            ownerUnitId,
            category: item.category,
            subcategory: item.subcategory,
            openedFromItemId: itemId,
            priority: item.priority,
            leadUserId: actor.userId,
          },
          requestId,
        );
        const at = clock.now().toISOString();
        await trx
          .updateTable('intake_item')
          .set({
            status: 'case_opened',
            outcome: 'case_opened',
            case_id: created.id,
            closed_at: at,
            updated_at: at,
            claimed_by: item.claimed_by ?? actor.userId,
            claimed_at: item.claimed_at ?? at,
          })
          .where('id', '=', itemId)
          .execute();
        await audit.record(trx, {
          actor: { type: 'user', id: actor.userId },
          action: 'intake.case_opened',
          target: { type: 'intake_item', id: itemId },
          changes: { caseId: created.id, caseNo: created.caseNo },
          requestId,
        });
        return created;
      });
      await sightInCase(actor, itemId, opened.id, ownerUnitId, requestId);
      return { caseId: opened.id, caseNo: opened.caseNo };
    },

    /** Adds a further report or consultation to an existing case the actor may see (関連付け). */
    async linkCase(actor: Actor, itemId: string, caseNo: string, requestId: string | null) {
      const item = await loadVisible(actor, itemId);
      assertOpen(item);
      const caseId = await c.cases.findIdByNumber(caseNo);
      if (!caseId) throw new AppError(intakeErrors.unknown_case, { caseNo });
      const found = await c.cases.visibleCase(actor, caseId, 'link_report', requestId).catch(() => {
        throw new AppError(intakeErrors.unknown_case, { caseNo });
      });
      await db.transaction().execute(async (trx) => {
        const at = clock.now().toISOString();
        await trx
          .updateTable('intake_item')
          .set({
            status: 'case_opened',
            outcome: 'case_opened',
            case_id: caseId,
            closed_at: at,
            updated_at: at,
            claimed_by: item.claimed_by ?? actor.userId,
            claimed_at: item.claimed_at ?? at,
          })
          .where('id', '=', itemId)
          .execute();
        await c.cases.touch(trx, caseId, at);
        await audit.record(trx, {
          actor: { type: 'user', id: actor.userId },
          action: 'intake.case_linked',
          target: { type: 'intake_item', id: itemId },
          changes: { caseId, caseNo: found.caseNo },
          requestId,
        });
      });
      await sightInCase(actor, itemId, caseId, found.ownerUnitId, requestId);
      return { caseId, caseNo: found.caseNo };
    },

    /** The reports and consultations of a case, for those who may see the case; each names whether the viewer may open it. */
    async itemsOfCase(actor: Actor, caseId: string, requestId: string | null) {
      await c.cases.visibleCase(actor, caseId, 'reports', requestId);
      const rows = await db.selectFrom('intake_item').selectAll().where('case_id', '=', caseId).orderBy('created_at').limit(500).execute();
      return {
        items: rows.map((r) => {
          // The case's viewers learn that a report exists; its words only those who may open it.
          const mayOpen = can(actor, 'intake.read') && mayView(actor, r);
          return { id: r.id, receiptNo: r.receipt_no, kind: r.kind, category: r.category, summary: mayOpen ? r.summary : '', createdAt: r.created_at, mayOpen };
        }),
      };
    },

    async publicStatus(receiptNo: string, secret: string) {
      const item = await verifiedReporterItem(receiptNo, secret);
      const notes = (await repo.listNotes(db, item.id)).filter((n) => n.author_kind === 'reporter');
      const attachments = (await repo.listAttachments(db, item.id)).filter((a) => a.added_by === 'reporter');
      return {
        receiptNo: item.receipt_no,
        stage: publicStageOf(item.status),
        submittedAt: item.created_at,
        updatedAt: item.updated_at,
        additions: notes.map((n) => ({ at: n.created_at, attachments: attachments.filter((a) => a.created_at === n.created_at).length })),
      };
    },

    async publicAdd(receiptNo: string, secret: string, text: string, files: IncomingFile[], requestId: string | null) {
      let item: repo.IntakeItemRow;
      try {
        item = await verifiedReporterItem(receiptNo, secret);
        if (text.trim() === '' && files.length === 0) throw new AppError(intakeErrors.form_invalid, { field: 'text' });
      } catch (error) {
        await discardAll(files);
        throw error;
      }
      const at = clock.now().toISOString();
      const created = await commitFiles(files);
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('intake_note')
            .values({ id: newId(), item_id: item.id, author_kind: 'reporter', author_id: null, body: text, created_at: at })
            .execute();
          const rows = attachmentRows(item.id, files, 'reporter', at);
          if (rows.length > 0) await trx.insertInto('intake_attachment').values(rows).execute();
          await trx.updateTable('intake_item').set({ updated_at: at }).where('id', '=', item.id).execute();
          await reindex(trx, item.id);
          await audit.record(trx, {
            actor: { type: 'public', id: null },
            action: 'intake.reporter_added',
            target: { type: 'intake_item', id: item.id },
            changes: { attachments: rows.length },
            requestId,
          });
          if (item.claimed_by) {
            await c.notifications.notify(trx, {
              userIds: [item.claimed_by],
              kind: 'intake.reporter_added',
              subject: { type: 'intake_item', id: item.id },
              params: { receiptNo: item.receipt_no },
            });
          }
        });
      } catch (error) {
        await rollBackFiles(db, c.blobs, created);
        throw error;
      } finally {
        await discardAll(files);
      }
      // New words may name new observables: record them against the report.
      const extra = await itemText(
        { ...item, summary: '', description: text, details: '{}' },
        (await repo.listAttachments(db, item.id)).filter((a) => a.created_at === at),
        c.blobs,
      );
      await c.observables.recordText(
        SYSTEM_ACTOR,
        { sourceType: REPORT_SOURCE, sourceId: item.id, ownerUnitId: item.assigned_unit_id, restricted: false },
        extra,
        requestId,
      );
      return service.publicStatus(receiptNo, secret);
    },

    /** Of these items, each as the viewer may see it (`mayView`): its number and case, or only its unit (the link graph). */
    async itemsAsSeenBy(actor: Actor, itemIds: string[]) {
      const seen = new Map<string, { visible: boolean; receiptNo: string | null; ownerUnitId: string | null; caseId: string | null }>();
      for (const id of new Set(itemIds)) {
        const item = await repo.findItem(db, id);
        if (!item) continue;
        const visible = can(actor, 'intake.read') && mayView(actor, item);
        const ownerUnitId = item.assigned_unit_id ?? item.station_unit_id;
        seen.set(
          id,
          visible ? { visible, receiptNo: item.receipt_no, ownerUnitId, caseId: item.case_id } : { visible, receiptNo: null, ownerUnitId, caseId: null },
        );
      }
      return seen;
    },

    async rules() {
      const current = await currentRules();
      const history = await repo.listRuleSets(db, 50);
      return {
        current,
        items: history.map((r) => ({
          version: r.version,
          rules: RoutingRulesSchema.parse(JSON.parse(r.rules)),
          comment: r.comment,
          createdBy: r.created_by,
          createdAt: r.created_at,
        })),
      };
    },

    async saveRules(actor: Actor, rules: RoutingRules, comment: string, requestId: string | null) {
      const at = clock.now().toISOString();
      const version = await db.transaction().execute(async (trx) => {
        const latest = await repo.latestRuleSet(trx);
        const next = (latest?.version ?? 0) + 1;
        await trx
          .insertInto('routing_rule_set')
          .values({ version: next, rules: JSON.stringify(rules), comment, created_by: actor.userId, created_at: at })
          .execute();
        await audit.record(trx, {
          actor: { type: 'user', id: actor.userId },
          action: 'intake.rules_saved',
          target: { type: 'routing_rule_set', id: String(next) },
          changes: { comment, rules: rules.rules.map((r) => r.id) },
          requestId,
        });
        return next;
      });
      return { version, rules, comment, createdBy: actor.userId, createdAt: at };
    },

    isOverdue,
  };

  /** Ids of the items named by id or receipt number; an unknown one is refused before anything is written. */
  async function resolveLinks(refs: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const ref of refs) {
      const found = (await repo.findItem(db, ref)) ?? (await repo.findItemByReceipt(db, ref.trim().toUpperCase()));
      if (!found) throw new AppError(intakeErrors.not_found, { itemId: ref });
      ids.push(found.id);
    }
    return ids;
  }

  async function receiptOf(item: repo.IntakeItemRow) {
    return {
      receiptNo: item.receipt_no,
      followUpSecret: await followUpSecret(item.id),
      submittedAt: item.created_at,
      statusUrl: `${config.publicUrl}/report/status`,
    };
  }

  async function verifiedReporterItem(receiptNo: string, secret: string) {
    const item = await repo.findItemByReceipt(db, receiptNo.trim().toUpperCase());
    // One answer for an unknown number and a wrong secret, so neither can be probed.
    if (!item || item.origin !== 'public' || item.follow_up_hash === null || !safeEqual(item.follow_up_hash, sha256Hex(secret.trim()))) {
      throw new AppError(intakeErrors.status_not_found);
    }
    return item;
  }

  return service;
}

export type IntakeService = ReturnType<typeof createIntakeService>;
