import { defineErrors } from '#kernel/errors.ts';

export const observableErrors = defineErrors('observable', {
  not_found: 404,
  text_too_large: 413,
  too_many_values: 400,
  unrecognised_value: 400,
});
