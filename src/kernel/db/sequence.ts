// Human-facing numbers (受理番号 IB-2026-000123, case numbers) come from gap-free counters per
// scope, advanced inside the caller's transaction: a rolled-back insert gives its number back.
import type { Executor } from './database.ts';

export async function nextSequenceValue(trx: Executor, scope: string): Promise<number> {
  const row = await trx
    .insertInto('receipt_sequence')
    .values({ scope, last_value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ last_value: eb(eb.ref('receipt_sequence.last_value'), '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** The year in Japan (Asia/Tokyo) for a UTC instant: numbering restarts each Japanese calendar year. */
export function tokyoYear(at: Date): number {
  return new Date(at.getTime() + 9 * 3_600_000).getUTCFullYear();
}

/** The month in Japan (YYYY-MM, Asia/Tokyo) for a UTC ISO instant: statistics count by Japanese month. */
export function tokyoMonth(iso: string): string {
  return new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}

/** The UTC instant at which a Japanese month (YYYY-MM) begins. */
export function tokyoMonthStart(month: string): string {
  return new Date(new Date(`${month}-01T00:00:00.000Z`).getTime() - 9 * 3_600_000).toISOString();
}
