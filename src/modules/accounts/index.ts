// Accounts: users and their roles, log-in sessions with TOTP, forced password change, lock-out,
// and API tokens for machines. It does not decide permissions (kernel/auth/policy does).
export * from './accounts.contract.ts';
export { registerAuthRoutes } from './auth.routes.ts';
export { registerTokensRoutes } from './tokens.routes.ts';
export { registerUsersRoutes } from './users.routes.ts';
export { createSessionsService, stageOf, type SessionsService } from './sessions.service.ts';
export { createTokensService, API_TOKEN_PREFIX, type TokensService } from './tokens.service.ts';
export { createUsersService, type UsersService } from './users.service.ts';
export { createCredentialCache, type CredentialCache } from './credential-cache.ts';
