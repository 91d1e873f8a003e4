// Validation for input a route reads itself (multipart fields): the same field-level error answer
// as schema-validated bodies, because it goes through the same error handler.
import type { z } from 'zod';

// Same shape as fastify-type-provider-zod's validation entries (it does not export its builder),
// marked with its symbol so the error handler treats both alike.
const MARK = Symbol.for('ZodFastifySchemaValidationError');

function createValidationError(error: z.ZodError) {
  return error.issues.map((issue) => {
    const { path, code, message, ...params } = issue;
    return { [MARK]: true, keyword: code, instancePath: `/${path.join('/')}`, schemaPath: `#/${path.join('/')}/${code}`, message, params };
  });
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw Object.assign(new Error('validation failed'), { statusCode: 400, validation: createValidationError(result.error), validationContext: part });
}
