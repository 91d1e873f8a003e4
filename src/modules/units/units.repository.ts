import { reusableQuery, type Executor, type UnitRow } from '#kernel/db/index.ts';

const UNIT_WITH_LIAISON = [
  'unit.id',
  'unit.code',
  'unit.parent_id',
  'unit.kind',
  'unit.name_ja',
  'unit.name_en',
  'unit.sort_order',
  'unit.phone',
  'unit.liaison_user_id',
  'liaison.display_name as liaison_display_name',
  'liaison.username as liaison_username',
] as const;

export const listUnitsWithLiaison = reusableQuery(0, (db) =>
  db
    .selectFrom('unit')
    .leftJoin('app_user as liaison', 'liaison.id', 'unit.liaison_user_id')
    .select(UNIT_WITH_LIAISON)
    .orderBy('unit.sort_order')
    .orderBy('unit.code'),
);

const unitWithLiaisonById = reusableQuery(1, (db, id: string) =>
  db.selectFrom('unit').leftJoin('app_user as liaison', 'liaison.id', 'unit.liaison_user_id').select(UNIT_WITH_LIAISON).where('unit.id', '=', id),
);

export async function findUnitWithLiaison(db: Executor, id: string) {
  return (await unitWithLiaisonById(db, id))[0];
}

export type UnitWithLiaisonRow = NonNullable<Awaited<ReturnType<typeof findUnitWithLiaison>>>;

export function findUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitIdByCode(db: Executor, code: string) {
  return db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirst();
}

export async function listParentLinks(db: Executor): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('unit').select(['id', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

export async function countUnits(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export function insertUnits(db: Executor, units: UnitRow[]) {
  return db.insertInto('unit').values(units).execute();
}

export function updateUnit(db: Executor, id: string, changes: Partial<Omit<UnitRow, 'id'>>) {
  return db.updateTable('unit').set(changes).where('id', '=', id).execute();
}

export function findPost(db: Executor, post: string) {
  return db
    .selectFrom('org_post')
    .innerJoin('app_user', 'app_user.id', 'org_post.user_id')
    .select(['app_user.id', 'app_user.display_name', 'app_user.username'])
    .where('org_post.post', '=', post)
    .executeTakeFirst();
}

export async function setPost(db: Executor, post: string, userId: string | null, at: string): Promise<void> {
  await db.deleteFrom('org_post').where('post', '=', post).execute();
  if (userId) await db.insertInto('org_post').values({ post, user_id: userId, updated_at: at }).execute();
}
