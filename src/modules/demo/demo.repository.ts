// What the demo seeder needs to know about the instance before it writes: is it empty, and what
// did the seeding produce (counts for the summary line).
import type { Executor } from '#kernel/db/index.ts';

async function countOf(db: Executor, table: 'case_record' | 'intake_item' | 'observable' | 'sighting'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** An instance holds work once it has any case or intake item; users and units alone do not count. */
export async function countExistingWork(db: Executor): Promise<number> {
  return (await countOf(db, 'case_record')) + (await countOf(db, 'intake_item'));
}

export async function countSeeded(db: Executor) {
  return {
    reports: await countOf(db, 'intake_item'),
    cases: await countOf(db, 'case_record'),
    observables: await countOf(db, 'observable'),
    sightings: await countOf(db, 'sighting'),
  };
}

export async function findItemIdByReceipt(db: Executor, receiptNo: string): Promise<string | undefined> {
  return (await db.selectFrom('intake_item').select('id').where('receipt_no', '=', receiptNo).executeTakeFirst())?.id;
}
