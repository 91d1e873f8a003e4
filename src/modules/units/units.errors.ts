import { defineErrors } from '#kernel/errors.ts';

export const unitErrors = defineErrors('unit', {
  not_found: 404,
  code_taken: 409,
  parent_not_found: 400,
  cycle: 409,
  liaison_not_found: 400,
});
