// Statistics over Japanese months that stay fast on a year of a million reports. Each Japanese
// day's figures are computed once and kept, keyed by the day's version in `stat_version`, which
// database triggers bump whenever a counted row of that day changes (migration 2026-12-06T0150).
// A month is its days combined, kept until one of them changes; a range is its months, finished
// together, kept until one of them changes. So a new report recomputes one day, its month and the
// answer, not the year. Ranges that are not whole months are computed directly.
import type { Executor } from './database.ts';
import { tokyoMonth, tokyoMonthStart } from './sequence.ts';

export type MonthRange = { from: string; to: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const MERGED_KEPT = 32;

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The Japanese months [from, to) covers, or null when its ends are not month starts. */
export function wholeMonths(range: MonthRange): string[] | null {
  const first = tokyoMonth(range.from);
  if (tokyoMonthStart(first) !== range.from) return null;
  const months: string[] = [];
  for (let month = first; tokyoMonthStart(month) < range.to; month = nextMonth(month)) {
    months.push(month);
    if (months.length > 1200) return null;
  }
  return months.length > 0 && tokyoMonthStart(nextMonth(months.at(-1) ?? first)) === range.to ? months : null;
}

/** The Japanese days of a month (YYYY-MM-DD) with their UTC bounds. */
export function daysOf(month: string): { day: string; range: MonthRange }[] {
  const start = Date.parse(tokyoMonthStart(month));
  const end = Date.parse(tokyoMonthStart(nextMonth(month)));
  const days = [];
  for (let at = start; at < end; at += DAY_MS) {
    days.push({
      day: new Date(at + JST_OFFSET_MS).toISOString().slice(0, 10),
      range: { from: new Date(at).toISOString(), to: new Date(at + DAY_MS).toISOString() },
    });
  }
  return days;
}

export function createMonthlyStats<Part, Result>(options: {
  db: Executor;
  scope: 'intake' | 'case';
  /** The figures of [from, to) in UTC: one Japanese day, or any range. */
  compute: (range: MonthRange) => Promise<Part>;
  /** Several days' figures as one (a month's). */
  combine: (parts: Part[]) => Part;
  /** The answer from months' figures. */
  finish: (parts: Part[]) => Result;
}) {
  const days = new Map<string, { version: number; part: Part }>();
  const months = new Map<string, { signature: string; part: Part }>();
  const answers = new Map<string, Result>();

  async function versionsOf(first: string, last: string): Promise<Map<string, number>> {
    const rows = await options.db
      .selectFrom('stat_version')
      .select(['day', 'version'])
      .where('scope', '=', options.scope)
      .where('day', '>=', first)
      .where('day', '<=', last)
      .execute();
    return new Map(rows.map((r) => [r.day, r.version]));
  }

  async function monthPart(month: string, versions: Map<string, number>): Promise<Part> {
    const ofMonth = daysOf(month);
    const signature = ofMonth.map(({ day }) => versions.get(day) ?? 0).join(',');
    const kept = months.get(month);
    if (kept?.signature === signature) return kept.part;
    const parts: Part[] = [];
    for (const { day, range } of ofMonth) {
      // The version is read before computing: a write during the computation moves the version
      // past this one, so the next request computes the day again.
      const version = versions.get(day) ?? 0;
      const cached = days.get(day);
      if (cached?.version === version) {
        parts.push(cached.part);
        continue;
      }
      const part = await options.compute(range);
      days.set(day, { version, part });
      parts.push(part);
    }
    const part = options.combine(parts);
    months.set(month, { signature, part });
    return part;
  }

  return {
    async get(range: MonthRange): Promise<Result> {
      const inRange = wholeMonths(range);
      if (!inRange) return options.finish([await options.compute(range)]);
      const first = daysOf(inRange[0] ?? '')[0]?.day ?? '';
      const last = daysOf(inRange.at(-1) ?? '').at(-1)?.day ?? '';
      const versions = await versionsOf(first, last);
      const signature = `${range.from}|${range.to}|${[...versions].map(([day, version]) => `${day}:${version}`).join(',')}`;
      const known = answers.get(signature);
      if (known !== undefined) return known;
      const parts: Part[] = [];
      for (const month of inRange) parts.push(await monthPart(month, versions));
      const result = options.finish(parts);
      if (answers.size >= MERGED_KEPT) answers.delete(answers.keys().next().value as string);
      answers.set(signature, result);
      return result;
    },
  };
}

/** Several sorted lists as one sorted list. */
export function mergeSorted(lists: readonly Float64Array[]): Float64Array {
  const merged = new Float64Array(lists.reduce((sum, list) => sum + list.length, 0));
  let offset = 0;
  for (const list of lists) {
    merged.set(list, offset);
    offset += list.length;
  }
  return merged.sort();
}

/** The median of several sorted lists together, without sorting them together. */
export function medianOfSorted(lists: readonly Float64Array[]): number | null {
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  if (total === 0) return null;
  const wanted = total % 2 === 1 ? [(total - 1) / 2] : [total / 2 - 1, total / 2];
  const heads = lists.map(() => 0);
  const found: number[] = [];
  for (let index = 0; index <= (wanted.at(-1) ?? 0); index += 1) {
    let best = -1;
    for (let l = 0; l < lists.length; l += 1) {
      const list = lists[l] as Float64Array;
      const head = heads[l] as number;
      if (head < list.length && (best === -1 || (list[head] as number) < ((lists[best] as Float64Array)[heads[best] as number] as number))) best = l;
    }
    const value = (lists[best] as Float64Array)[heads[best] as number] as number;
    heads[best] = (heads[best] as number) + 1;
    if (wanted.includes(index)) found.push(value);
  }
  return found.reduce((a, b) => a + b, 0) / found.length;
}
