// STIX 2.1 objects → CSV rows of indicators, for partners and analysts who work in spreadsheets.
// The columns are the ones guessCsvMapping reads, so an export re-imports as the same indicators.
import type { ObservableType } from '#modules/observables/index.ts';
import { tlpLabel, tlpOfMarkings } from '../tlp.ts';
import { patternValues, scoValues, type StixObject } from '../stix/observables.ts';

export const CSV_EXPORT_HEADER: readonly string[] = ['type', 'value', 'tlp', 'first_seen', 'last_seen', 'labels', 'description', 'confidence', 'stix_id'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function markingOf(object: StixObject): string {
  const level = tlpOfMarkings(object.object_marking_refs);
  return level ? tlpLabel(level) : '';
}

// patternValues reads quoted literals only, and the autonomous-system number is an integer.
const AS_NUMBER_COMPARISON = /autonomous-system:number\s*=\s*(\d+)/g;

function valuesOfPattern(pattern: string): { type: ObservableType; value: string }[] {
  const asNumbers = [...pattern.matchAll(AS_NUMBER_COMPARISON)].map((match) => ({ type: 'asn' as const, value: `AS${match[1] ?? ''}` }));
  return [...patternValues(pattern), ...asNumbers];
}

function indicatorRows(indicator: StixObject): string[][] {
  if (indicator.revoked === true || indicator.pattern_type !== 'stix' || typeof indicator.pattern !== 'string') return [];
  const labels = Array.isArray(indicator.labels) ? indicator.labels.filter((label) => typeof label === 'string').join(', ') : '';
  const confidence = typeof indicator.confidence === 'number' ? String(indicator.confidence) : '';
  const shared = [markingOf(indicator), text(indicator.valid_from), text(indicator.valid_until), labels, text(indicator.description), confidence, indicator.id];
  return valuesOfPattern(indicator.pattern).map(({ type, value }) => [type, value, ...shared]);
}

function observableRows(sco: StixObject): string[][] {
  const marking = markingOf(sco);
  return scoValues(sco).map(({ type, value }) => [type, value, marking, '', '', '', '', '', sco.id]);
}

/**
 * One row (without the header: write CSV_EXPORT_HEADER first) per value an indicator's pattern
 * or an SCO names, once per (type, value). Indicators win over bare SCOs of the same value, so
 * SCO rows wait until all objects are read. Revoked indicators and other objects give no rows.
 */
export function* stixToCsvRows(objects: Iterable<StixObject>): Generator<string[]> {
  const written = new Set<string>();
  const isFirst = (row: string[]): boolean => {
    const key = `${row[0] ?? ''}\u0000${row[1] ?? ''}`;
    if (written.has(key)) return false;
    written.add(key);
    return true;
  };
  const waiting: string[][] = [];
  for (const object of objects) {
    if (object.type === 'indicator') yield* indicatorRows(object).filter(isFirst);
    else waiting.push(...observableRows(object));
  }
  yield* waiting.filter(isFirst);
}

/** A number such as "-12.5" is a value, not a formula: Excel evaluates nothing in it, and an apostrophe would turn numeric columns into text. */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
/** A field that starts with U+FEFF is quoted too, or a reader would take it for a byte-order mark. */
const NEEDS_QUOTES = /^\uFEFF|[",\r\n]/;

function formatCsvField(field: string): string {
  // A cell starting with = + - @ (or tab/CR, which some spreadsheets skip before them) runs as a
  // formula when the file is opened (CSV injection, OWASP); the apostrophe makes it text.
  const safe = FORMULA_START.test(field) && !PLAIN_NEGATIVE_NUMBER.test(field) ? `'${field}` : field;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One RFC 4180 record with its CRLF, fields quoted when needed and formula-like fields defused. */
export function formatCsvRow(fields: readonly string[]): string {
  return `${fields.map(formatCsvField).join(',')}\r\n`;
}
