// Responses are written by fast-json-stringify from the JSON Schema of each route's zod response
// schema: only declared fields are written (a row with extra columns never leaks), and it is much
// cheaper than validating every response with zod (bench/http).
import fastJson, { type Schema } from 'fast-json-stringify';
import { z } from 'zod';

export function serializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) return (data) => JSON.stringify(data);
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  // zod's JSON Schema type and fast-json-stringify's are two spellings of draft-7; the shapes agree.
  return fastJson(jsonSchema as Schema);
}
