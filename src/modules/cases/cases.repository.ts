// Queries over the case tables.
import type { Executor } from '#kernel/db/index.ts';

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

/** Cases a user may see: owner or supporting unit (unless sensitive), or named member. */
export function listVisible(
  db: Executor,
  viewer: { userId: string; unitId: string | null },
  filter: { status?: string | undefined; unitId?: string | undefined; category?: string | undefined; mine: boolean; limit: number },
) {
  let query = db.selectFrom('case_record').selectAll();
  query = query.where((eb) => {
    const member = eb.exists(
      eb
        .selectFrom('case_member')
        .select('case_member.case_id')
        .whereRef('case_member.case_id', '=', 'case_record.id')
        .where('case_member.user_id', '=', viewer.userId),
    );
    if (filter.mine || viewer.unitId === null) return member;
    const unitId = viewer.unitId;
    const byUnit = eb.and([
      eb('case_record.sensitive', '=', 0),
      eb.or([
        eb('case_record.owner_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('case_support_unit')
            .select('case_support_unit.case_id')
            .whereRef('case_support_unit.case_id', '=', 'case_record.id')
            .where('case_support_unit.unit_id', '=', unitId),
        ),
      ]),
    ]);
    return eb.or([member, byUnit]);
  });
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.unitId) query = query.where('owner_unit_id', '=', filter.unitId);
  if (filter.category) query = query.where('category', '=', filter.category);
  return query.orderBy('updated_at', 'desc').limit(filter.limit).execute();
}
