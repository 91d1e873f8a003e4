import { defineErrors } from '#kernel/errors.ts';

export const caseErrors = defineErrors('case', {
  not_found: 404,
  invalid_transition: 409,
  version_conflict: 409,
  unknown_unit: 400,
  unknown_user: 400,
  no_owner_unit: 400,
  last_member_of_sensitive: 409,
  already_member: 409,
  not_lead: 403,
  request_decided: 409,
  lead_must_stay: 409,
});
