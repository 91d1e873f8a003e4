// Log-in, sessions and the second factor. A session passes through stages (TOTP, forced password
// change, TOTP enrolment for roles that need it) before it carries any permission.
import { randomBytes } from 'node:crypto';
import { AppError, accessErrors } from '#kernel/errors.ts';
import { addMinutes } from '#kernel/clock.ts';
import {
  hashPassword,
  isRole,
  isStrongEnough,
  matchTotpStep,
  newTotpSecret,
  permissionsOf,
  ROLES_REQUIRING_TOTP,
  totpUri,
  verifyPassword,
  type Actor,
  type LoginStage,
  type Permission,
  type RequestAuth,
  type Role,
} from '#kernel/auth/index.ts';
import type { AppUserRow, Executor, SessionRow } from '#kernel/db/index.ts';
import { newId, randomToken, sha256Hex } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import * as repo from './accounts.repository.ts';
import { authErrors } from './accounts.errors.ts';
import { cacheClearingTransaction, type CachedCredential, type CredentialCache } from './credential-cache.ts';

const TOUCH_AFTER_MS = 60_000;
// A hash to verify against when the user name is unknown, so the timing does not reveal it.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomToken()));

export type LoginMeta = { ip: string | null; userAgent: string | null; requestId: string };

export function stageOf(user: AppUserRow, roles: readonly Role[], session: SessionRow | null): LoginStage {
  if (session && user.totp_enabled === 1 && session.mfa_verified !== 1) return 'totp';
  if (user.must_change_password === 1) return 'password_change';
  if (user.totp_enabled !== 1 && roles.some((r) => ROLES_REQUIRING_TOTP.includes(r))) return 'totp_enrolment';
  return 'active';
}

function rolesOf(names: string[]): Role[] {
  return names.filter(isRole);
}

export function createSessionsService({ database, clock, audit, config }: KernelDeps, cache: CredentialCache) {
  const db = database.db;

  const write = cacheClearingTransaction(db, cache);

  // The user row each resolved credential was built from, so describing the session costs no query.
  const userOfAuth = new WeakMap<RequestAuth, AppUserRow>();

  function buildAuth(
    user: AppUserRow,
    roles: Role[],
    session: SessionRow | null,
    credential: { via: Actor['via']; id: string; scopes?: string[] },
  ): RequestAuth {
    const stage = credential.via === 'session' ? stageOf(user, roles, session) : 'active';
    let permissions = stage === 'active' ? permissionsOf(roles) : new Set<Permission>();
    if (credential.scopes) {
      const scopes = new Set(credential.scopes);
      permissions = new Set([...permissions].filter((p) => scopes.has(p)));
    }
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      roles,
      unitId: user.unit_id,
      permissions,
      via: credential.via,
      credentialId: credential.id,
    };
    const auth: RequestAuth = { stage, actor, sessionId: session?.id ?? null, csrfToken: session?.csrf_token ?? null };
    userOfAuth.set(auth, user);
    return auth;
  }

  /** Counts a failure in the database itself, so parallel wrong guesses cannot all read the same count. */
  async function recordFailure(trx: Executor, user: AppUserRow, reason: string, requestId: string): Promise<boolean> {
    const failures = await repo.incrementFailedLogins(trx, user.id);
    const locks = failures >= config.loginMaxFailures;
    if (locks) await repo.updateUser(trx, user.id, { failed_logins: 0, locked_until: addMinutes(clock.now(), config.lockoutMinutes).toISOString() });
    await audit.record(trx, {
      actor: { type: 'public', id: null },
      action: locks ? 'auth.locked' : 'auth.login_failed',
      target: { type: 'user', id: user.id },
      changes: { reason, failures },
      requestId,
    });
    return locks;
  }

  async function loadCredential(sessionId: string, nowMs: number): Promise<CachedCredential | undefined> {
    const generation = cache.generation();
    const session = await repo.findSession(db, sessionId);
    const user = session ? await repo.findUserById(db, session.user_id) : undefined;
    if (!session || !user) return undefined;
    const entry: CachedCredential = { user, roles: await repo.findRolesOfUser(db, user.id), session, token: null, cachedAt: nowMs };
    cache.set(`s:${sessionId}`, entry, generation);
    return entry;
  }

  function isLocked(user: AppUserRow): boolean {
    return user.locked_until !== null && user.locked_until > clock.now().toISOString();
  }

  async function loadSessionUser(auth: RequestAuth): Promise<AppUserRow> {
    const user = await repo.findUserById(db, auth.actor.userId);
    if (!user) throw new AppError(accessErrors.required);
    return user;
  }

  async function refreshAuth(auth: RequestAuth): Promise<RequestAuth> {
    if (!auth.sessionId) return auth;
    const session = await repo.findSession(db, auth.sessionId);
    const user = await repo.findUserById(db, auth.actor.userId);
    if (!session || !user) throw new AppError(accessErrors.session_expired);
    return buildAuth(user, rolesOf(await repo.findRolesOfUser(db, user.id)), session, { via: 'session', id: session.id });
  }

  return {
    async login(input: { username: string; password: string }, meta: LoginMeta): Promise<{ token: string; auth: RequestAuth; user: AppUserRow }> {
      const user = await repo.findUserByUsername(db, input.username);
      if (!user) {
        await verifyPassword(await getDummyHash(), input.password);
        throw new AppError(authErrors.invalid_credentials);
      }
      if (isLocked(user)) {
        // A locked account is not tried at all (that is the point of the lock); the dummy
        // verification keeps the timing of this answer like the others.
        await verifyPassword(await getDummyHash(), input.password);
        throw new AppError(authErrors.locked, { minutes: config.lockoutMinutes });
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        const locked = await write((trx) => recordFailure(trx, user, 'password', meta.requestId));
        if (locked) throw new AppError(authErrors.locked, { minutes: config.lockoutMinutes });
        throw new AppError(authErrors.invalid_credentials);
      }
      // Only someone who knows the password learns that the account is disabled.
      if (user.disabled_at) throw new AppError(authErrors.disabled);
      const token = randomToken();
      const now = clock.now();
      const session = {
        id: sha256Hex(token),
        user_id: user.id,
        csrf_token: randomToken(24),
        created_at: now.toISOString(),
        expires_at: addMinutes(now, config.sessionAbsoluteHours * 60).toISOString(),
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      };
      await write(async (trx) => {
        // With a second factor the failure count is reset only when the code is right, so logging
        // in again does not buy fresh TOTP guesses.
        if (user.totp_enabled !== 1) await repo.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
        await repo.insertSession(trx, session);
        await audit.record(trx, {
          actor: { type: 'user', id: user.id },
          action: 'auth.login',
          target: { type: 'user', id: user.id },
          requestId: meta.requestId,
        });
      });
      const stored = await repo.findSession(db, session.id);
      const roles = rolesOf(await repo.findRolesOfUser(db, user.id));
      return { token, auth: buildAuth(user, roles, stored ?? null, { via: 'session', id: session.id }), user };
    },

    async fromSessionToken(token: string): Promise<RequestAuth | 'expired' | null> {
      const id = sha256Hex(token);
      const now = clock.now();
      const cached = cache.get(`s:${id}`, now.getTime()) ?? (await loadCredential(id, now.getTime()));
      const session = cached?.session;
      if (!cached || !session) return null;
      const idleLimit = addMinutes(new Date(session.last_seen_at), config.sessionIdleMinutes);
      if (now.toISOString() >= session.expires_at || now >= idleLimit) {
        await write((trx) => repo.deleteSession(trx, session.id));
        return 'expired';
      }
      if (cached.user.disabled_at) return null;
      if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_AFTER_MS) {
        await repo.touchSession(db, session.id, now.toISOString());
        cached.session = { ...session, last_seen_at: now.toISOString() };
      }
      return buildAuth(cached.user, rolesOf(cached.roles), cached.session, { via: 'session', id: session.id });
    },

    async fromApiToken(token: string): Promise<RequestAuth | null> {
      const tokenHash = sha256Hex(token);
      const now = clock.now();
      let cached = cache.get(`t:${tokenHash}`, now.getTime());
      if (!cached) {
        const generation = cache.generation();
        const row = await repo.findApiTokenByHash(db, tokenHash);
        const user = row ? await repo.findUserById(db, row.user_id) : undefined;
        if (!row || !user) return null;
        cached = { user, roles: await repo.findRolesOfUser(db, user.id), session: null, token: row, cachedAt: now.getTime() };
        cache.set(`t:${tokenHash}`, cached, generation);
      }
      const row = cached.token;
      if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString()) || cached.user.disabled_at) return null;
      if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_AFTER_MS) {
        await repo.touchApiToken(db, row.id, now.toISOString());
        cached.token = { ...row, last_used_at: now.toISOString() };
      }
      return buildAuth(cached.user, rolesOf(cached.roles), null, { via: 'token', id: row.id, scopes: JSON.parse(row.scopes) as string[] });
    },

    async logout(auth: RequestAuth, requestId: string): Promise<void> {
      if (!auth.sessionId) return;
      const sessionId = auth.sessionId;
      await write(async (trx) => {
        await repo.deleteSession(trx, sessionId);
        await audit.record(trx, {
          actor: { type: 'user', id: auth.actor.userId },
          action: 'auth.logout',
          target: { type: 'user', id: auth.actor.userId },
          requestId,
        });
      });
    },

    async describe(auth: RequestAuth): Promise<{ auth: RequestAuth; user: AppUserRow }> {
      return { auth, user: userOfAuth.get(auth) ?? (await loadSessionUser(auth)) };
    },

    /** Checks the second factor: a 6-digit TOTP code, or an unused recovery code. */
    async verifySecondFactor(auth: RequestAuth, code: string, requestId: string): Promise<{ auth: RequestAuth; user: AppUserRow }> {
      const user = await loadSessionUser(auth);
      const sessionId = auth.sessionId;
      if (auth.stage !== 'totp' || !sessionId || !user.totp_secret) throw new AppError(authErrors.totp_not_pending);
      if (isLocked(user)) throw new AppError(authErrors.locked, { minutes: config.lockoutMinutes });
      const now = clock.now();
      const step = await matchTotpStep(user.totp_secret, code, now);
      const isFreshStep = step !== null && (user.totp_last_step === null || step > user.totp_last_step);
      const recovery = step === null ? await repo.findUnusedRecoveryCode(db, user.id, sha256Hex(normaliseRecoveryCode(code))) : undefined;
      if (!isFreshStep && !recovery) {
        const locked = await write((trx) => recordFailure(trx, user, 'totp', requestId));
        if (locked) throw new AppError(authErrors.locked, { minutes: config.lockoutMinutes });
        throw new AppError(authErrors.invalid_totp);
      }
      await write(async (trx) => {
        // Claim the code in the database: of two requests racing with the same code, one wins.
        const claimed = recovery
          ? await repo.claimRecoveryCode(trx, recovery.id, now.toISOString())
          : step !== null && (await repo.claimTotpStep(trx, user.id, step));
        if (!claimed) throw new AppError(authErrors.invalid_totp);
        await repo.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
        await repo.markSessionVerified(trx, sessionId);
        await audit.record(trx, {
          actor: { type: 'user', id: user.id },
          action: recovery ? 'auth.recovery_code_used' : 'auth.totp_verified',
          target: { type: 'user', id: user.id },
          requestId,
        });
      });
      return this.describe(await refreshAuth(auth));
    },

    async changePassword(auth: RequestAuth, input: { currentPassword: string; newPassword: string }, requestId: string) {
      const user = await loadSessionUser(auth);
      if (auth.stage === 'totp') throw new AppError(accessErrors.stage_incomplete, { stage: auth.stage });
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        const locked = await write((trx) => recordFailure(trx, user, 'current_password', requestId));
        if (locked) await write((trx) => repo.deleteSessionsOfUser(trx, user.id));
        throw new AppError(locked ? authErrors.locked : authErrors.wrong_password, { minutes: config.lockoutMinutes });
      }
      if (!isStrongEnough(input.newPassword, user.username)) throw new AppError(authErrors.weak_password, { minimum: 12 });
      if (input.newPassword === input.currentPassword) throw new AppError(authErrors.password_reused);
      const passwordHash = await hashPassword(input.newPassword);
      const now = clock.now().toISOString();
      await write(async (trx) => {
        await repo.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 0, password_changed_at: now, updated_at: now });
        await repo.deleteSessionsOfUser(trx, user.id, auth.sessionId);
        await audit.record(trx, { actor: { type: 'user', id: user.id }, action: 'auth.password_changed', target: { type: 'user', id: user.id }, requestId });
      });
      return this.describe(await refreshAuth(auth));
    },

    async startTotpEnrolment(auth: RequestAuth, requestId: string): Promise<{ secret: string; otpauthUri: string }> {
      const user = await loadSessionUser(auth);
      if (user.totp_enabled === 1) throw new AppError(authErrors.totp_already_enabled);
      if (auth.stage === 'totp' || auth.stage === 'password_change') throw new AppError(accessErrors.stage_incomplete, { stage: auth.stage });
      const secret = newTotpSecret();
      await write(async (trx) => {
        await repo.updateUser(trx, user.id, { totp_secret: secret, updated_at: clock.now().toISOString() });
        await audit.record(trx, {
          actor: { type: 'user', id: user.id },
          action: 'auth.totp_enrolment_started',
          target: { type: 'user', id: user.id },
          requestId,
        });
      });
      return { secret, otpauthUri: totpUri(secret, user.username) };
    },

    async confirmTotpEnrolment(auth: RequestAuth, code: string, requestId: string) {
      const user = await loadSessionUser(auth);
      const sessionId = auth.sessionId;
      if (user.totp_enabled === 1) throw new AppError(authErrors.totp_already_enabled);
      if (!user.totp_secret || !sessionId) throw new AppError(authErrors.totp_not_pending);
      const step = await matchTotpStep(user.totp_secret, code, clock.now());
      if (step === null) throw new AppError(authErrors.invalid_totp);
      const recoveryCodes = Array.from({ length: 10 }, newRecoveryCode);
      await write(async (trx) => {
        await repo.updateUser(trx, user.id, { totp_enabled: 1, totp_last_step: step, updated_at: clock.now().toISOString() });
        await repo.replaceRecoveryCodes(
          trx,
          user.id,
          recoveryCodes.map((c) => ({ id: newId(), code_hash: sha256Hex(c) })),
        );
        await repo.markSessionVerified(trx, sessionId);
        await audit.record(trx, { actor: { type: 'user', id: user.id }, action: 'auth.totp_enabled', target: { type: 'user', id: user.id }, requestId });
      });
      return { recoveryCodes, ...(await this.describe(await refreshAuth(auth))) };
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;

function newRecoveryCode(): string {
  const hex = randomBytes(5).toString('hex');
  return `${hex.slice(0, 5)}-${hex.slice(5)}`;
}

function normaliseRecoveryCode(code: string): string {
  const compact = code.toLowerCase().replace(/[^0-9a-f]/g, '');
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
