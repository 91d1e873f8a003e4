import { defineErrors } from '#kernel/errors.ts';

// File-level failures of CSV reading; details carry { line, detail } for the catalogue message.
export const csvErrors = defineErrors('csv', { row_too_large: 400, too_many_columns: 400 });
