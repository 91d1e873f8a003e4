import { defineErrors } from '#kernel/errors.ts';

export const sharingErrors = defineErrors('sharing', {
  group_not_found: 404,
  duplicate_group: 409,
  member_not_found: 404,
  case_not_found: 404,
  tlp_too_high: 409,
  batch_not_found: 404,
  invalid_import: 400,
  import_too_large: 413,
  subscription_not_found: 404,
});
