// Responses are written by fast-json-stringify from the JSON Schema of each route's zod response
// schema: only declared fields are written (a row with extra columns never leaks), and it is much
// cheaper than validating every response with zod (bench/http).
import fastJson, { type Schema } from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchemaNode = Record<string, unknown>;

function isRecord(value: unknown): value is JsonSchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * zod writes `.nullable()` as anyOf [X, {type: null}]; fast-json-stringify resolves anyOf by
 * validating each value at run time, so rewrite it as X with `nullable: true` (measured: the unit
 * detail response serialises about twice as fast).
 */
export function simplifyNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifyNullable);
  if (!isRecord(node)) return node;
  const out: JsonSchemaNode = {};
  for (const [key, value] of Object.entries(node)) out[key] = simplifyNullable(value);
  const anyOf: unknown = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nonNull = anyOf.filter((branch: unknown) => !(isRecord(branch) && branch.type === 'null' && Object.keys(branch).length === 1));
    const only: unknown = nonNull[0];
    if (nonNull.length === 1 && isRecord(only) && typeof only.type === 'string' && only.anyOf === undefined) {
      const rest = { ...out };
      delete rest.anyOf;
      // An enum must list null too: fast-json-stringify checks enum values when it picks a branch
      // of a union, and a null that no branch accepts fails the whole answer.
      const values: unknown = only.enum;
      const withNull = Array.isArray(values) && !values.includes(null) ? { enum: [...(values as unknown[]), null] } : {};
      return { ...rest, ...only, ...withNull, nullable: true };
    }
  }
  return out;
}

export function serializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) return (data) => JSON.stringify(data);
  const jsonSchema = simplifyNullable(z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }));
  // zod's JSON Schema and fast-json-stringify's are two spellings of draft-7; the shapes agree.
  return fastJson(jsonSchema as Schema);
}
