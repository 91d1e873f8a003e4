import { defineErrors } from '#kernel/errors.ts';

export const evidenceErrors = defineErrors('evidence', {
  not_found: 404,
  file_required: 400,
  file_not_allowed: 400,
  one_file_only: 400,
  invalid_metadata: 400,
  not_holder: 403,
  released: 409,
  unknown_user: 400,
  unknown_unit: 400,
  analysis_not_found: 404,
  analysis_decided: 409,
  not_analysis_unit: 403,
  no_file: 404,
});
