// Which CSV column holds what. Columns are named by 0-based position or by header text (matched
// as header-names.ts compares them); the schema is the type, and the HTTP and CLI adapters
// validate mappings with it.
import { z } from 'zod';
import { canonicalize, ObservableType } from '#modules/observables/index.ts';
import { mappedFieldOfHeader, type MappedField } from './header-names.ts';
import { MAX_CSV_COLUMNS } from './parse.ts';

export const ColumnRefSchema = z.union([
  z.strictObject({
    column: z
      .number()
      .int()
      .min(0)
      .max(MAX_CSV_COLUMNS - 1),
  }),
  z.strictObject({ header: z.string().trim().min(1).max(200) }),
]);
export type ColumnRef = z.infer<typeof ColumnRefSchema>;

export const CsvMappingSchema = z
  .strictObject({
    value: ColumnRefSchema,
    type: z.union([ColumnRefSchema, z.strictObject({ fixed: ObservableType })]).optional(),
    tlp: ColumnRefSchema.optional(),
    firstSeen: ColumnRefSchema.optional(),
    lastSeen: ColumnRefSchema.optional(),
    labels: ColumnRefSchema.optional(),
    description: ColumnRefSchema.optional(),
    confidence: ColumnRefSchema.optional(),
    hasHeader: z.boolean(),
  })
  .refine((mapping) => mapping.hasHeader || !Object.values(mapping).some((ref) => typeof ref === 'object' && 'header' in ref), {
    message: 'A column can be named by its header only when the file has a header row.',
    path: ['hasHeader'],
  });
export type CsvMapping = z.infer<typeof CsvMappingSchema>;

/**
 * A mapping for a file whose first row is `header`: recognised header names (English and
 * Japanese, any width or case) map their columns. When no cell is a known header but one reads
 * as an indicator, the file has no header and that column is the value. Null when neither.
 */
export function guessCsvMapping(header: string[]): CsvMapping | null {
  const columns = new Map<MappedField, { column: number }>();
  header.forEach((text, column) => {
    const field = mappedFieldOfHeader(text);
    if (field && !columns.has(field)) columns.set(field, { column });
  });
  const value = columns.get('value');
  if (value) {
    const mapping: CsvMapping = { value, hasHeader: true };
    for (const [field, ref] of columns) if (field !== 'value') mapping[field] = ref;
    return mapping;
  }
  if (columns.size > 0) return null;
  const column = header.findIndex((text) => canonicalize(text) !== null);
  return column < 0 ? null : { value: { column }, hasHeader: false };
}
