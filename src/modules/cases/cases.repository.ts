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
export function listVisible(
  db: Executor,
  viewer: { userId: string; unitId: string | null },
  filter: { status?: string | undefined; unitId?: string | undefined; category?: string | undefined; mine: boolean; limit: number },
) {
  const newest = (rule: (eb: ExpressionBuilder<DB, 'case_record'>) => Expression<SqlBool>) =>
    db
      .selectFrom('case_record')
      .select('case_record.id')
      .where((eb) => {
        const conditions = [rule(eb)];
        if (filter.status) conditions.push(eb('case_record.status', '=', filter.status));
        if (filter.unitId) conditions.push(eb('case_record.owner_unit_id', '=', filter.unitId));
        if (filter.category) conditions.push(eb('case_record.category', '=', filter.category));
        return eb.and(conditions);
      })
      .orderBy('case_record.updated_at', 'desc')
      .limit(filter.limit);
  const asMember = newest((eb) => eb('case_record.id', 'in', eb.selectFrom('case_member').select('case_member.case_id').where('case_member.user_id', '=', viewer.userId)));
  let ids = db.selectFrom(asMember.as('by_member')).select('by_member.id');
  const unitId = viewer.unitId;
  if (!filter.mine && unitId !== null) {
    const asOwner = newest((eb) => eb.and([eb('case_record.owner_unit_id', '=', unitId), eb('case_record.sensitive', '=', 0)]));
    const asSupport = newest((eb) =>
      eb.and([
        eb('case_record.sensitive', '=', 0),
        eb('case_record.id', 'in', eb.selectFrom('case_support_unit').select('case_support_unit.case_id').where('case_support_unit.unit_id', '=', unitId)),
      ]),
    );
    ids = ids.union(db.selectFrom(asOwner.as('by_owner')).select('by_owner.id')).union(db.selectFrom(asSupport.as('by_support')).select('by_support.id'));
  }
  return db.selectFrom('case_record').selectAll().where('id', 'in', ids).orderBy('updated_at', 'desc').limit(filter.limit).execute();
}
