// A case's attribution to catalogue entries (with a confidence) and its ransomware profile in
// NPA's survey items. Need-to-know comes from the cases module: a case the actor may not see is
// "not found", and reads of a sensitive case are audited there.
import type { Actor } from '#kernel/auth/index.ts';
import { AppError } from '#kernel/errors.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { AttributionInput, RansomwareProfileInput } from './threats.contract.ts';
import { userActor } from './threats.catalogue.ts';
import { threatErrors } from './threats.errors.ts';
import { asConfidence, asKind, presentProfile } from './threats.presenter.ts';
import * as repo from './threats.repository.ts';

const flag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

export function createCaseAttribution({ database, clock, audit }: Pick<KernelDeps, 'database' | 'clock' | 'audit'>, cases: CasesService) {
  const db = database.db;

  async function listOf(caseId: string) {
    const rows = await repo.attributionsOfCase(db, caseId);
    return {
      items: rows.map((r) => ({
        threatId: r.threat_id,
        name: r.name,
        kind: asKind(r.kind),
        confidence: asConfidence(r.confidence),
        note: r.note,
        createdBy: r.created_by,
        createdAt: r.created_at,
      })),
    };
  }

  async function attributions(actor: Actor, caseId: string, requestId: string | null) {
    await cases.visibleCase(actor, caseId, 'attributions', requestId);
    return listOf(caseId);
  }

  /** Links the case to an entry, or changes the confidence and note of an existing link. */
  async function attribute(actor: Actor, caseId: string, input: AttributionInput, requestId: string | null) {
    await cases.visibleCase(actor, caseId, 'attributions', requestId);
    if (!(await repo.findThreat(db, input.threatId))) throw new AppError(threatErrors.not_found, { threatId: input.threatId });
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const before = await repo.findAttribution(trx, caseId, input.threatId);
      await repo.upsertAttribution(trx, {
        case_id: caseId,
        threat_id: input.threatId,
        confidence: input.confidence,
        note: input.note,
        created_by: actor.userId,
        created_at: at,
      });
      await cases.touch(trx, caseId, at);
      await audit.record(trx, {
        actor: userActor(actor),
        action: before ? 'case.attribution_changed' : 'case.attribution_added',
        target: { type: 'case', id: caseId },
        changes: {
          threatId: input.threatId,
          confidence: input.confidence,
          ...(before && { previousConfidence: before.confidence }),
          noteLength: input.note.length,
        },
        requestId,
      });
    });
    return listOf(caseId);
  }

  async function removeAttribution(actor: Actor, caseId: string, threatId: string, requestId: string | null) {
    await cases.visibleCase(actor, caseId, 'attributions', requestId);
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const removed = await repo.findAttribution(trx, caseId, threatId);
      if (!removed || !(await repo.deleteAttribution(trx, caseId, threatId))) throw new AppError(threatErrors.attribution_not_found, { threatId });
      await cases.touch(trx, caseId, at);
      await audit.record(trx, {
        actor: userActor(actor),
        action: 'case.attribution_removed',
        target: { type: 'case', id: caseId },
        changes: { threatId, confidence: removed.confidence },
        requestId,
      });
    });
    return listOf(caseId);
  }

  async function ransomwareProfile(actor: Actor, caseId: string, requestId: string | null) {
    await cases.visibleCase(actor, caseId, 'ransomware', requestId);
    const row = await repo.findProfile(db, caseId);
    return { profile: row ? presentProfile(row) : null };
  }

  /** Replaces the whole profile: a field left out is not known (null). */
  async function saveRansomwareProfile(actor: Actor, caseId: string, input: RansomwareProfileInput, requestId: string | null) {
    await cases.visibleCase(actor, caseId, 'ransomware', requestId);
    if (input.ransomAmountYen !== null && input.ransomDemanded !== true) throw new AppError(threatErrors.ransom_amount_without_demand);
    const at = clock.now().toISOString();
    const row = {
      case_id: caseId,
      infection_route: input.infectionRoute,
      encrypted: flag(input.encrypted),
      double_extortion: flag(input.doubleExtortion),
      data_leaked: flag(input.dataLeaked),
      ransom_demanded: flag(input.ransomDemanded),
      ransom_amount_yen: input.ransomAmountYen,
      backup_state: input.backupState,
      recovery_period: input.recoveryPeriod,
      recovery_cost: input.recoveryCost,
      updated_by: actor.userId,
      updated_at: at,
    };
    await db.transaction().execute(async (trx) => {
      await repo.upsertProfile(trx, row);
      await cases.touch(trx, caseId, at);
      await audit.record(trx, {
        actor: userActor(actor),
        action: 'case.ransomware_profile_saved',
        target: { type: 'case', id: caseId },
        changes: { ...input },
        requestId,
      });
    });
    return { profile: presentProfile(row) };
  }

  return { attributions, attribute, removeAttribution, ransomwareProfile, saveRansomwareProfile };
}
