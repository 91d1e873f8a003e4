import { defineErrors } from '#kernel/errors.ts';

export const cooperationErrors = defineErrors('cooperation', {
  not_found: 404,
  invalid_transition: 409,
  not_addressed: 403,
  no_cyber_division: 409,
  own_unit: 409,
  reason_required: 400,
});
