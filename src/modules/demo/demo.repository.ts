// What the demo seeder needs to know about the instance before it writes: is it empty, and what
// did the seeding produce (counts for the summary line).
import type { Executor } from '#kernel/db/index.ts';

type CountedTable =
  | 'case_record'
  | 'intake_item'
  | 'observable'
  | 'sighting'
  | 'evidence_item'
  | 'analysis_request'
  | 'case_attribution'
  | 'case_ransomware'
  | 'case_support_request'
  | 'case_external_cooperation'
  | 'case_international_request';

async function countOf(db: Executor, table: CountedTable): Promise<number> {
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
    evidence: await countOf(db, 'evidence_item'),
    analysisRequests: await countOf(db, 'analysis_request'),
    attributions: await countOf(db, 'case_attribution'),
    ransomwareProfiles: await countOf(db, 'case_ransomware'),
    supportRequests: await countOf(db, 'case_support_request'),
    externalCooperation: await countOf(db, 'case_external_cooperation'),
    internationalRequests: await countOf(db, 'case_international_request'),
  };
}

export async function findItemIdByReceipt(db: Executor, receiptNo: string): Promise<string | undefined> {
  return (await db.selectFrom('intake_item').select('id').where('receipt_no', '=', receiptNo).executeTakeFirst())?.id;
}
