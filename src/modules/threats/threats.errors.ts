import { defineErrors } from '#kernel/errors.ts';

export const threatErrors = defineErrors('threat', {
  not_found: 404,
  duplicate_name: 409,
  alias_not_found: 404,
  version_conflict: 409,
  attribution_not_found: 404,
  ransom_amount_without_demand: 400,
  invalid_range: 400,
});
