import { defineErrors } from '#kernel/errors.ts';

export const authErrors = defineErrors('auth', {
  invalid_credentials: 401,
  locked: 423,
  disabled: 403,
  invalid_totp: 400,
  totp_not_pending: 409,
  totp_already_enabled: 409,
  totp_required_for_role: 409,
  wrong_password: 400,
  weak_password: 400,
  password_reused: 400,
  token_not_found: 404,
  scope_not_allowed: 400,
  token_cannot_create_token: 403,
});

export const userErrors = defineErrors('user', {
  not_found: 404,
  username_taken: 409,
  cannot_disable_self: 409,
  last_admin: 409,
});
