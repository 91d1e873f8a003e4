import type { ApiTokenRow, AppUserRow } from '#kernel/db/index.ts';
import type { RequestAuth } from '#kernel/auth/index.ts';
import type { RoleName, SessionView, UserSummary } from './accounts.contract.ts';

export function presentUser(row: AppUserRow, roles: string[], now: Date): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: roles as RoleName[],
    unitId: row.unit_id,
    totpEnabled: row.totp_enabled === 1,
    disabled: row.disabled_at !== null,
    locked: row.locked_until !== null && row.locked_until > now.toISOString(),
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export function presentSession(auth: RequestAuth, user: AppUserRow): SessionView {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: auth.actor.roles,
      unitId: user.unit_id,
      locale: user.locale === 'en' ? 'en' : 'ja',
      totpEnabled: user.totp_enabled === 1,
    },
    stage: auth.stage,
    csrfToken: auth.csrfToken ?? '',
    permissions: [...auth.actor.permissions].sort(),
  };
}

export function presentApiToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
