// The lexical rules STIX 2.1 sets for type names, identifiers and timestamps (§2.7, §2.9, §3.2).

const TYPE_NAME = /^[a-z0-9-]{3,250}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?Z$/;

/** The fixed ids of the TLP marking definitions: TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0 (OASIS extension). */
export const TLP_MARKING_IDS: ReadonlySet<string> = new Set([
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', // TLP:WHITE
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', // TLP:GREEN
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', // TLP:AMBER
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', // TLP:RED
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', // TLP:CLEAR (2.0)
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', // TLP:GREEN (2.0)
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', // TLP:AMBER (2.0)
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', // TLP:AMBER+STRICT (2.0)
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', // TLP:RED (2.0)
]);

export function isStixTypeName(value: string): boolean {
  return TYPE_NAME.test(value) && !value.includes('--');
}

/** `<type>--<RFC 4122 UUID>`; with `type`, the prefix must be that type. */
export function isStixId(value: unknown, type?: string): value is string {
  if (typeof value !== 'string') return false;
  const separator = value.indexOf('--');
  if (separator < 0) return false;
  const prefix = value.slice(0, separator);
  if (type !== undefined && prefix !== type) return false;
  return isStixTypeName(prefix) && UUID.test(value.slice(separator + 2));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Bulk data repeats its timestamps (every object of a feed created the same second): remember recent answers. */
const recentTimestamps = new Map<string, boolean>();

/** RFC 3339 in UTC with the `Z` suffix, on a real calendar day. */
export function isStixTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const known = recentTimestamps.get(value);
  if (known !== undefined) return known;
  const valid = checkTimestamp(value);
  if (recentTimestamps.size >= 4096) recentTimestamps.clear();
  if (value.length <= 40) recentTimestamps.set(value, valid);
  return valid;
}

function checkTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
}

/** A key that orders STIX timestamps correctly whatever their fractional-second precision. */
export function timestampOrderKey(value: string): string {
  const dot = value.indexOf('.');
  if (dot < 0) return `${value.slice(0, -1)}.000000000`;
  return `${value.slice(0, dot)}.${value.slice(dot + 1, -1).padEnd(9, '0')}`;
}

/** Compares two STIX timestamps in time order (negative: a is earlier). */
export function compareTimestamps(a: string, b: string): number {
  if (a === b) return 0;
  const left = timestampOrderKey(a);
  const right = timestampOrderKey(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
