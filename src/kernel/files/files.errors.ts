import { defineErrors } from '../errors.ts';

export const fileErrors = defineErrors('file', { too_large: 413, not_found: 404, type_mismatch: 415 });
