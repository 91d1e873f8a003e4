// The unit directory (M1.1): the tree of units, their liaisons (連携担当者) and the
// cybersecurity general manager (サイバーセキュリティ総括責任者).
import { AppError } from '#kernel/errors.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import { isUniqueViolation, type UnitRow } from '#kernel/db/index.ts';
import { newId } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { UsersService } from '#modules/accounts/index.ts';
import type { CreateUnitInput, UnitView, UpdateUnitInput } from './units.contract.ts';
import { unitErrors } from './units.errors.ts';
import { presentUnit } from './units.presenter.ts';
import * as repo from './units.repository.ts';
import { buildSeedRows, insertSeedUnits } from './units.seed.ts';

export const GENERAL_MANAGER_POST = 'cyber_general_manager';

export function createUnitsService({ database, clock, audit }: KernelDeps, users: () => UsersService) {
  const db = database.db;

  async function load(unitId: string): Promise<UnitView> {
    const row = await repo.findUnitWithLiaison(db, unitId);
    if (!row) throw new AppError(unitErrors.not_found, { unitId });
    return presentUnit(row);
  }

  async function assertParent(unitId: string | null, parentId: string | null): Promise<void> {
    if (parentId === null) return;
    const links = await repo.listParentLinks(db);
    if (!links.has(parentId)) throw new AppError(unitErrors.parent_not_found, { parentId });
    for (let cursor: string | null | undefined = parentId; cursor; cursor = links.get(cursor)) {
      if (cursor === unitId) throw new AppError(unitErrors.cycle, { unitId, parentId });
    }
  }

  async function assertUser(userId: string | null): Promise<void> {
    if (userId && !(await users().exists(userId))) throw new AppError(unitErrors.liaison_not_found, { userId });
  }

  return {
    async list(): Promise<UnitView[]> {
      return (await repo.listUnitsWithLiaison(db)).map(presentUnit);
    },

    get: load,

    async getWithMembers(unitId: string) {
      const unit = await load(unitId);
      const members = (await users().listOfUnit(unitId)).map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        roles: u.roles,
        disabled: u.disabled,
      }));
      return { ...unit, members };
    },

    async exists(unitId: string): Promise<boolean> {
      return (await repo.findUnit(db, unitId)) !== undefined;
    },

    async create(actor: AuditActor, input: CreateUnitInput, requestId: string | null): Promise<UnitView> {
      await assertParent(null, input.parentId);
      const now = clock.now().toISOString();
      const row: UnitRow = {
        id: newId(),
        code: input.code,
        parent_id: input.parentId,
        kind: input.kind,
        name_ja: input.nameJa,
        name_en: input.nameEn,
        sort_order: input.sortOrder ?? 0,
        phone: input.phone ?? null,
        liaison_user_id: null,
        created_at: now,
        updated_at: now,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertUnits(trx, [row]);
          await audit.record(trx, { actor, action: 'unit.created', target: { type: 'unit', id: row.id }, changes: { ...input }, requestId });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(unitErrors.code_taken, { code: input.code }, { cause: error });
        throw error;
      }
      return load(row.id);
    },

    async update(actor: AuditActor, unitId: string, input: UpdateUnitInput, requestId: string | null): Promise<UnitView> {
      const before = await repo.findUnit(db, unitId);
      if (!before) throw new AppError(unitErrors.not_found, { unitId });
      if (input.parentId !== undefined) await assertParent(unitId, input.parentId);
      const changes: Partial<UnitRow> = { updated_at: clock.now().toISOString() };
      if (input.parentId !== undefined) changes.parent_id = input.parentId;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.nameJa !== undefined) changes.name_ja = input.nameJa;
      if (input.nameEn !== undefined) changes.name_en = input.nameEn;
      if (input.sortOrder !== undefined) changes.sort_order = input.sortOrder;
      if (input.phone !== undefined) changes.phone = input.phone;
      await db.transaction().execute(async (trx) => {
        await repo.updateUnit(trx, unitId, changes);
        await audit.record(trx, { actor, action: 'unit.updated', target: { type: 'unit', id: unitId }, changes: { ...input }, requestId });
      });
      return load(unitId);
    },

    async setLiaison(actor: AuditActor, unitId: string, userId: string | null, requestId: string | null): Promise<UnitView> {
      const before = await repo.findUnit(db, unitId);
      if (!before) throw new AppError(unitErrors.not_found, { unitId });
      await assertUser(userId);
      await db.transaction().execute(async (trx) => {
        await repo.updateUnit(trx, unitId, { liaison_user_id: userId, updated_at: clock.now().toISOString() });
        await audit.record(trx, {
          actor,
          action: 'unit.liaison_set',
          target: { type: 'unit', id: unitId },
          changes: { from: before.liaison_user_id, to: userId },
          requestId,
        });
      });
      return load(unitId);
    },

    async getGeneralManager() {
      const row = await repo.findPost(db, GENERAL_MANAGER_POST);
      return { user: row ? { id: row.id, displayName: row.display_name, username: row.username } : null };
    },

    async setGeneralManager(actor: AuditActor, userId: string | null, requestId: string | null) {
      await assertUser(userId);
      await db.transaction().execute(async (trx) => {
        await repo.setPost(trx, GENERAL_MANAGER_POST, userId, clock.now().toISOString());
        await audit.record(trx, {
          actor,
          action: 'unit.general_manager_set',
          target: { type: 'org_post', id: GENERAL_MANAGER_POST },
          changes: { userId },
          requestId,
        });
      });
      return this.getGeneralManager();
    },

    /** Seeds the directory when it is empty; returns how many units were added. */
    async seedIfEmpty(actor: AuditActor): Promise<number> {
      if ((await repo.countUnits(db)) > 0) return 0;
      const rows = buildSeedRows(clock.now().toISOString());
      await db.transaction().execute(async (trx) => {
        await insertSeedUnits(trx, rows);
        await audit.record(trx, { actor, action: 'unit.seeded', target: { type: 'unit', id: null }, changes: { count: rows.length } });
      });
      return rows.length;
    },

    findIdByCode: async (code: string) => (await repo.findUnitIdByCode(db, code))?.id,
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
