// Request and response schemas of accounts, sessions and API tokens. Pure: the web imports it.
import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'cyber_investigator', 'cyber_analyst', 'station_officer', 'csirt', 'manager', 'partner']);
export type RoleName = z.infer<typeof RoleSchema>;

export const LoginStage = z.enum(['active', 'totp', 'password_change', 'totp_enrolment']);
export type LoginStage = z.infer<typeof LoginStage>;

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const TotpInput = z.object({ code: z.string().trim().min(6).max(32) });

export const PasswordChangeInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  unitId: z.string().nullable(),
  locale: z.enum(['ja', 'en']),
  totpEnabled: z.boolean(),
});

export const SessionView = z.object({
  user: SessionUser,
  stage: LoginStage,
  csrfToken: z.string(),
  permissions: z.array(z.string()),
});
export type SessionView = z.infer<typeof SessionView>;

export const TotpEnrolment = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpConfirmation = z.object({ recoveryCodes: z.array(z.string()), session: SessionView });

const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  email: z.email().max(254).nullable().optional(),
  roles: z.array(RoleSchema).min(1).max(7),
  unitId: z.string().max(64).nullable().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(254).nullable().optional(),
  roles: z.array(RoleSchema).min(1).max(7).optional(),
  unitId: z.string().max(64).nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(RoleSchema),
  unitId: z.string().nullable(),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserList = z.object({ items: z.array(UserSummary) });
export const UserWithPassword = z.object({ user: UserSummary, initialPassword: z.string() });
export const UserIdParams = z.object({ userId: z.string().max(64) });

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.string().max(64)).min(1).max(50),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const ApiTokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ApiTokenList = z.object({ items: z.array(ApiTokenSummary) });
export const CreatedApiToken = z.object({ token: z.string(), apiToken: ApiTokenSummary });
export const TokenIdParams = z.object({ tokenId: z.string().max(64) });
