export { auditActorOf, can, SYSTEM_ACTOR, type Actor } from './actor.ts';
export { generateOneTimePassword, hashPassword, isStrongEnough, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
export {
  isPermission,
  isRole,
  PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  ROLES_REQUIRING_TOTP,
  type Permission,
  type Role,
  type RouteAccess,
} from './policy.ts';
export { matchTotpStep, newTotpSecret, totpCode, totpUri } from './totp.ts';
export type { Authenticator, LoginStage, RequestAuth } from './request-auth.ts';
