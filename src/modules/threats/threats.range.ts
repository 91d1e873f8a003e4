// The summary's range: Japanese months (YYYY-MM) or days (YYYY-MM-DD), both ends included,
// as the UTC instants [from, to) that the queries compare with.
import { tokyoMonthStart } from '#kernel/db/index.ts';

const JST_OFFSET_MS = 9 * 3_600_000;

function nextMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function dayStart(day: string): string {
  return new Date(new Date(`${day}T00:00:00.000Z`).getTime() - JST_OFFSET_MS).toISOString();
}

function startOf(bound: string): string {
  return bound.length === 7 ? tokyoMonthStart(bound) : dayStart(bound);
}

function endOf(bound: string): string {
  if (bound.length === 7) return tokyoMonthStart(nextMonth(bound));
  return new Date(new Date(dayStart(bound)).getTime() + 24 * 3_600_000).toISOString();
}

/** Null when `to` comes before `from`. */
export function tokyoRange(from: string, to: string): { from: string; to: string } | null {
  const range = { from: startOf(from), to: endOf(to) };
  return range.to <= range.from ? null : range;
}
