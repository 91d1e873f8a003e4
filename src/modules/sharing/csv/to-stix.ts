// CSV rows of indicators → STIX 2.1 indicators and their SCOs, one row at a time so a bad row is
// reported with its line and the others still convert (M3.2c).
import { TLP2_MARKING_IDS, type Tlp } from '../tlp.ts';
import { kobanId } from '../stix/ids.ts';
import { observableToSco, patternOf, type StixObject } from '../stix/observables.ts';
import { resolveColumns, type ResolvedColumns } from './columns.ts';
import type { CsvMapping } from './mapping.ts';
import { readIndicatorRow, type CsvProblem, type IndicatorFacts } from './row-reader.ts';

/** A parsed record with the line it starts on, as createCsvParser reports it. */
export type CsvRecord = { fields: string[]; line: number };
export type CsvRowResult = { line: number; objects: StixObject[] } | { line: number; problem: CsvProblem };
export type CsvToStixOptions = { defaultTlp: Tlp; identityId: string; now: string };

function indicatorOf(facts: IndicatorFacts, pattern: string, options: CsvToStixOptions): StixObject {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: kobanId('indicator', `${facts.type}\u0000${facts.value}`),
    created_by_ref: options.identityId,
    created: options.now,
    modified: options.now,
    name: facts.value,
    pattern,
    pattern_type: 'stix',
    valid_from: facts.validFrom,
    ...(facts.validUntil ? { valid_until: facts.validUntil } : {}),
    ...(facts.labels.length > 0 ? { labels: facts.labels } : {}),
    ...(facts.description ? { description: facts.description } : {}),
    ...(facts.confidence === null ? {} : { confidence: facts.confidence }),
    object_marking_refs: [TLP2_MARKING_IDS[facts.tlp]],
  };
}

/** The indicator and SCO of a row, or null for types that never leave Koban (cards) or are no indicator (CVEs). */
function objectsOf(facts: IndicatorFacts, options: CsvToStixOptions): StixObject[] | null {
  const pattern = patternOf(facts);
  const sco = observableToSco(facts);
  if (!pattern || !sco) return null;
  return [indicatorOf(facts, pattern, options), { ...sco, object_marking_refs: [TLP2_MARKING_IDS[facts.tlp]] }];
}

/**
 * Converts each data row. `line` is the record's line when rows are CsvRecords, else its
 * 1-based position counting the header (Excel's row number). All-blank rows are skipped; a value
 * repeated in the file is converted from its first row only (the indicator id is per type and
 * value), so later rows yield no objects. A header the mapping names but the file lacks is one
 * `csv.missing_column` problem, and nothing else is read.
 */
export function* csvRowsToStix(rows: Iterable<string[] | CsvRecord>, mapping: CsvMapping, options: CsvToStixOptions): Generator<CsvRowResult> {
  let columns: ResolvedColumns | null = null;
  let position = 0;
  const emittedIds = new Set<string>();
  for (const row of rows) {
    position += 1;
    const { fields, line } = Array.isArray(row) ? { fields: row, line: position } : row;
    if (columns === null) {
      const resolved = resolveColumns(mapping, mapping.hasHeader ? fields : null);
      if ('missing' in resolved) {
        yield { line, problem: { code: 'csv.missing_column', detail: resolved.missing } };
        return;
      }
      columns = resolved;
      if (mapping.hasHeader) continue;
    }
    if (fields.every((field) => field.trim() === '')) continue;
    const read = readIndicatorRow(fields, columns, options);
    if ('problem' in read) {
      yield { line, problem: read.problem };
      continue;
    }
    const objects = objectsOf(read.ok, options);
    if (!objects) {
      yield { line, problem: { code: 'csv.unrecognised_value', detail: read.ok.type } };
      continue;
    }
    const fresh = objects.filter((object) => !emittedIds.has(object.id));
    for (const object of fresh) emittedIds.add(object.id);
    yield { line, objects: fresh };
  }
}
