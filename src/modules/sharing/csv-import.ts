// A CSV file of indicators as import entries: decoded (UTF-8 or Shift_JIS), parsed, its columns
// mapped (given, or guessed from the header), each row converted to STIX or refused with its line
// and reason. The converted objects are dated by `now`: the CLI passes the file's modification
// time, so importing the same file again changes nothing.
import { AppError } from '#kernel/errors.ts';
import { t, type Locale } from '#kernel/i18n/index.ts';
import { createCsvParser, csvRowsToStix, decodeCsvBytes, guessCsvMapping, CsvMappingSchema, type CsvMapping, type CsvRecord } from './csv/index.ts';
import type { ImportEntry } from './import/importer.ts';
import { sharingErrors } from './sharing.errors.ts';
import type { Tlp } from './tlp.ts';

const FLAG_FIELDS: Readonly<Record<string, keyof CsvMapping>> = {
  value: 'value',
  type: 'type',
  tlp: 'tlp',
  first_seen: 'firstSeen',
  last_seen: 'lastSeen',
  labels: 'labels',
  description: 'description',
  confidence: 'confidence',
};

/** `value=0,type=1` (0-based columns) or `value=指標,type=種別` (headers) → a mapping; undefined: guess later. */
export function parseCsvMappingFlag(flag: string | undefined, hasHeader: boolean): CsvMapping | undefined {
  if (flag === undefined) return undefined;
  const mapping: Record<string, unknown> = { hasHeader };
  for (const part of flag.split(',')) {
    const [name = '', ref = ''] = part.split('=', 2).map((s) => s.trim());
    const field = FLAG_FIELDS[name];
    if (!field) throw new AppError(sharingErrors.invalid_import, { reason: `--map: ${name}` });
    mapping[field] = /^\d+$/.test(ref) ? { column: Number(ref) } : { header: ref };
  }
  const parsed = CsvMappingSchema.safeParse(mapping);
  if (!parsed.success) throw new AppError(sharingErrors.invalid_import, { reason: `--map: ${parsed.error.issues.map((i) => i.message).join('; ')}` });
  return parsed.data;
}

export type CsvEntryOptions = { defaultTlp: Tlp; identityId: string; now: string; locale: Locale };

/** The file's rows as import entries; `total` is the number of entries. */
export function csvEntries(bytes: Uint8Array, mapping: CsvMapping | undefined, options: CsvEntryOptions): { entries: ImportEntry[]; total: number } {
  const records: CsvRecord[] = [];
  const parser = createCsvParser((fields, line) => records.push({ fields, line }));
  parser.push(decodeCsvBytes(bytes));
  parser.end();
  const chosen = mapping ?? guessCsvMapping(records[0]?.fields ?? []);
  if (!chosen) throw new AppError(sharingErrors.invalid_import, { reason: t(options.locale, 'sharing.csv_no_mapping') });
  const entries: ImportEntry[] = [];
  for (const result of csvRowsToStix(records, chosen, options)) {
    if ('problem' in result) {
      const index = entries.length;
      entries.push({
        index,
        refused: {
          index,
          id: null,
          path: `line ${result.line}`,
          code: 'stix.invalid_property',
          message: t(options.locale, result.problem.code, { line: result.line, detail: result.problem.detail }),
        },
      });
    } else for (const value of result.objects) entries.push({ index: entries.length, value });
  }
  return { entries, total: entries.length };
}
