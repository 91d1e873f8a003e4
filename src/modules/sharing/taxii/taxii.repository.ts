// Queries of the TAXII server: groups as collections, collection entries with their stored STIX
// bodies under the caller's TLP ceiling and the TAXII filters, and status resources. Entries are
// read in (date_added, id) order; a page asks for one row more than it returns to know `more`.
import type { TaxiiStatusTable } from '#kernel/db/tables/sharing.ts';
import type { Executor } from '#kernel/db/index.ts';
import type { Tlp } from '../tlp.ts';
import type { EntryFilters } from './taxii.filters.ts';

export type EntryQuery = Omit<EntryFilters, 'next' | 'isSpecVersionHeld'> & {
  groupId: string;
  /** The TLP levels the collection's readers may receive. */
  levels: Tlp[];
  /** Keyset: the (date_added, id) of the last entry already returned. */
  after: { dateAdded: string; id: number } | null;
};

export type EntryRow = { id: number; stix_id: string; version: string; date_added: string };

export function findGroup(db: Executor, groupId: string) {
  return db.selectFrom('sharing_group').select(['id', 'name', 'description', 'max_tlp']).where('id', '=', groupId).executeTakeFirst();
}

export function listGroups(db: Executor, onlyId: string | null) {
  let query = db.selectFrom('sharing_group').select(['id', 'name', 'description', 'max_tlp']).orderBy('name');
  if (onlyId !== null) query = query.where('id', '=', onlyId);
  return query.execute();
}

export function findEntryPosition(db: Executor, groupId: string, entryId: number) {
  return db.selectFrom('collection_entry').select(['id', 'date_added']).where('group_id', '=', groupId).where('id', '=', entryId).executeTakeFirst();
}

function entriesQuery(db: Executor, q: EntryQuery) {
  let query = db.selectFrom('collection_entry as e').where('e.group_id', '=', q.groupId).where('e.tlp', 'in', q.levels);
  if (q.types) query = query.where('e.type', 'in', q.types);
  if (q.ids) query = query.where('e.stix_id', 'in', q.ids);
  if (q.addedAfter !== null) query = query.where('e.date_added', '>', q.addedAfter);
  const after = q.after;
  if (after)
    query = query.where((eb) =>
      eb.or([eb('e.date_added', '>', after.dateAdded), eb.and([eb('e.date_added', '=', after.dateAdded), eb('e.id', '>', after.id)])]),
    );
  const v = q.versions;
  if (!v.all) {
    // first/last are decided among the versions of the object this reader may see. Versions are
    // compared as text: one producer writes its timestamps with one precision.
    query = query.where((eb) => {
      const otherVersion = (op: '>' | '<') =>
        eb
          .selectFrom('collection_entry as e2')
          .select('e2.id')
          .whereRef('e2.group_id', '=', 'e.group_id')
          .whereRef('e2.stix_id', '=', 'e.stix_id')
          .where('e2.tlp', 'in', q.levels)
          .whereRef('e2.version', op, 'e.version');
      const wanted = [];
      if (v.last) wanted.push(eb.not(eb.exists(otherVersion('>'))));
      if (v.first) wanted.push(eb.not(eb.exists(otherVersion('<'))));
      // An unversioned object (an SCO) is named by its date_added, as in the manifest.
      if (v.exact.length > 0) wanted.push(eb.or([eb('e.version', 'in', v.exact), eb.and([eb('e.version', '=', ''), eb('e.date_added', 'in', v.exact)])]));
      return eb.or(wanted);
    });
  }
  return query
    .orderBy('e.date_added')
    .orderBy('e.id')
    .limit(q.limit + 1);
}

export function findEntries(db: Executor, q: EntryQuery): Promise<EntryRow[]> {
  return entriesQuery(db, q).select(['e.id', 'e.stix_id', 'e.version', 'e.date_added']).execute();
}

export function findEntriesWithBodies(db: Executor, q: EntryQuery): Promise<(EntryRow & { body: string })[]> {
  return entriesQuery(db, q)
    .innerJoin('stix_object as o', (join) => join.onRef('o.stix_id', '=', 'e.stix_id').onRef('o.version', '=', 'e.version'))
    .select(['e.id', 'e.stix_id', 'e.version', 'e.date_added', 'o.body'])
    .execute();
}

export async function hasVisibleEntry(db: Executor, groupId: string, levels: Tlp[], stixId: string): Promise<boolean> {
  const row = await db
    .selectFrom('collection_entry')
    .select('id')
    .where('group_id', '=', groupId)
    .where('stix_id', '=', stixId)
    .where('tlp', 'in', levels)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** When each unversioned object (an SCO) joined the collection: its version in a status or manifest. */
export async function findUnversionedDates(db: Executor, groupId: string, stixIds: string[]): Promise<{ stix_id: string; date_added: string }[]> {
  const rows: { stix_id: string; date_added: string }[] = [];
  for (let i = 0; i < stixIds.length; i += 1000) {
    const chunk = stixIds.slice(i, i + 1000);
    rows.push(
      ...(await db
        .selectFrom('collection_entry')
        .select(['stix_id', 'date_added'])
        .where('group_id', '=', groupId)
        .where('version', '=', '')
        .where('stix_id', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

export type StatusRow = TaxiiStatusTable;

export function insertStatus(db: Executor, row: StatusRow) {
  return db.insertInto('taxii_status').values(row).execute();
}

export function findStatus(db: Executor, statusId: string): Promise<StatusRow | undefined> {
  return db.selectFrom('taxii_status').selectAll().where('id', '=', statusId).executeTakeFirst();
}
