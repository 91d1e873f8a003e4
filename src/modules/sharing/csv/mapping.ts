// Which CSV column holds what. Columns are named by 0-based position or by header text (matched
// as header-names.ts compares them); the schema is the type, and the HTTP and CLI adapters
// validate mappings with it.
import { canonicalize } from '#modules/observables/index.ts';
import { mappedFieldOfHeader, type MappedField } from './header-names.ts';
import type { CsvMapping } from './mapping.schema.ts';

export { ColumnRefSchema, CsvMappingSchema, type ColumnRef, type CsvMapping } from './mapping.schema.ts';

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
