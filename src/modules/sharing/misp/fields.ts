// Reading fields of untrusted MISP JSON: every accessor answers with a typed value or null and
// never throws, whatever the input holds (null, numbers for strings, nested garbage).

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a list (external_references, …); anything else in it is ignored. */
export function recordsOf(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The non-blank strings of a list (labels, aliases, synonyms); anything else in it is ignored. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim().length > 0) : [];
}

/** Longest free text (comments, descriptions) carried over; longer text is cut, not refused. */
export const MAX_DESCRIPTION_CHARS = 65_536;

/** Trimmed text, cut to MAX_DESCRIPTION_CHARS; null when blank. */
export function boundedText(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length === 0) return null;
  return trimmed.length > MAX_DESCRIPTION_CHARS ? `${trimmed.slice(0, MAX_DESCRIPTION_CHARS)}…` : trimmed;
}

export function stringField(record: JsonRecord, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

/** MISP writes booleans as true/false, "1"/"0" or 1/0 depending on the version and the export path. */
export function isTrueField(record: JsonRecord, key: string): boolean {
  const value = record[key];
  return value === true || value === 1 || value === '1' || value === 'true';
}

export function arrayField(record: JsonRecord, key: string): unknown[] | null {
  const value = record[key];
  return Array.isArray(value) ? value : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** An RFC 4122 UUID, lowercased; STIX ids accept nothing else. */
export function uuidField(record: JsonRecord, key: string): string | null {
  const value = stringField(record, key)?.trim();
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const EPOCH_SECONDS = /^\d{1,11}$/;
const MAX_EPOCH_SECONDS = 253_402_300_799; // 9999-12-31T23:59:59Z: STIX timestamps have four-digit years

/** MISP `timestamp` (epoch seconds, a string or a number) as a STIX timestamp with milliseconds. */
export function epochToIso(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!EPOCH_SECONDS.test(text)) return null;
  const seconds = Number(text);
  return seconds > 0 && seconds <= MAX_EPOCH_SECONDS ? new Date(seconds * 1000).toISOString() : null;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** MISP `date` (YYYY-MM-DD) or `first_seen` (ISO 8601 with microseconds and an offset) as a STIX timestamp. */
export function dateTimeToIso(value: unknown): string | null {
  if (typeof value !== 'string' || !DATE_TIME.test(value.trim())) return null;
  const text = value.trim();
  const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  // Without an offset MISP means UTC; Date.parse would read a bare date-time as local time.
  const withZone = text.length > 10 && !/(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T');
  const milliseconds = Date.parse(withZone);
  return Number.isFinite(milliseconds) && year >= 1 ? new Date(milliseconds).toISOString() : null;
}

/** A STIX timestamp as MISP epoch seconds. */
export function isoToEpoch(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const milliseconds = Date.parse(value);
  return Number.isFinite(milliseconds) && milliseconds > 0 ? String(Math.floor(milliseconds / 1000)) : null;
}
