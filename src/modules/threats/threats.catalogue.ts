// The catalogue use cases: search by any name or alias, read an entry with the attributed cases
// the viewer may open, and add or edit entries and aliases (threat.manage, audited).
import { can, type Actor } from '#kernel/auth/index.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import { isUniqueViolation } from '#kernel/db/index.ts';
import { AppError } from '#kernel/errors.ts';
import { newId } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { CasesService } from '#modules/cases/index.ts';
import { aliasKey } from './threats.alias-key.ts';
import type { ThreatChanges, ThreatDetail, ThreatInput, ThreatKind } from './threats.contract.ts';
import { threatErrors } from './threats.errors.ts';
import { asConfidence, presentDetail, presentSummary } from './threats.presenter.ts';
import * as repo from './threats.repository.ts';

export function userActor(actor: Actor): AuditActor {
  return { type: actor.via === 'token' ? 'token' : 'user', id: actor.userId };
}

function duplicateName(name: string, cause?: unknown): AppError {
  return new AppError(threatErrors.duplicate_name, { name }, { cause });
}

export function createThreatCatalogue({ database, clock, audit }: Pick<KernelDeps, 'database' | 'clock' | 'audit'>, cases: CasesService) {
  const db = database.db;

  async function aliasMap(threatIds: string[]) {
    const byThreat = new Map<string, { alias: string; key: string }[]>();
    for (const row of await repo.aliasesOf(db, threatIds)) {
      const list = byThreat.get(row.threat_id) ?? [];
      list.push({ alias: row.alias, key: row.alias_key });
      byThreat.set(row.threat_id, list);
    }
    return byThreat;
  }

  /** Attributed cases the viewer may open are named; the rest only counted. */
  async function attributedCases(actor: Actor, threatId: string): Promise<ThreatDetail['cases']> {
    const attributions = await repo.attributionsToThreat(db, threatId);
    const named = can(actor, 'case.read')
      ? await cases.visibleNumbers(
          actor,
          attributions.map((a) => a.case_id),
        )
      : new Map<string, string>();
    const items: ThreatDetail['cases']['items'] = [];
    for (const attribution of attributions) {
      const caseNo = named.get(attribution.case_id);
      const row = caseNo === undefined ? undefined : await cases.get(attribution.case_id);
      if (caseNo === undefined || !row) continue;
      items.push({ caseId: row.id, caseNo, title: row.title, confidence: asConfidence(attribution.confidence), attributedAt: attribution.created_at });
    }
    return { items, hiddenCount: attributions.length - items.length };
  }

  async function detail(actor: Actor, threatId: string): Promise<ThreatDetail> {
    const row = await repo.findThreat(db, threatId);
    if (!row) throw new AppError(threatErrors.not_found, { threatId });
    const aliases = (await aliasMap([row.id])).get(row.id) ?? [];
    return presentDetail(
      row,
      aliases.map((a) => a.alias),
      await attributedCases(actor, row.id),
    );
  }

  async function list(query: { q?: string | undefined; kind?: ThreatKind | undefined; limit: number }) {
    const key = aliasKey(query.q ?? '');
    const rows = await repo.searchThreats(db, { key, kind: query.kind, limit: query.limit });
    const aliases = await aliasMap(rows.map((r) => r.id));
    const items = rows.map((row) => {
      const own = aliases.get(row.id) ?? [];
      const matched = key && !row.name_key.includes(key) ? (own.find((a) => a.key === key) ?? own.find((a) => a.key.includes(key)) ?? null) : null;
      const exact = row.name_key === key || own.some((a) => a.key === key);
      return {
        exact,
        item: presentSummary(
          row,
          own.map((a) => a.alias),
          matched?.alias ?? null,
        ),
      };
    });
    // An exact name or alias comes first: 'Royal' finds BlackSuit before anything merely containing it.
    items.sort((a, b) => Number(b.exact) - Number(a.exact));
    return { items: items.map((i) => i.item) };
  }

  async function create(actor: Actor, input: ThreatInput, requestId: string | null) {
    const nameKey = aliasKey(input.name);
    if (await repo.findThreatByNameKey(db, nameKey)) throw duplicateName(input.name);
    const at = clock.now().toISOString();
    const id = newId(clock.now().getTime());
    try {
      await db.transaction().execute(async (trx) => {
        await repo.insertThreat(trx, {
          id,
          kind: input.kind,
          name: input.name,
          name_key: nameKey,
          description: input.description,
          origin: input.origin,
          sponsor: input.sponsor,
          state_sponsored: input.stateSponsored ? 1 : 0,
          first_seen: input.firstSeen,
          last_seen: input.lastSeen,
          mitre_id: input.mitreId,
          external_refs: JSON.stringify(input.externalRefs),
          version: 1,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        });
        for (const alias of input.aliases) {
          const key = aliasKey(alias);
          if (key && key !== nameKey) await repo.insertAlias(trx, { threat_id: id, alias, alias_key: key, created_at: at });
        }
        await audit.record(trx, { actor: userActor(actor), action: 'threat.created', target: { type: 'threat', id }, changes: { ...input }, requestId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateName(input.name, error);
      throw error;
    }
    return detail(actor, id);
  }

  async function update(actor: Actor, threatId: string, changes: ThreatChanges, requestId: string | null) {
    const row = await repo.findThreat(db, threatId);
    if (!row) throw new AppError(threatErrors.not_found, { threatId });
    const { version, ...fields } = changes;
    const nameKey = fields.name === undefined ? row.name_key : aliasKey(fields.name);
    const clash = nameKey === row.name_key ? undefined : await repo.findThreatByNameKey(db, nameKey);
    if (clash) throw duplicateName(fields.name ?? row.name);
    const at = clock.now().toISOString();
    try {
      await db.transaction().execute(async (trx) => {
        const updated = await repo.updateThreat(trx, threatId, version, {
          ...(fields.kind !== undefined && { kind: fields.kind }),
          ...(fields.name !== undefined && { name: fields.name, name_key: nameKey }),
          ...(fields.description !== undefined && { description: fields.description }),
          ...(fields.origin !== undefined && { origin: fields.origin }),
          ...(fields.sponsor !== undefined && { sponsor: fields.sponsor }),
          ...(fields.stateSponsored !== undefined && { state_sponsored: fields.stateSponsored ? 1 : 0 }),
          ...(fields.firstSeen !== undefined && { first_seen: fields.firstSeen }),
          ...(fields.lastSeen !== undefined && { last_seen: fields.lastSeen }),
          ...(fields.mitreId !== undefined && { mitre_id: fields.mitreId }),
          ...(fields.externalRefs !== undefined && { external_refs: JSON.stringify(fields.externalRefs) }),
          updated_at: at,
        });
        if (!updated) throw new AppError(threatErrors.version_conflict, { expected: version });
        await audit.record(trx, { actor: userActor(actor), action: 'threat.updated', target: { type: 'threat', id: threatId }, changes: fields, requestId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateName(fields.name ?? row.name, error);
      throw error;
    }
    return detail(actor, threatId);
  }

  async function addAlias(actor: Actor, threatId: string, alias: string, requestId: string | null) {
    const row = await repo.findThreat(db, threatId);
    if (!row) throw new AppError(threatErrors.not_found, { threatId });
    const key = aliasKey(alias);
    const at = clock.now().toISOString();
    if (key && key !== row.name_key) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.insertAlias(trx, { threat_id: threatId, alias, alias_key: key, created_at: at }))) return;
        await repo.touchThreat(trx, threatId, at);
        await audit.record(trx, {
          actor: userActor(actor),
          action: 'threat.alias_added',
          target: { type: 'threat', id: threatId },
          changes: { alias },
          requestId,
        });
      });
    }
    return detail(actor, threatId);
  }

  async function removeAlias(actor: Actor, threatId: string, alias: string, requestId: string | null) {
    if (!(await repo.findThreat(db, threatId))) throw new AppError(threatErrors.not_found, { threatId });
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.deleteAlias(trx, threatId, aliasKey(alias)))) throw new AppError(threatErrors.alias_not_found, { alias });
      await repo.touchThreat(trx, threatId, at);
      await audit.record(trx, {
        actor: userActor(actor),
        action: 'threat.alias_removed',
        target: { type: 'threat', id: threatId },
        changes: { alias },
        requestId,
      });
    });
    return detail(actor, threatId);
  }

  return { list, detail, create, update, addAlias, removeAlias };
}
