// Queries over the case tables.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB, Executor } from '#kernel/db/index.ts';

export function findCase(db: Executor, id: string) {
  return db.selectFrom('case_record').selectAll().where('id', '=', id).executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function accessOf(db: Executor, caseId: string) {
  const [members, units] = await Promise.all([
    db.selectFrom('case_member').select(['user_id', 'added_at']).where('case_id', '=', caseId).orderBy('added_at').execute(),
    db.selectFrom('case_support_unit').select(['unit_id', 'added_at']).where('case_id', '=', caseId).orderBy('added_at').execute(),
  ]);
  return { members, units };
}

/**
 * Cases a user may see: owner or supporting unit (unless sensitive), or named member; newest change
 * first. One OR over the three rules made SQLite scan every case (100,000 in bench/cases), so each
 * rule is its own ordered, limited query that an index serves, and the newest of their union win.
 */
export async function listVisible(
  db: Executor,
  viewer: { userId: string; unitId: string | null },
  filter: { status?: string | undefined; unitId?: string | undefined; category?: string | undefined; mine: boolean; limit: number },
) {
  const filtered = (eb: ExpressionBuilder<DB, 'case_record'>, rule: Expression<SqlBool>) => {
    const conditions = [rule];
    if (filter.status) conditions.push(eb('case_record.status', '=', filter.status));
    if (filter.unitId) conditions.push(eb('case_record.owner_unit_id', '=', filter.unitId));
    if (filter.category) conditions.push(eb('case_record.category', '=', filter.category));
    return eb.and(conditions);
  };
  const newest = (rule: (eb: ExpressionBuilder<DB, 'case_record'>) => Expression<SqlBool>) =>
    db
      .selectFrom('case_record')
      .select('case_record.id')
      .where((eb) => filtered(eb, rule(eb)))
      .orderBy('case_record.updated_at', 'desc')
      .limit(filter.limit);
  // From the viewer's memberships outward (CROSS JOIN fixes that order on SQLite, which otherwise
  // reads every case of a status to test each against the membership list).
  const asMember = db
    .selectFrom('case_member')
    .crossJoin('case_record')
    .select('case_record.id')
    .where((eb) => filtered(eb, eb.and([eb('case_member.user_id', '=', viewer.userId), eb(eb.ref('case_record.id'), '=', eb.ref('case_member.case_id'))])))
    .orderBy('case_record.updated_at', 'desc')
    .limit(filter.limit);
  let ids = db.selectFrom(asMember.as('by_member')).select('by_member.id');
  const unitId = viewer.unitId;
  if (!filter.mine && unitId !== null) {
    const asOwner = newest((eb) => eb.and([eb('case_record.owner_unit_id', '=', unitId), eb('case_record.sensitive', '=', 0)]));
    const supported = supportedBy(unitId);
    // A unit that supports many cases (the cyber division: a third of all) is found fastest by
    // reading cases newest first and checking each; one that supports few, by fetching those few.
    const supportsMany = (await countSupportedBy(db, unitId)) > MANY_SUPPORTED;
    const asSupport = newest((eb) =>
      eb.and([
        eb('case_record.sensitive', '=', 0),
        supportsMany ? eb.exists(supported(eb).whereRef('case_support_unit.case_id', '=', 'case_record.id')) : eb('case_record.id', 'in', supported(eb)),
      ]),
    );
    ids = ids.union(db.selectFrom(asOwner.as('by_owner')).select('by_owner.id')).union(db.selectFrom(asSupport.as('by_support')).select('by_support.id'));
  }
  return db.selectFrom('case_record').selectAll().where('id', 'in', ids).orderBy('updated_at', 'desc').limit(filter.limit).execute();
}

const MANY_SUPPORTED = 2000;

function supportedBy(unitId: string) {
  return (eb: ExpressionBuilder<DB, 'case_record'>) =>
    eb.selectFrom('case_support_unit').select('case_support_unit.case_id').where('case_support_unit.unit_id', '=', unitId);
}

async function countSupportedBy(db: Executor, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('case_support_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.n ?? 0;
}
