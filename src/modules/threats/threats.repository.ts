// Queries over the threat catalogue, case attribution and ransomware profiles.
import type { Insertable, Updateable } from 'kysely';
import type { DB, Executor } from '#kernel/db/index.ts';

type ThreatTable = DB['threat'];

export function findThreat(db: Executor, id: string) {
  return db.selectFrom('threat').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ThreatRow = NonNullable<Awaited<ReturnType<typeof findThreat>>>;

export function findThreatByNameKey(db: Executor, nameKey: string) {
  return db.selectFrom('threat').select(['id', 'name']).where('name_key', '=', nameKey).executeTakeFirst();
}

export function aliasesOf(db: Executor, threatIds: readonly string[]) {
  if (threatIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('threat_alias')
    .select(['threat_id', 'alias', 'alias_key'])
    .where('threat_id', 'in', threatIds)
    .orderBy('threat_id')
    .orderBy('alias')
    .execute();
}

/**
 * Entries whose name or one alias contains the key (keys hold only letters and digits, so they
 * carry no LIKE wildcard), by kind; every entry when the key is empty.
 */
export function searchThreats(db: Executor, filter: { key: string; kind: string | undefined; limit: number }) {
  let query = db.selectFrom('threat').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.key) {
    const pattern = `%${filter.key}%`;
    query = query.where((eb) =>
      eb.or([
        eb('name_key', 'like', pattern),
        eb.exists(
          eb
            .selectFrom('threat_alias')
            .select('threat_alias.threat_id')
            .whereRef('threat_alias.threat_id', '=', 'threat.id')
            .where('alias_key', 'like', pattern),
        ),
      ]),
    );
  }
  return query.orderBy('name').limit(filter.limit).execute();
}

export async function insertThreat(trx: Executor, row: Insertable<ThreatTable>) {
  await trx.insertInto('threat').values(row).execute();
}

/** Applies the change only if nobody changed the entry since `version`; false when someone did. */
export async function updateThreat(trx: Executor, id: string, version: number, set: Updateable<ThreatTable>) {
  const result = await trx
    .updateTable('threat')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchThreat(trx: Executor, id: string, at: string) {
  await trx
    .updateTable('threat')
    .set((eb) => ({ version: eb(eb.ref('version'), '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

export async function insertAlias(trx: Executor, row: { threat_id: string; alias: string; alias_key: string; created_at: string }) {
  const result = await trx
    .insertInto('threat_alias')
    .values(row)
    .onConflict((oc) => oc.columns(['threat_id', 'alias_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteAlias(trx: Executor, threatId: string, key: string) {
  const result = await trx.deleteFrom('threat_alias').where('threat_id', '=', threatId).where('alias_key', '=', key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function attributionsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom('case_attribution as ca')
    .innerJoin('threat', 'threat.id', 'ca.threat_id')
    .select(['ca.threat_id', 'threat.name', 'threat.kind', 'ca.confidence', 'ca.note', 'ca.created_by', 'ca.created_at'])
    .where('ca.case_id', '=', caseId)
    .orderBy('ca.created_at')
    .orderBy('threat.name')
    .execute();
}

export function attributionsToThreat(db: Executor, threatId: string) {
  return db
    .selectFrom('case_attribution')
    .select(['case_id', 'confidence', 'created_at'])
    .where('threat_id', '=', threatId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findAttribution(db: Executor, caseId: string, threatId: string) {
  return db.selectFrom('case_attribution').selectAll().where('case_id', '=', caseId).where('threat_id', '=', threatId).executeTakeFirst();
}

export async function upsertAttribution(
  trx: Executor,
  row: { case_id: string; threat_id: string; confidence: string; note: string; created_by: string; created_at: string },
) {
  await trx
    .insertInto('case_attribution')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['case_id', 'threat_id']).doUpdateSet({ confidence: row.confidence, note: row.note, created_by: row.created_by, created_at: row.created_at }),
    )
    .execute();
}

export async function deleteAttribution(trx: Executor, caseId: string, threatId: string) {
  const result = await trx.deleteFrom('case_attribution').where('case_id', '=', caseId).where('threat_id', '=', threatId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function findProfile(db: Executor, caseId: string) {
  return db.selectFrom('case_ransomware').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}
export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfile>>>;

export async function upsertProfile(trx: Executor, row: ProfileRow) {
  await trx
    .insertInto('case_ransomware')
    .values(row)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({
        infection_route: row.infection_route,
        encrypted: row.encrypted,
        double_extortion: row.double_extortion,
        data_leaked: row.data_leaked,
        ransom_demanded: row.ransom_demanded,
        ransom_amount_yen: row.ransom_amount_yen,
        backup_state: row.backup_state,
        recovery_period: row.recovery_period,
        recovery_cost: row.recovery_cost,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The range is [from, to) over the case's 認知 time (created_at). */
type Range = { from: string; to: string };

/** Cases in the range counted as ransomware: sub-category ransomware, or attributed to a ransomware family. */
export function ransomwareCasesIn(db: Executor, range: Range) {
  return db
    .selectFrom('case_record')
    .select(['id', 'created_at', 'victim'])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .where((eb) =>
      eb.or([
        eb('subcategory', '=', 'ransomware'),
        eb.exists(
          eb
            .selectFrom('case_attribution')
            .innerJoin('threat', 'threat.id', 'case_attribution.threat_id')
            .select('case_attribution.case_id')
            .whereRef('case_attribution.case_id', '=', 'case_record.id')
            .where('threat.kind', '=', 'ransomware'),
        ),
      ]),
    )
    .execute();
}

export function familyAttributionsIn(db: Executor, range: Range) {
  return db
    .selectFrom('case_attribution')
    .innerJoin('threat', 'threat.id', 'case_attribution.threat_id')
    .innerJoin('case_record', 'case_record.id', 'case_attribution.case_id')
    .select(['case_attribution.case_id', 'threat.id as threat_id', 'threat.name'])
    .where('threat.kind', '=', 'ransomware')
    .where('case_record.created_at', '>=', range.from)
    .where('case_record.created_at', '<', range.to)
    .execute();
}

export function profilesIn(db: Executor, range: Range) {
  return db
    .selectFrom('case_ransomware')
    .innerJoin('case_record', 'case_record.id', 'case_ransomware.case_id')
    .selectAll('case_ransomware')
    .where('case_record.created_at', '>=', range.from)
    .where('case_record.created_at', '<', range.to)
    .execute();
}
