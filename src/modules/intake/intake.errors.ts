import { defineErrors } from '#kernel/errors.ts';

export const intakeErrors = defineErrors('intake', {
  not_found: 404,
  invalid_subcategory: 400,
  contact_required: 400,
  consent_required: 400,
  unknown_station: 400,
  unknown_unit: 400,
  too_many_files: 413,
  report_too_large: 413,
  rejected: 400,
  proof_of_work_required: 429,
  status_not_found: 404,
  not_open: 409,
  already_claimed: 409,
  merge_into_self: 400,
  idempotency_key_invalid: 400,
  form_invalid: 400,
  outcome_needs_action: 400,
  unknown_case: 404,
});
