import { reusableQuery, type Executor } from '#kernel/db/index.ts';

export const findObservable = reusableQuery(1, (db, id: number) => db.selectFrom('observable').selectAll().where('id', '=', id));

export const findObservableByValue = reusableQuery(2, (db, type: string, value: string) =>
  db.selectFrom('observable').selectAll().where('type', '=', type).where('value', '=', value),
);

const LOOKUP_BATCH = 500;

/** Known observables among (type, value) pairs, per type in batches (the (type, value) unique index serves it). */
export async function findObservablesByValues(db: Executor, pairs: { type: string; value: string }[]) {
  const valuesByType = new Map<string, Set<string>>();
  for (const pair of pairs) valuesByType.set(pair.type, (valuesByType.get(pair.type) ?? new Set()).add(pair.value));
  const rows = [];
  for (const [type, set] of valuesByType) {
    const values = [...set];
    for (let i = 0; i < values.length; i += LOOKUP_BATCH) {
      rows.push(
        ...(await db
          .selectFrom('observable')
          .select(['id', 'type', 'value', 'warning', 'first_seen_at', 'last_seen_at'])
          .where('type', '=', type)
          .where('value', 'in', values.slice(i, i + LOOKUP_BATCH))
          .execute()),
      );
    }
  }
  return rows;
}

/** Sighting counts and source summaries per observable. */
export async function sightingSummaries(db: Executor, observableIds: number[]) {
  const rows = [];
  for (let i = 0; i < observableIds.length; i += LOOKUP_BATCH) {
    rows.push(
      ...(await db
        .selectFrom('sighting')
        .select((eb) => ['observable_id', eb.fn.countAll<number>().as('sightings'), eb.fn.count<number>('source_id').distinct().as('sources')])
        .where('observable_id', 'in', observableIds.slice(i, i + LOOKUP_BATCH))
        .groupBy('observable_id')
        .execute()),
    );
  }
  return rows;
}

export function listSightings(db: Executor, observableId: number, limit: number) {
  return db.selectFrom('sighting').selectAll().where('observable_id', '=', observableId).orderBy('seen_at', 'desc').limit(limit).execute();
}

/** Other sources that share a non-warning-listed observable with the given source: a join over sightings. */
export function findCorrelatedSources(db: Executor, sourceType: string, sourceId: string, limit: number, includeWarnings: boolean, onlySourceType?: string) {
  let query = db
    .selectFrom('sighting as mine')
    .innerJoin('sighting as other', 'other.observable_id', 'mine.observable_id')
    .innerJoin('observable', 'observable.id', 'mine.observable_id')
    .select((eb) => [
      'other.source_type',
      'other.source_id',
      eb.fn.max('other.owner_unit_id').as('owner_unit_id'),
      eb.fn.max('other.restricted').as('restricted'),
      eb.fn.count<number>('other.observable_id').distinct().as('shared'),
      eb.fn.max('other.seen_at').as('last_seen_at'),
    ])
    .where('mine.source_type', '=', sourceType)
    .where('mine.source_id', '=', sourceId)
    .where((eb) => eb.or([eb('other.source_type', '!=', sourceType), eb('other.source_id', '!=', sourceId)]))
    .groupBy(['other.source_type', 'other.source_id'])
    .orderBy('shared', 'desc')
    .limit(limit);
  if (!includeWarnings) query = query.where('observable.warning', 'is', null);
  if (onlySourceType !== undefined) query = query.where('other.source_type', '=', onlySourceType);
  return query.execute();
}

/** Observables related through host and registrable domain (URL → host → domain, e-mail → domain, subdomains). */
export function findRelatedByHost(db: Executor, host: string | null, registrable: string | null, excludeId: number, limit: number) {
  return db
    .selectFrom('observable')
    .select(['id', 'type', 'value', 'warning', 'host', 'registrable'])
    .where('id', '!=', excludeId)
    .where((eb) => {
      const ors = [];
      if (host) ors.push(eb('host', '=', host), eb('value', '=', host));
      if (registrable) ors.push(eb('registrable', '=', registrable), eb('value', '=', registrable));
      return eb.or(ors);
    })
    .orderBy('type')
    .orderBy('value')
    .limit(limit)
    .execute();
}

export function listCidrObservables(db: Executor) {
  return db.selectFrom('observable').select(['id', 'type', 'value', 'warning']).where('type', '=', 'cidr').execute();
}

/** The distinct observables one source sighted. */
export function listObservablesOfSource(db: Executor, sourceType: string, sourceId: string) {
  return db
    .selectFrom('sighting')
    .innerJoin('observable', 'observable.id', 'sighting.observable_id')
    .select(['observable.id', 'observable.type', 'observable.value', 'observable.warning'])
    .distinct()
    .where('sighting.source_type', '=', sourceType)
    .where('sighting.source_id', '=', sourceId)
    .orderBy('observable.type')
    .orderBy('observable.value')
    .execute();
}

export function updateSourceOwner(db: Executor, sourceType: string, sourceId: string, ownerUnitId: string | null, restricted: boolean) {
  return db
    .updateTable('sighting')
    .set({ owner_unit_id: ownerUnitId, restricted: restricted ? 1 : 0 })
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .execute();
}

/** Sources of one type that sighted any of the given values (warning-listed values left out). */
export async function findSourcesSighting(db: Executor, pairs: { type: string; value: string }[], sourceType: string) {
  const known = (await findObservablesByValues(db, pairs)).filter((o) => o.warning === null);
  if (known.length === 0) return [];
  return db
    .selectFrom('sighting')
    .select(['source_id', 'owner_unit_id'])
    .distinct()
    .where(
      'observable_id',
      'in',
      known.map((o) => o.id),
    )
    .where('source_type', '=', sourceType)
    .limit(1000)
    .execute();
}
