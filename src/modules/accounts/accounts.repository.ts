import { reusableQuery, type AppUserRow, type AppUserUpdate, type Executor, type NewAppUser } from '#kernel/db/index.ts';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

const userById = reusableQuery(1, (db, id: string) => db.selectFrom('app_user').selectAll().where('id', '=', id));

export async function findUserById(db: Executor, id: string) {
  return (await userById(db, id))[0];
}

const rolesOfUser = reusableQuery(1, (db, userId: string) => db.selectFrom('user_role').select('role').where('user_id', '=', userId).orderBy('role'));

export async function findRolesOfUser(db: Executor, userId: string): Promise<string[]> {
  return (await rolesOfUser(db, userId)).map((r) => r.role);
}

export async function findRolesOfUsers(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db.selectFrom('user_role').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.role]);
  return byUser;
}

export function listUsers(db: Executor): Promise<AppUserRow[]> {
  return db.selectFrom('app_user').selectAll().orderBy('username').execute();
}

export const listUsersOfUnit = reusableQuery(1, (db, unitId: string) =>
  db.selectFrom('app_user').selectAll().where('unit_id', '=', unitId).orderBy('username'),
);

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_role.role', '=', 'admin')
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertUser(db: Executor, user: NewAppUser, roles: string[]): Promise<void> {
  await db.insertInto('app_user').values(user).execute();
  await db
    .insertInto('user_role')
    .values(roles.map((role) => ({ user_id: user.id, role })))
    .execute();
}

export async function updateUser(db: Executor, id: string, changes: AppUserUpdate): Promise<void> {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}

export async function replaceRoles(db: Executor, userId: string, roles: string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_role')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
}

export function insertSession(
  db: Executor,
  session: { id: string; user_id: string; csrf_token: string; created_at: string; expires_at: string; ip: string | null; user_agent: string | null },
) {
  return db
    .insertInto('session')
    .values({ ...session, mfa_verified: 0, last_seen_at: session.created_at })
    .execute();
}

const sessionById = reusableQuery(1, (db, id: string) => db.selectFrom('session').selectAll().where('id', '=', id));

export async function findSession(db: Executor, id: string) {
  return (await sessionById(db, id))[0];
}

export function touchSession(db: Executor, id: string, at: string) {
  return db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export function markSessionVerified(db: Executor, id: string) {
  return db.updateTable('session').set({ mfa_verified: 1 }).where('id', '=', id).execute();
}

export function deleteSession(db: Executor, id: string) {
  return db.deleteFrom('session').where('id', '=', id).execute();
}

export function deleteSessionsOfUser(db: Executor, userId: string, exceptId: string | null = null) {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.execute();
}

export async function replaceRecoveryCodes(db: Executor, userId: string, codes: { id: string; code_hash: string }[]): Promise<void> {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_code')
    .values(codes.map((c) => ({ ...c, user_id: userId, used_at: null })))
    .execute();
}

export function findUnusedRecoveryCode(db: Executor, userId: string, codeHash: string) {
  return db
    .selectFrom('recovery_code')
    .select('id')
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
}

/** Marks a recovery code used unless it already was; true when this call used it. */
export async function claimRecoveryCode(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('recovery_code').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a TOTP time step as used unless this or a later one already was; true when this call used it. */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function incrementFailedLogins(db: Executor, userId: string): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return row.failed_logins;
}

export function revokeApiTokensOfUser(db: Executor, userId: string, at: string) {
  return db.updateTable('api_token').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export function insertApiToken(
  db: Executor,
  token: { id: string; user_id: string; name: string; token_hash: string; scopes: string; created_at: string; expires_at: string | null },
) {
  return db
    .insertInto('api_token')
    .values({ ...token, last_used_at: null, revoked_at: null })
    .execute();
}

const apiTokenByHash = reusableQuery(1, (db, tokenHash: string) => db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash));

export async function findApiTokenByHash(db: Executor, tokenHash: string) {
  return (await apiTokenByHash(db, tokenHash))[0];
}

export function listApiTokensOfUser(db: Executor, userId: string) {
  return db.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export function findApiToken(db: Executor, id: string) {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export function touchApiToken(db: Executor, id: string, at: string) {
  return db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function revokeApiToken(db: Executor, id: string, at: string) {
  return db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).execute();
}
