// Reading the free-form cells of an indicator row: dates, confidence, labels. Each reader
// returns null for text it cannot read, and the caller reports the row.
import { isStixTimestamp } from '../stix/identifiers.ts';

const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

/** Undoes the apostrophe formatCsvRow puts before a would-be formula, so exports re-import as they were. */
export function withoutFormulaGuard(cell: string): string {
  return cell.replace(FORMULA_GUARD, '');
}

const JAPAN_OFFSET_MINUTES = 9 * 60;
const DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const JAPANESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})時(\d{1,2})分(?:(\d{1,2})秒)?)?$/;

function offsetMinutesOf(zone: string | undefined): number {
  if (zone === undefined) return JAPAN_OFFSET_MINUTES;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Milliseconds since the epoch of a wall-clock time, or null when no such time exists (2026-02-31, 24:10). */
function wallClockTime(parts: number[]): number | null {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  const fields = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  return fields.every((field, i) => field === (parts[i] ?? 0)) ? time : null;
}

/**
 * A date or date-time cell as a STIX timestamp. Accepts ISO 8601, `2026/12/06 09:30` and
 * `2026年12月6日`. A time without an offset is Japan time, because that is what a date typed into
 * a Japanese spreadsheet means; a cell that already is a STIX timestamp is kept as written.
 */
export function parseCsvDate(cell: string): string | null {
  const text = cell.normalize('NFKC').trim();
  if (isStixTimestamp(text)) return text;
  const match = DATE_TIME.exec(text) ?? JAPANESE_DATE.exec(text);
  if (!match) return null;
  const wallClock = wallClockTime(match.slice(1, 7).map((part) => Number(part ?? 0)));
  if (wallClock === null) return null;
  const milliseconds = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  return new Date(wallClock + milliseconds - offsetMinutesOf(match[8]) * 60_000).toISOString();
}

/** STIX 2.1 Appendix A: the High/Medium/Low scale as points on the 0–100 confidence scale. */
const CONFIDENCE_WORDS: ReadonlyMap<string, number> = new Map([
  ['high', 85],
  ['medium', 50],
  ['med', 50],
  ['low', 15],
  ['none', 0],
  ['高', 85],
  ['中', 50],
  ['低', 15],
]);

/** Confidence 0–100 from `80`, `80%`, `８０` or a High/Medium/Low word. */
export function parseConfidence(cell: string): number | null {
  const text = cell.normalize('NFKC').trim().toLowerCase();
  const word = CONFIDENCE_WORDS.get(text);
  if (word !== undefined) return word;
  if (!/^\d{1,3}%?$/.test(text)) return null;
  const number = Number.parseInt(text, 10);
  return number <= 100 ? number : null;
}

/** Labels from a tags cell: comma, semicolon, 、 or new-line separated, de-duplicated, in order. */
export function splitLabels(cell: string): string[] {
  const labels = cell
    .split(/[,;，；、\r\n]/)
    .map((label) => label.trim())
    .filter(Boolean);
  return [...new Set(labels)];
}
