// The column mapping of a CSV import as a schema (pure: zod only), so that the web app and the
// HTTP contract can use it without the CSV reader.
import { z } from 'zod';
import { ObservableType } from '../../observables/observables.contract.ts';

/** The most columns a CSV row may have (parse.ts enforces it while reading). */
export const MAX_MAPPED_COLUMNS = 200;

export const ColumnRefSchema = z.union([
  z.strictObject({
    column: z
      .number()
      .int()
      .min(0)
      .max(MAX_MAPPED_COLUMNS - 1),
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
