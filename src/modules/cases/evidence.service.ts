// Evidence and chain of custody (証拠品・保管の連続性, M1.4). An item is a file (its SHA-256 taken at
// intake) or a physical object; its custody log records collection, every hand-over, move, access
// to the file, analysis request and result, and release. Every read re-checks the file against its
// SHA-256 and flags an item whose file no longer matches. Analysis requests (解析依頼) go to a
// forensic unit, whose officers see the requested item (not the rest of the case) to answer them.
import { sql } from 'kysely';
import type { Actor } from '#kernel/auth/index.ts';
import { nextSequenceValue, type Executor } from '#kernel/db/index.ts';
import { AppError } from '#kernel/errors.ts';
import type { BlobStore, FileIntegrity, StagedFile } from '#kernel/files/index.ts';
import { newId } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { NotificationsService } from '#modules/notifications/index.ts';
import type { CasesService } from './cases.service.ts';
import { appendCustody, isChainIntact } from './custody-chain.ts';
import type { AnalysisStatus, EvidenceDetail, EvidenceInput } from './evidence.contract.ts';
import { evidenceErrors } from './evidence.errors.ts';

type Collaborators = {
  blobs: BlobStore;
  cases: CasesService;
  notifications: NotificationsService;
  units: { exists(unitId: string): Promise<boolean>; findIdByCode(code: string): Promise<string | null | undefined> };
  /** True for an existing account that is not disabled: only they can take evidence over. */
  users: { isActive(userId: string): Promise<boolean> };
  /** Active users of a unit, to notify of analysis requests. */
  usersOfUnit(unitId: string): Promise<string[]>;
};

export type IncomingEvidenceFile = { staged: StagedFile; filename: string; claimedType: string };

type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;
type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

function findItem(db: Executor, caseId: string, evidenceId: string) {
  return db.selectFrom('evidence_item').selectAll().where('id', '=', evidenceId).where('case_id', '=', caseId).executeTakeFirst();
}

function findRequest(db: Executor, requestId: string) {
  return db
    .selectFrom('analysis_request')
    .innerJoin('evidence_item', 'evidence_item.id', 'analysis_request.evidence_id')
    .selectAll('analysis_request')
    .select(['evidence_item.evidence_no', 'evidence_item.title as evidence_title', 'evidence_item.sha256 as evidence_sha256'])
    .where('analysis_request.id', '=', requestId)
    .executeTakeFirst();
}

const RELEASED = new Set(['returned', 'disposed']);
const OPEN_ANALYSIS: readonly AnalysisStatus[] = ['requested', 'accepted'];

export function createEvidenceService({ database, clock, audit, config }: Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'>, c: Collaborators) {
  const db = database.db;

  function presentRequest(row: RequestRow) {
    const now = clock.now().toISOString();
    const open = (OPEN_ANALYSIS as readonly string[]).includes(row.status);
    return {
      id: row.id,
      evidenceId: row.evidence_id,
      evidenceNo: row.evidence_no,
      evidenceTitle: row.evidence_title,
      evidenceHasFile: row.evidence_sha256 !== null,
      caseId: row.case_id,
      toUnitId: row.to_unit_id,
      question: row.question,
      dueAt: row.due_at,
      overdue: open && row.due_at !== null && row.due_at < now,
      status: row.status as AnalysisStatus,
      requestedBy: row.requested_by,
      assigneeId: row.assignee_id,
      result: row.result,
      resultFile:
        row.result_sha256 && row.result_file_name ? { name: row.result_file_name, sha256: row.result_sha256, size: row.result_size_bytes ?? 0 } : null,
      answeredBy: row.answered_by,
      answeredAt: row.answered_at,
      createdAt: row.created_at,
    };
  }

  /** Checks the file against its SHA-256; the first failed check is written into the custody log. */
  async function integrityOf(actor: Actor, row: ItemRow, fresh: boolean) {
    if (!row.sha256) return { integrity: 'not_applicable' as const, failedAt: row.integrity_failed_at };
    const integrity: FileIntegrity = await c.blobs.verify(row.sha256, { fresh });
    if (integrity === 'intact' || row.integrity_failed_at) return { integrity, failedAt: row.integrity_failed_at };
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('evidence_item').select('integrity_failed_at').where('id', '=', row.id).executeTakeFirstOrThrow();
      if (current.integrity_failed_at) return;
      await appendCustody(
        trx,
        { evidenceId: row.id, action: 'integrity_failed', actorId: actor.userId, fromHolderId: null, toHolderId: null, note: integrity, at },
        { integrity_failed_at: at },
      );
      await audit.record(trx, {
        actor: { type: 'user', id: actor.userId },
        action: 'evidence.integrity_failed',
        target: { type: 'evidence', id: row.id },
        changes: { sha256: row.sha256, state: integrity },
        requestId: null,
      });
    });
    return { integrity, failedAt: at };
  }

  async function present(actor: Actor, row: ItemRow, fresh: boolean) {
    const { integrity, failedAt } = await integrityOf(actor, row, fresh);
    return {
      id: row.id,
      caseId: row.case_id,
      evidenceNo: row.evidence_no,
      kind: row.kind as 'file' | 'physical',
      title: row.title,
      status: row.status as 'held' | 'in_analysis' | 'returned' | 'disposed',
      sha256: row.sha256,
      size: row.size_bytes,
      fileName: row.file_name,
      holderId: row.holder_id,
      storageLocation: row.storage_location,
      collectedBy: row.collected_by,
      collectedAt: row.collected_at,
      integrity,
      integrityFailedAt: failedAt,
    };
  }

  async function loadItem(actor: Actor, caseId: string, evidenceId: string, part: string, requestId: string | null) {
    const found = await c.cases.visibleCase(actor, caseId, part, requestId);
    const row = await findItem(db, caseId, evidenceId);
    if (!row) throw new AppError(evidenceErrors.not_found, { evidenceId });
    return { found, row };
  }

  /** One change to an item: custody event, audit entry and the case's updated_at in one transaction. */
  async function custodyChange(
    actor: Actor,
    row: ItemRow,
    event: {
      action: Parameters<typeof appendCustody>[1]['action'];
      fromHolderId?: string | null;
      toHolderId?: string | null;
      location?: string;
      note?: string;
    },
    itemChanges: Parameters<typeof appendCustody>[2],
    requestId: string | null,
    more?: (trx: Executor, at: string) => Promise<void>,
  ) {
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await appendCustody(trx, { evidenceId: row.id, actorId: actor.userId, fromHolderId: null, toHolderId: null, ...event, at }, itemChanges);
      if (more) await more(trx, at);
      // Reading a file is on the item's record, but is not a change to the case.
      if (event.action !== 'accessed') await c.cases.touch(trx, row.case_id, at);
      await audit.record(trx, {
        actor: { type: 'user', id: actor.userId },
        action: `evidence.${event.action}`,
        target: { type: 'evidence', id: row.id },
        changes: { caseId: row.case_id, evidenceNo: row.evidence_no, ...itemChanges },
        requestId,
      });
    });
  }

  function assertNotReleased(row: ItemRow) {
    if (RELEASED.has(row.status)) throw new AppError(evidenceErrors.released, { status: row.status });
  }

  async function loadRequestForUnit(actor: Actor, requestId: string) {
    const row = await findRequest(db, requestId);
    if (!row) throw new AppError(evidenceErrors.analysis_not_found, { requestId });
    if (actor.unitId !== row.to_unit_id) {
      // The requesting side may read it through the case; anyone else learns nothing.
      await c.cases.visibleCase(actor, row.case_id, 'analysis_request', null).catch(() => {
        throw new AppError(evidenceErrors.analysis_not_found, { requestId });
      });
    }
    return row;
  }

  const service = {
    async create(actor: Actor, caseId: string, input: EvidenceInput, file: IncomingEvidenceFile | null, requestId: string | null) {
      if (input.kind === 'file' && !file) throw new AppError(evidenceErrors.file_required);
      if (input.kind === 'physical' && file) throw new AppError(evidenceErrors.file_not_allowed);
      const found = await c.cases.visibleCase(actor, caseId, 'evidence', requestId);
      const created = file ? (await file.staged.commit()).created : false;
      const now = clock.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      try {
        await db.transaction().execute(async (trx) => {
          const seq = await nextSequenceValue(trx, `evidence-${caseId}`);
          const evidenceNo = `${found.caseNo}-E${String(seq).padStart(3, '0')}`;
          await trx
            .insertInto('evidence_item')
            .values({
              id,
              case_id: caseId,
              evidence_no: evidenceNo,
              kind: input.kind,
              title: input.title,
              description: input.description,
              sha256: file?.staged.sha256 ?? null,
              size_bytes: file?.staged.size ?? null,
              file_name: file?.filename ?? null,
              content_type: file ? file.staged.sniffedType : null,
              collected_by: actor.userId,
              collected_at: input.collectedAt ?? at,
              collected_from: input.collectedFrom,
              storage_location: input.storageLocation,
              holder_id: actor.userId,
              status: 'held',
              event_count: 0,
              last_hash: '',
              integrity_failed_at: null,
              created_by: actor.userId,
              created_at: at,
            })
            .execute();
          const note = file ? `SHA-256 ${file.staged.sha256} / ${file.staged.size} B` : '';
          await appendCustody(trx, {
            evidenceId: id,
            action: 'collected',
            actorId: actor.userId,
            fromHolderId: null,
            toHolderId: actor.userId,
            location: input.storageLocation,
            note,
            at,
          });
          await c.cases.touch(trx, caseId, at);
          await audit.record(trx, {
            actor: { type: 'user', id: actor.userId },
            action: 'evidence.collected',
            target: { type: 'evidence', id },
            changes: { caseId, evidenceNo, kind: input.kind, sha256: file?.staged.sha256 ?? null },
            requestId,
          });
        });
      } catch (error) {
        if (file && created) await c.blobs.remove(file.staged.sha256);
        throw error;
      }
      return service.detail(actor, caseId, id, requestId);
    },

    async list(actor: Actor, caseId: string, requestId: string | null) {
      await c.cases.visibleCase(actor, caseId, 'evidence', requestId);
      const rows = await db.selectFrom('evidence_item').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
      const items = [];
      for (const row of rows) items.push(await present(actor, row, false));
      return { items };
    },

    async detail(actor: Actor, caseId: string, evidenceId: string, requestId: string | null): Promise<EvidenceDetail> {
      const { row } = await loadItem(actor, caseId, evidenceId, 'evidence', requestId);
      const summary = await present(actor, row, true);
      const [events, requests] = await Promise.all([
        db.selectFrom('custody_event').selectAll().where('evidence_id', '=', evidenceId).orderBy('seq').execute(),
        db
          .selectFrom('analysis_request')
          .innerJoin('evidence_item', 'evidence_item.id', 'analysis_request.evidence_id')
          .selectAll('analysis_request')
          .select(['evidence_item.evidence_no', 'evidence_item.title as evidence_title', 'evidence_item.sha256 as evidence_sha256'])
          .where('analysis_request.evidence_id', '=', evidenceId)
          .orderBy('analysis_request.created_at')
          .execute(),
      ]);
      return {
        ...summary,
        description: row.description,
        collectedFrom: row.collected_from,
        contentType: row.content_type,
        custody: events.map((e) => ({
          seq: e.seq,
          action: e.action as EvidenceDetail['custody'][number]['action'],
          actorId: e.actor_id,
          fromHolderId: e.from_holder_id,
          toHolderId: e.to_holder_id,
          location: e.location,
          note: e.note,
          at: e.at,
          hash: e.hash,
        })),
        chainIntact: isChainIntact(events),
        analysisRequests: requests.map(presentRequest),
      };
    },

    /** The file for download; the access is written into the custody log before a byte is sent. */
    async openFile(actor: Actor, caseId: string, evidenceId: string, requestId: string | null) {
      const { row } = await loadItem(actor, caseId, evidenceId, 'evidence_file', requestId);
      return openForAccess(actor, row, requestId);
    },

    async handover(actor: Actor, caseId: string, evidenceId: string, input: { toUserId: string; location: string; note: string }, requestId: string | null) {
      const { found, row } = await loadItem(actor, caseId, evidenceId, 'evidence', requestId);
      assertNotReleased(row);
      if (row.holder_id !== actor.userId && found.leadUserId !== actor.userId) throw new AppError(evidenceErrors.not_holder);
      if (!(await c.users.isActive(input.toUserId))) throw new AppError(evidenceErrors.unknown_user, { userId: input.toUserId });
      await custodyChange(
        actor,
        row,
        { action: 'handed_over', fromHolderId: row.holder_id, toHolderId: input.toUserId, location: input.location || row.storage_location, note: input.note },
        { holder_id: input.toUserId, ...(input.location ? { storage_location: input.location } : {}) },
        requestId,
        async (trx) => {
          await c.notifications.notify(trx, {
            userIds: [input.toUserId],
            kind: 'evidence.handed_over',
            subject: { type: 'case', id: caseId },
            params: { evidenceNo: row.evidence_no },
          });
        },
      );
      return service.detail(actor, caseId, evidenceId, requestId);
    },

    async move(actor: Actor, caseId: string, evidenceId: string, input: { location: string; note: string }, requestId: string | null) {
      const { found, row } = await loadItem(actor, caseId, evidenceId, 'evidence', requestId);
      assertNotReleased(row);
      if (row.holder_id !== actor.userId && found.leadUserId !== actor.userId) throw new AppError(evidenceErrors.not_holder);
      await custodyChange(actor, row, { action: 'moved', location: input.location, note: input.note }, { storage_location: input.location }, requestId);
      return service.detail(actor, caseId, evidenceId, requestId);
    },

    async release(actor: Actor, caseId: string, evidenceId: string, input: { action: 'returned' | 'disposed'; note: string }, requestId: string | null) {
      const { found, row } = await loadItem(actor, caseId, evidenceId, 'evidence', requestId);
      assertNotReleased(row);
      if (row.holder_id !== actor.userId && found.leadUserId !== actor.userId) throw new AppError(evidenceErrors.not_holder);
      await custodyChange(
        actor,
        row,
        { action: input.action, fromHolderId: row.holder_id, note: input.note },
        { status: input.action, holder_id: null },
        requestId,
      );
      return service.detail(actor, caseId, evidenceId, requestId);
    },

    async requestAnalysis(
      actor: Actor,
      caseId: string,
      evidenceId: string,
      input: { question: string; toUnitId?: string | undefined; dueAt: string | null },
      requestId: string | null,
    ) {
      const { row } = await loadItem(actor, caseId, evidenceId, 'evidence', requestId);
      assertNotReleased(row);
      const toUnitId = input.toUnitId ?? (await c.units.findIdByCode(config.forensicUnit)) ?? null;
      if (!toUnitId || !(await c.units.exists(toUnitId))) throw new AppError(evidenceErrors.unknown_unit, { unitId: input.toUnitId ?? config.forensicUnit });
      const recipients = await c.usersOfUnit(toUnitId);
      const id = newId();
      await custodyChange(
        actor,
        row,
        { action: 'analysis_requested', note: input.question.slice(0, 500) },
        { status: 'in_analysis' },
        requestId,
        async (trx, at) => {
          await trx
            .insertInto('analysis_request')
            .values({
              id,
              evidence_id: row.id,
              case_id: caseId,
              to_unit_id: toUnitId,
              question: input.question,
              due_at: input.dueAt,
              status: 'requested',
              requested_by: actor.userId,
              assignee_id: null,
              result: '',
              result_sha256: null,
              result_file_name: null,
              result_size_bytes: null,
              answered_by: null,
              answered_at: null,
              created_at: at,
            })
            .execute();
          await c.notifications.notify(trx, {
            userIds: recipients,
            kind: 'evidence.analysis_requested',
            subject: { type: 'analysis_request', id },
            params: { evidenceNo: row.evidence_no },
          });
        },
      );
      return presentRequest(await requestOrThrow(id));
    },

    /** Analysis requests addressed to the actor's unit. */
    async incoming(actor: Actor, status: 'open' | AnalysisStatus) {
      if (!actor.unitId) return { items: [] };
      const statuses = status === 'open' ? OPEN_ANALYSIS : [status];
      const rows = await db
        .selectFrom('analysis_request')
        .innerJoin('evidence_item', 'evidence_item.id', 'analysis_request.evidence_id')
        .selectAll('analysis_request')
        .select(['evidence_item.evidence_no', 'evidence_item.title as evidence_title', 'evidence_item.sha256 as evidence_sha256'])
        .where('analysis_request.to_unit_id', '=', actor.unitId)
        .where('analysis_request.status', 'in', [...statuses])
        // Dated requests first, soonest first, on both databases (they sort NULL differently).
        .orderBy(sql`case when analysis_request.due_at is null then 1 else 0 end`)
        .orderBy('analysis_request.due_at')
        .orderBy('analysis_request.created_at')
        .limit(200)
        .execute();
      return { items: rows.map(presentRequest) };
    },

    async analysisRequest(actor: Actor, requestId: string) {
      return presentRequest(await loadRequestForUnit(actor, requestId));
    },

    async answerAnalysis(
      actor: Actor,
      requestId: string,
      answer: { kind: 'accept' } | { kind: 'decline'; reason: string } | { kind: 'result'; result: string; file: IncomingEvidenceFile | null },
      auditRequestId: string | null,
    ) {
      const request = await findRequest(db, requestId);
      if (!request) throw new AppError(evidenceErrors.analysis_not_found, { requestId });
      if (actor.unitId !== request.to_unit_id) throw new AppError(evidenceErrors.not_analysis_unit);
      const allowed = answer.kind === 'accept' ? ['requested'] : OPEN_ANALYSIS;
      if (!allowed.includes(request.status as AnalysisStatus)) throw new AppError(evidenceErrors.analysis_decided, { status: request.status });
      const item = await db.selectFrom('evidence_item').selectAll().where('id', '=', request.evidence_id).executeTakeFirstOrThrow();
      const file = answer.kind === 'result' ? answer.file : null;
      const created = file ? (await file.staged.commit()).created : false;
      const action = answer.kind === 'accept' ? 'analysis_accepted' : answer.kind === 'decline' ? 'analysis_declined' : 'analysis_result';
      const note = answer.kind === 'decline' ? answer.reason : answer.kind === 'result' ? answer.result.slice(0, 500) : '';
      const stillOpen = await db
        .selectFrom('analysis_request')
        .select('id')
        .where('evidence_id', '=', item.id)
        .where('id', '!=', requestId)
        .where('status', 'in', [...OPEN_ANALYSIS])
        .executeTakeFirst();
      const itemStatus = answer.kind === 'accept' || stillOpen || RELEASED.has(item.status) ? {} : { status: 'held' };
      try {
        await custodyChange(actor, item, { action, note }, itemStatus, auditRequestId, async (trx, at) => {
          const changes =
            answer.kind === 'accept'
              ? { status: 'accepted', assignee_id: actor.userId }
              : answer.kind === 'decline'
                ? { status: 'declined', result: answer.reason, answered_by: actor.userId, answered_at: at }
                : {
                    status: 'done',
                    result: answer.result,
                    answered_by: actor.userId,
                    answered_at: at,
                    result_sha256: file?.staged.sha256 ?? null,
                    result_file_name: file?.filename ?? null,
                    result_size_bytes: file?.staged.size ?? null,
                  };
          await trx.updateTable('analysis_request').set(changes).where('id', '=', requestId).execute();
          if (answer.kind !== 'accept' && request.requested_by) {
            await c.notifications.notify(trx, {
              userIds: [request.requested_by],
              kind: `evidence.analysis_${answer.kind === 'decline' ? 'declined' : 'done'}`,
              subject: { type: 'case', id: request.case_id },
              params: { evidenceNo: item.evidence_no },
            });
          }
        });
      } catch (error) {
        if (file && created) await c.blobs.remove(file.staged.sha256);
        throw error;
      }
      return presentRequest(await requestOrThrow(requestId));
    },

    /** The requested item's file, for the forensic unit; the access goes into the custody log. */
    async openAnalysisEvidence(actor: Actor, requestId: string, auditRequestId: string | null) {
      const request = await loadRequestForUnit(actor, requestId);
      const item = await db.selectFrom('evidence_item').selectAll().where('id', '=', request.evidence_id).executeTakeFirstOrThrow();
      return openForAccess(actor, item, auditRequestId);
    },

    async openAnalysisResult(actor: Actor, requestId: string) {
      const request = await loadRequestForUnit(actor, requestId);
      if (!request.result_sha256 || !request.result_file_name) throw new AppError(evidenceErrors.no_file);
      return { fileName: request.result_file_name, stream: c.blobs.open(request.result_sha256) };
    },

    /** Everything the custody record (PDF) shows; the export itself is audited. */
    async custodyRecord(actor: Actor, caseId: string, evidenceId: string, requestId: string | null) {
      const found = await c.cases.visibleCase(actor, caseId, 'custody_record', requestId);
      const detail = await service.detail(actor, caseId, evidenceId, requestId);
      await db.transaction().execute((trx) =>
        audit.record(trx, {
          actor: { type: 'user', id: actor.userId },
          action: 'evidence.custody_exported',
          target: { type: 'evidence', id: evidenceId },
          changes: { caseId, evidenceNo: detail.evidenceNo, integrity: detail.integrity, chainIntact: detail.chainIntact },
          requestId,
        }),
      );
      return { case: found, detail, exportedAt: clock.now().toISOString(), exportedBy: actor.userId };
    },
  };

  async function requestOrThrow(requestId: string) {
    const row = await findRequest(db, requestId);
    if (!row) throw new AppError(evidenceErrors.analysis_not_found, { requestId });
    return row;
  }

  async function openForAccess(actor: Actor, row: ItemRow, requestId: string | null) {
    if (!row.sha256 || !row.file_name) throw new AppError(evidenceErrors.no_file);
    const { integrity } = await integrityOf(actor, row, true);
    await custodyChange(actor, row, { action: 'accessed', note: integrity === 'intact' ? '' : integrity }, {}, requestId);
    return { fileName: row.file_name, integrity, stream: c.blobs.open(row.sha256) };
  }

  return service;
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
