import { defineErrors } from '#kernel/errors.ts';

export const demoErrors = defineErrors('demo', { instance_not_empty: 409, invalid_option: 400 });
