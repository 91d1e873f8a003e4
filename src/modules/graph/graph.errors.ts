import { defineErrors } from '#kernel/errors.ts';

export const graphErrors = defineErrors('graph', {
  node_not_found: 404,
});
