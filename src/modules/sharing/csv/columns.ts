// A CsvMapping resolved against a file's header row into column positions.
import type { ObservableType } from '#modules/observables/index.ts';
import { normaliseHeaderName, type MappedField } from './header-names.ts';
import type { ColumnRef, CsvMapping } from './mapping.ts';

export type ResolvedColumns = { positions: Partial<Record<MappedField, number>>; fixedType: ObservableType | null };

const FIELDS: readonly MappedField[] = ['value', 'type', 'tlp', 'firstSeen', 'lastSeen', 'labels', 'description', 'confidence'];

/** Spreadsheet column letters (0 → A, 26 → AA), how a user finds a column in Excel. */
export function columnLetter(position: number): string {
  let letters = '';
  for (let rest = position + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function positionOf(ref: ColumnRef, header: readonly string[] | null): number {
  if ('column' in ref) return ref.column;
  const wanted = normaliseHeaderName(ref.header);
  return header ? header.findIndex((text) => normaliseHeaderName(text) === wanted) : -1;
}

/** The positions the mapping names, or the header text of the first column the header row lacks. */
export function resolveColumns(mapping: CsvMapping, header: readonly string[] | null): ResolvedColumns | { missing: string } {
  const resolved: ResolvedColumns = { positions: {}, fixedType: null };
  for (const field of FIELDS) {
    const ref = mapping[field];
    if (ref === undefined) continue;
    if ('fixed' in ref) {
      resolved.fixedType = ref.fixed;
      continue;
    }
    const position = positionOf(ref, header);
    if (position < 0) return { missing: 'header' in ref ? ref.header : String(ref.column) };
    resolved.positions[field] = position;
  }
  return resolved;
}
