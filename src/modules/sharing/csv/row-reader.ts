// One CSV row read into the facts of an indicator, or the first thing wrong with it.
import { canonicalize, type ObservableType } from '#modules/observables/index.ts';
import { parseTlpName, stricterTlp, type Tlp } from '../tlp.ts';
import { timestampOrderKey } from '../stix/identifiers.ts';
import { parseConfidence, parseCsvDate, splitLabels, withoutFormulaGuard } from './cell-values.ts';
import { columnLetter, type ResolvedColumns } from './columns.ts';
import type { MappedField } from './header-names.ts';
import { observableTypesOfName } from './type-names.ts';

export const CSV_PROBLEM_CODES = [
  'csv.empty_value',
  'csv.unrecognised_value',
  'csv.type_mismatch',
  'csv.invalid_date',
  'csv.invalid_tlp',
  'csv.invalid_confidence',
  'csv.row_too_large',
  'csv.too_many_columns',
  'csv.missing_column',
] as const;
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

/** `detail` is the offending text; catalogue messages take it as {detail} with the row as {line}. */
export type CsvProblem = { code: CsvProblemCode; detail: string };

export type IndicatorFacts = {
  type: ObservableType;
  value: string;
  tlp: Tlp;
  validFrom: string;
  validUntil: string | null;
  labels: string[];
  description: string;
  confidence: number | null;
};

type Read<T> = { ok: T } | { problem: CsvProblem };

const problem = (code: CsvProblemCode, detail: string): { problem: CsvProblem } => ({ problem: { code, detail } });
const shortened = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** Koban's own form of a Japanese bank account, which canonicalize reads only from written-out details. */
const CANONICAL_BANK_ACCOUNT = /^\d{4}-\d{3}-[1249]-\d{7}$/;

function readObservable(value: string, typeName: string, fixedType: ObservableType | null): Read<{ type: ObservableType; value: string }> {
  const normalised = value.normalize('NFKC');
  const canonical = CANONICAL_BANK_ACCOUNT.test(normalised) ? { type: 'bank_account_jp' as const, value: normalised } : canonicalize(value);
  if (!canonical) return problem('csv.unrecognised_value', shortened(value));
  const admitted = typeName ? observableTypesOfName(typeName) : fixedType ? [fixedType] : null;
  if (typeName && !admitted) return problem('csv.type_mismatch', shortened(typeName));
  if (admitted && !admitted.includes(canonical.type)) return problem('csv.type_mismatch', `${shortened(typeName || String(fixedType))} ≠ ${canonical.type}`);
  return { ok: { type: canonical.type, value: canonical.value } };
}

/** The strictest TLP the row names, in its TLP cell or as `tlp:` tags; a label such as "red" alone names none. */
function readTlp(tlpCell: string, labels: string[], defaultTlp: Tlp): Read<{ tlp: Tlp; labels: string[] }> {
  let named: Tlp | null = null;
  if (tlpCell) {
    named = parseTlpName(tlpCell);
    if (!named) return problem('csv.invalid_tlp', shortened(tlpCell));
  }
  const tagLevels = labels.filter((label) => /^tlp:/i.test(label.trim())).map((label) => [label, parseTlpName(label)] as const);
  for (const [, level] of tagLevels) if (level) named = named ? stricterTlp(named, level) : level;
  const tlpTags = new Set(tagLevels.filter(([, level]) => level).map(([label]) => label));
  return { ok: { tlp: named ?? defaultTlp, labels: labels.filter((label) => !tlpTags.has(label)) } };
}

/**
 * valid_from is the first sighting (else now). Following MISP's STIX export, the last sighting
 * becomes valid_until; STIX wants valid_until strictly later, so a last sighting not after
 * valid_from is dropped unless it contradicts an explicit first sighting.
 */
function readValidity(firstCell: string, lastCell: string, now: string): Read<{ validFrom: string; validUntil: string | null }> {
  const firstSeen = firstCell ? parseCsvDate(firstCell) : null;
  if (firstCell && !firstSeen) return problem('csv.invalid_date', shortened(firstCell));
  const lastSeen = lastCell ? parseCsvDate(lastCell) : null;
  if (lastCell && !lastSeen) return problem('csv.invalid_date', shortened(lastCell));
  const validFrom = firstSeen ?? now;
  if (!lastSeen || timestampOrderKey(lastSeen) > timestampOrderKey(validFrom)) return { ok: { validFrom, validUntil: lastSeen } };
  if (firstSeen && timestampOrderKey(lastSeen) < timestampOrderKey(firstSeen)) return problem('csv.invalid_date', `${lastCell} < ${firstCell}`);
  return { ok: { validFrom, validUntil: null } };
}

/** Reads a data row; `fields` as the parser gave them. */
export function readIndicatorRow(fields: readonly string[], columns: ResolvedColumns, options: { defaultTlp: Tlp; now: string }): Read<IndicatorFacts> {
  const cell = (field: MappedField): string => {
    const position = columns.positions[field];
    return position === undefined ? '' : withoutFormulaGuard(fields[position] ?? '').trim();
  };
  const valuePosition = columns.positions.value ?? 0;
  if (valuePosition >= fields.length) return problem('csv.missing_column', columnLetter(valuePosition));
  const value = cell('value');
  if (!value) return problem('csv.empty_value', columnLetter(valuePosition));
  const observable = readObservable(value, cell('type'), columns.fixedType);
  if ('problem' in observable) return observable;
  const marking = readTlp(cell('tlp'), splitLabels(cell('labels')), options.defaultTlp);
  if ('problem' in marking) return marking;
  const validity = readValidity(cell('firstSeen'), cell('lastSeen'), options.now);
  if ('problem' in validity) return validity;
  const confidenceCell = cell('confidence');
  const confidence = confidenceCell ? parseConfidence(confidenceCell) : null;
  if (confidenceCell && confidence === null) return problem('csv.invalid_confidence', shortened(confidenceCell));
  return { ok: { ...observable.ok, ...marking.ok, ...validity.ok, description: cell('description'), confidence } };
}
