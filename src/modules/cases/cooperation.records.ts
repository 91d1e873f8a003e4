// 共同捜査 with other prefectures, referrals to the National Cyber Unit (M3.2d) and international
// requests (国際捜査共助, ICPO, the 24/7 contact point …, M4), kept in the case: each with a status
// that moves only along its transitions and a history that is only ever appended to.
import { auditActorOf, type Actor } from '#kernel/auth/index.ts';
import type { Executor } from '#kernel/db/index.ts';
import { AppError } from '#kernel/errors.ts';
import { newId } from '#kernel/ids.ts';
import {
  EXTERNAL_FIRST_STATUS,
  EXTERNAL_TRANSITIONS,
  INTERNATIONAL_TRANSITIONS,
  type ExternalCooperationInput,
  type ExternalCooperationUpdate,
  type ExternalStatus,
  type InternationalRequestInput,
  type InternationalRequestUpdate,
  type InternationalStatus,
} from './cooperation.contract.ts';
import type { CooperationCollaborators, CooperationDeps } from './cooperation.deps.ts';
import { cooperationErrors } from './cooperation.errors.ts';
import { presentExternal, presentInternational } from './cooperation.presenter.ts';
import * as repo from './cooperation.repository.ts';

type Recorded = { caseId: string; recordType: repo.RecordType; recordId: string; status: string; auditAction: string; changes: Record<string, unknown> };
type Updated = { caseId: string; recordType: repo.RecordType; recordId: string; from: string; to: string | undefined; note: string; auditAction: string };

/** The next status, or none when the update is only a note; refused naming the allowed ones. */
function nextStatus<S extends string>(transitions: Record<S, readonly S[]>, from: S, to: S | undefined): S | undefined {
  if (to === undefined || to === from) return undefined;
  const allowed = transitions[from];
  if (!allowed.includes(to)) throw new AppError(cooperationErrors.invalid_transition, { from, to, allowed: allowed.join(', ') || '-' });
  return to;
}

export function createCooperationRecords({ database, clock, audit }: CooperationDeps, c: CooperationCollaborators) {
  const db = database.db;

  async function recorded(trx: Executor, actor: Actor, at: string, r: Recorded, requestId: string | null) {
    await repo.appendEvent(trx, {
      case_id: r.caseId,
      record_type: r.recordType,
      record_id: r.recordId,
      action: 'recorded',
      from_status: null,
      to_status: r.status,
      note: '',
      actor_id: actor.userId,
      at,
    });
    await c.cases.touch(trx, r.caseId, at);
    await audit.record(trx, { actor: auditActorOf(actor), action: r.auditAction, target: { type: 'case', id: r.caseId }, changes: r.changes, requestId });
  }

  async function updated(trx: Executor, actor: Actor, at: string, u: Updated, requestId: string | null) {
    await repo.appendEvent(trx, {
      case_id: u.caseId,
      record_type: u.recordType,
      record_id: u.recordId,
      action: u.to ? 'status_changed' : 'noted',
      from_status: u.from,
      to_status: u.to ?? null,
      note: u.note,
      actor_id: actor.userId,
      at,
    });
    await c.cases.touch(trx, u.caseId, at);
    await audit.record(trx, {
      actor: auditActorOf(actor),
      action: u.auditAction,
      target: { type: 'case', id: u.caseId },
      changes: { recordId: u.recordId, from: u.from, to: u.to ?? null, noteLength: u.note.length },
      requestId,
    });
  }

  async function externalView(caseId: string, recordId: string) {
    const row = await repo.findExternal(db, caseId, recordId);
    if (!row) throw new AppError(cooperationErrors.not_found, { recordId });
    return presentExternal(row, (await repo.eventsOf(db, [row.id])).get(row.id));
  }

  async function internationalView(caseId: string, recordId: string) {
    const row = await repo.findInternational(db, caseId, recordId);
    if (!row) throw new AppError(cooperationErrors.not_found, { recordId });
    return presentInternational(row, (await repo.eventsOf(db, [row.id])).get(row.id));
  }

  return {
    async ofCase(caseId: string) {
      const [external, international] = await Promise.all([repo.externalOfCase(db, caseId), repo.internationalOfCase(db, caseId)]);
      const events = await repo.eventsOf(db, [...external.map((r) => r.id), ...international.map((r) => r.id)]);
      return {
        external: external.map((row) => presentExternal(row, events.get(row.id))),
        international: international.map((row) => presentInternational(row, events.get(row.id))),
      };
    },

    async recordExternal(actor: Actor, caseId: string, input: ExternalCooperationInput, requestId: string | null) {
      await c.cases.visibleCase(actor, caseId, 'cooperation', requestId);
      const now = clock.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      const status = EXTERNAL_FIRST_STATUS[input.kind];
      await db.transaction().execute(async (trx) => {
        await repo.insertExternal(trx, {
          id,
          case_id: caseId,
          kind: input.kind,
          counterpart: input.counterpart,
          status,
          summary: input.summary,
          shared_observables: JSON.stringify(input.sharedObservables),
          contact_name: input.contactName,
          recorded_by: actor.userId,
          created_at: at,
          updated_at: at,
        });
        const changes = { recordId: id, kind: input.kind, counterpart: input.counterpart, shared: input.sharedObservables.length };
        await recorded(
          trx,
          actor,
          at,
          { caseId, recordType: 'external', recordId: id, status, auditAction: 'case.external_cooperation_recorded', changes },
          requestId,
        );
      });
      return externalView(caseId, id);
    },

    async updateExternal(actor: Actor, caseId: string, recordId: string, input: ExternalCooperationUpdate, requestId: string | null) {
      await c.cases.visibleCase(actor, caseId, 'cooperation', requestId);
      const row = await repo.findExternal(db, caseId, recordId);
      if (!row) throw new AppError(cooperationErrors.not_found, { recordId });
      const from = row.status as ExternalStatus;
      const to = nextStatus(EXTERNAL_TRANSITIONS, from, input.status);
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const set = { updated_at: at, ...(to ? { status: to } : {}), ...(input.contactName !== undefined ? { contact_name: input.contactName } : {}) };
        if (!(await repo.updateExternal(trx, row.id, from, set))) throw new AppError(cooperationErrors.invalid_transition, { from, to, allowed: '-' });
        const u = { caseId, recordType: 'external' as const, recordId, from, to, note: input.note, auditAction: 'case.external_cooperation_updated' };
        await updated(trx, actor, at, u, requestId);
      });
      return externalView(caseId, recordId);
    },

    async recordInternational(actor: Actor, caseId: string, input: InternationalRequestInput, requestId: string | null) {
      await c.cases.visibleCase(actor, caseId, 'cooperation', requestId);
      const now = clock.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      // An incoming request exists because the other side sent it.
      const status: InternationalStatus = input.direction === 'incoming' ? 'sent' : 'drafting';
      await db.transaction().execute(async (trx) => {
        await repo.insertInternational(trx, {
          id,
          case_id: caseId,
          direction: input.direction,
          country_code: input.countryCode,
          agency: input.agency,
          channel: input.channel,
          request_text: input.text,
          deadline_at: input.deadlineAt === null ? null : new Date(input.deadlineAt).toISOString(),
          status,
          our_reference: input.ourReference,
          their_reference: input.theirReference,
          recorded_by: actor.userId,
          created_at: at,
          updated_at: at,
        });
        const changes = { recordId: id, direction: input.direction, countryCode: input.countryCode, channel: input.channel };
        await recorded(
          trx,
          actor,
          at,
          { caseId, recordType: 'international', recordId: id, status, auditAction: 'case.international_recorded', changes },
          requestId,
        );
      });
      return internationalView(caseId, id);
    },

    async updateInternational(actor: Actor, caseId: string, recordId: string, input: InternationalRequestUpdate, requestId: string | null) {
      await c.cases.visibleCase(actor, caseId, 'cooperation', requestId);
      const row = await repo.findInternational(db, caseId, recordId);
      if (!row) throw new AppError(cooperationErrors.not_found, { recordId });
      const from = row.status as InternationalStatus;
      const to = nextStatus(INTERNATIONAL_TRANSITIONS, from, input.status);
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const set = {
          updated_at: at,
          ...(to ? { status: to } : {}),
          ...(input.ourReference !== undefined ? { our_reference: input.ourReference } : {}),
          ...(input.theirReference !== undefined ? { their_reference: input.theirReference } : {}),
        };
        if (!(await repo.updateInternational(trx, row.id, from, set))) throw new AppError(cooperationErrors.invalid_transition, { from, to, allowed: '-' });
        const u = { caseId, recordType: 'international' as const, recordId, from, to, note: input.note, auditAction: 'case.international_updated' };
        await updated(trx, actor, at, u, requestId);
      });
      return internationalView(caseId, recordId);
    },
  };
}
