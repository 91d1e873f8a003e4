// Administration of accounts: create, change roles and unit, disable, reset password.
import { AppError } from '#kernel/errors.ts';
import { generateOneTimePassword, hashPassword, isStrongEnough, MIN_PASSWORD_LENGTH, type Role } from '#kernel/auth/index.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import { isUniqueViolation, type AppUserUpdate } from '#kernel/db/index.ts';
import { newId } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { CreateUserInput, UpdateUserInput, UserSummary } from './accounts.contract.ts';
import * as repo from './accounts.repository.ts';
import { cacheClearingTransaction, type CredentialCache } from './credential-cache.ts';
import { userErrors } from './accounts.errors.ts';
import { presentUser } from './accounts.presenter.ts';

export type UnitExists = (unitId: string) => Promise<boolean>;

export function createUsersService({ database, clock, audit }: KernelDeps, unitExists: UnitExists, cache: CredentialCache) {
  const db = database.db;

  const write = cacheClearingTransaction(db, cache);

  async function loadSummary(userId: string): Promise<UserSummary> {
    const user = await repo.findUserById(db, userId);
    if (!user) throw new AppError(userErrors.not_found, { userId });
    return presentUser(user, await repo.findRolesOfUser(db, userId), clock.now());
  }

  async function assertUnit(unitId: string | null | undefined): Promise<void> {
    if (unitId && !(await unitExists(unitId))) throw new AppError('unit.not_found', { unitId });
  }

  return {
    async list(): Promise<UserSummary[]> {
      const users = await repo.listUsers(db);
      const roles = await repo.findRolesOfUsers(
        db,
        users.map((u) => u.id),
      );
      return users.map((u) => presentUser(u, roles.get(u.id) ?? [], clock.now()));
    },

    get: loadSummary,

    async create(actor: AuditActor, input: CreateUserInput, requestId: string | null): Promise<{ user: UserSummary; initialPassword: string }> {
      await assertUnit(input.unitId);
      const initialPassword = generateOneTimePassword();
      const now = clock.now().toISOString();
      const id = newId();
      const roles = [...new Set(input.roles)];
      const passwordHash = await hashPassword(initialPassword);
      try {
        await write(async (trx) => {
          await repo.insertUser(
            trx,
            {
              id,
              username: input.username,
              display_name: input.displayName,
              email: input.email ?? null,
              unit_id: input.unitId ?? null,
              password_hash: passwordHash,
              must_change_password: 1,
              password_changed_at: now,
              totp_secret: null,
              totp_enabled: 0,
              totp_last_step: null,
              failed_logins: 0,
              locked_until: null,
              disabled_at: null,
              locale: 'ja',
              created_at: now,
              updated_at: now,
            },
            roles,
          );
          await audit.record(trx, {
            actor,
            action: 'user.created',
            target: { type: 'user', id },
            changes: { username: input.username, displayName: input.displayName, roles, unitId: input.unitId ?? null },
            requestId,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(userErrors.username_taken, { username: input.username }, { cause: error });
        throw error;
      }
      return { user: await loadSummary(id), initialPassword };
    },

    /** `actingUserId` is the user making the change (null from the CLI), who may not disable themself. */
    async update(actor: AuditActor, actingUserId: string | null, userId: string, input: UpdateUserInput, requestId: string | null): Promise<UserSummary> {
      const user = await repo.findUserById(db, userId);
      if (!user) throw new AppError(userErrors.not_found, { userId });
      await assertUnit(input.unitId);
      const currentRoles = await repo.findRolesOfUser(db, userId);
      const losesAdmin =
        currentRoles.includes('admin') &&
        user.disabled_at === null &&
        (input.disabled === true || (input.roles !== undefined && !input.roles.includes('admin')));
      if (input.disabled === true && userId === actingUserId) throw new AppError(userErrors.cannot_disable_self);
      const now = clock.now().toISOString();
      const changes: AppUserUpdate = { updated_at: now };
      if (input.displayName !== undefined) changes.display_name = input.displayName;
      if (input.email !== undefined) changes.email = input.email;
      if (input.unitId !== undefined) changes.unit_id = input.unitId;
      if (input.disabled !== undefined) changes.disabled_at = input.disabled ? (user.disabled_at ?? now) : null;
      await write(async (trx) => {
        if (losesAdmin && (await repo.countActiveAdmins(trx)) <= 1) throw new AppError(userErrors.last_admin);
        await repo.updateUser(trx, userId, changes);
        if (input.roles) await repo.replaceRoles(trx, userId, [...new Set<Role>(input.roles)]);
        if (input.disabled) {
          await repo.deleteSessionsOfUser(trx, userId);
          await repo.revokeApiTokensOfUser(trx, userId, now);
        }
        await audit.record(trx, { actor, action: 'user.updated', target: { type: 'user', id: userId }, changes: { ...input }, requestId });
      });
      return loadSummary(userId);
    },

    async resetPassword(actor: AuditActor, userId: string, requestId: string | null): Promise<{ user: UserSummary; initialPassword: string }> {
      const user = await repo.findUserById(db, userId);
      if (!user) throw new AppError(userErrors.not_found, { userId });
      const initialPassword = generateOneTimePassword();
      const passwordHash = await hashPassword(initialPassword);
      const now = clock.now().toISOString();
      await write(async (trx) => {
        await repo.updateUser(trx, userId, {
          password_hash: passwordHash,
          must_change_password: 1,
          password_changed_at: now,
          failed_logins: 0,
          locked_until: null,
          updated_at: now,
        });
        await repo.deleteSessionsOfUser(trx, userId);
        await repo.revokeApiTokensOfUser(trx, userId, now);
        await audit.record(trx, { actor, action: 'user.password_reset', target: { type: 'user', id: userId }, requestId });
      });
      return { user: await loadSummary(userId), initialPassword };
    },

    /** A password the operator chose (demo seeding, `koban seed demo --password`): no change asked at first login. */
    async setPassword(actor: AuditActor, userId: string, password: string, requestId: string | null): Promise<void> {
      const user = await repo.findUserById(db, userId);
      if (!user) throw new AppError(userErrors.not_found, { userId });
      if (!isStrongEnough(password, user.username)) throw new AppError('auth.weak_password', { minimum: MIN_PASSWORD_LENGTH });
      const passwordHash = await hashPassword(password);
      const now = clock.now().toISOString();
      await write(async (trx) => {
        await repo.updateUser(trx, userId, { password_hash: passwordHash, must_change_password: 0, password_changed_at: now, updated_at: now });
        await audit.record(trx, { actor, action: 'user.password_set', target: { type: 'user', id: userId }, requestId });
      });
    },

    async findIdByUsername(username: string): Promise<string | undefined> {
      return (await repo.findUserByUsername(db, username))?.id;
    },

    async exists(userId: string): Promise<boolean> {
      return (await repo.findUserById(db, userId)) !== undefined;
    },

    /** Where to reach active users (notifications): display name and e-mail address, if any. */
    async contactsOf(userIds: string[]): Promise<{ id: string; displayName: string; email: string | null }[]> {
      const found = [];
      for (const id of new Set(userIds)) {
        const user = await repo.findUserById(db, id);
        if (user && user.disabled_at === null) found.push({ id: user.id, displayName: user.display_name, email: user.email });
      }
      return found;
    },

    listOfUnit: async (unitId: string): Promise<UserSummary[]> => {
      const users = await repo.listUsersOfUnit(db, unitId);
      const roles = await repo.findRolesOfUsers(
        db,
        users.map((u) => u.id),
      );
      return users.map((u) => presentUser(u, roles.get(u.id) ?? [], clock.now()));
    },

    countUsers: () => repo.countUsers(db),

    /** On first start: an administrator with a one-time password that must be changed at first login. */
    async createFirstAdministrator(actor: AuditActor, unitId: string | null): Promise<{ username: string; initialPassword: string } | null> {
      if ((await repo.countUsers(db)) > 0) return null;
      const created = await this.create(actor, { username: 'admin', displayName: '管理者 (Administrator)', roles: ['admin'], unitId }, null);
      return { username: created.user.username, initialPassword: created.initialPassword };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
