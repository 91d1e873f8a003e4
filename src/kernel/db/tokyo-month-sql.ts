// Japanese months in SQL on both dialects without date functions: times are ISO-8601 UTC text, so
// the month an instant falls in is found by comparing it with each month's UTC start. Statistics
// group by this expression instead of loading every row to call tokyoMonth() on it.
import { sql, type RawBuilder } from 'kysely';
import { tokyoMonth, tokyoMonthStart } from './sequence.ts';

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** `case when <column> < <start of next month> then 'YYYY-MM' … end` over [from, to), UTC ISO bounds. */
export function tokyoMonthOf(column: string, range: { from: string; to: string }): RawBuilder<string> {
  const whens: RawBuilder<unknown>[] = [];
  let month = tokyoMonth(range.from);
  let end = tokyoMonthStart(nextMonth(month));
  while (end < range.to) {
    whens.push(sql`when ${sql.ref(column)} < ${end} then cast(${month} as text)`);
    month = nextMonth(month);
    end = tokyoMonthStart(nextMonth(month));
  }
  if (whens.length === 0) return sql<string>`cast(${month} as text)`;
  return sql<string>`case ${sql.join(whens, sql` `)} else cast(${month} as text) end`;
}
