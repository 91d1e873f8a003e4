// Writes STIX object versions into the store. A version already held changes nothing (re-imports
// are idempotent); a newer version becomes `latest` and the one before it stays as history; an
// older version than the one held is kept as history only. On SQLite through prepared statements
// (bulk imports are the hot path, see STACK.md), on PostgreSQL in 1,000-row statements.
import type { Database, Executor } from '#kernel/db/index.ts';
import { timestampOrderKey } from '../stix/identifiers.ts';

export type ObjectVersion = {
  stixId: string;
  type: string;
  /** `modified`, else `created`, else '' (SCOs are unversioned). */
  version: string;
  tlp: string;
  /** The object's JSON text, or its UTF-8 bytes (a file import's worker hands them over so). */
  body: string | Uint8Array;
  origin: 'import' | 'local';
  batchId: string | null;
  source: string;
  importedBy: string;
  importedAt: string;
};

function newer(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  return timestampOrderKey(a) > timestampOrderKey(b);
}

/** The latest versions held of a chunk's ids, looked up in one statement (ids as a JSON array). */
const LATEST_SQL = 'select stix_id, version from stix_object where latest = 1 and stix_id in (select value from json_each(?))';
const INSERT_SQL = `insert into stix_object (stix_id, type, version, latest, tlp, origin, body, batch_id, source, imported_by, imported_at)
  values (?, ?, ?, ?, ?, ?, cast(? as text), ?, ?, ?, ?) on conflict (stix_id, version) do nothing`;
const SUPERSEDE_SQL = 'update stix_object set latest = 0 where stix_id = ? and latest = 1';

/** Per object: the row it was written to, or null when the store held that version already. */
export type WrittenRows = (number | null)[];

function writeSqlite(database: Database, objects: ObjectVersion[]): WrittenRows {
  const sqlite = database.sqlite;
  if (!sqlite) throw new Error('SQLite handle missing');
  const insert = sqlite.prepare(INSERT_SQL);
  const supersede = sqlite.prepare(SUPERSEDE_SQL);
  const held = new Map<string, string>();
  for (const row of sqlite.prepare<[string], { stix_id: string; version: string }>(LATEST_SQL).iterate(JSON.stringify(objects.map((o) => o.stixId))))
    held.set(row.stix_id, row.version);
  return objects.map((o) => {
    const version = held.get(o.stixId);
    if (version === o.version) return null;
    const isLatest = version === undefined || newer(o.version, version);
    if (version !== undefined && isLatest) supersede.run(o.stixId);
    const written = insert.run(o.stixId, o.type, o.version, isLatest ? 1 : 0, o.tlp, o.origin, o.body, o.batchId, o.source, o.importedBy, o.importedAt);
    if (written.changes === 0) return null;
    // A later object of the same chunk compares with this version.
    if (isLatest) held.set(o.stixId, o.version);
    return Number(written.lastInsertRowid);
  });
}

const BATCH = 1000;

async function writePostgres(trx: Executor, objects: ObjectVersion[]): Promise<WrittenRows> {
  const held = new Map<string, string>();
  const ids = [...new Set(objects.map((o) => o.stixId))];
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await trx
      .selectFrom('stix_object')
      .select(['stix_id', 'version'])
      .where('latest', '=', 1)
      .where('stix_id', 'in', ids.slice(i, i + BATCH))
      .execute();
    for (const row of rows) held.set(row.stix_id, row.version);
  }
  const superseded = new Set<string>();
  const rows = [];
  const candidates: boolean[] = [];
  for (const o of objects) {
    const version = held.get(o.stixId);
    if (version === o.version) {
      candidates.push(false);
      continue;
    }
    const isLatest = version === undefined || newer(o.version, version);
    if (version !== undefined && isLatest) superseded.add(o.stixId);
    if (isLatest) held.set(o.stixId, o.version);
    candidates.push(true);
    rows.push({
      stix_id: o.stixId,
      type: o.type,
      version: o.version,
      latest: isLatest ? 1 : 0,
      tlp: o.tlp,
      origin: o.origin,
      body: typeof o.body === 'string' ? o.body : Buffer.from(o.body.buffer, o.body.byteOffset, o.body.byteLength).toString('utf8'),
      batch_id: o.batchId,
      source: o.source,
      imported_by: o.importedBy,
      imported_at: o.importedAt,
    });
  }
  const inserted = new Map<string, number>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const written = await trx
      .insertInto('stix_object')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.columns(['stix_id', 'version']).doNothing())
      .returning(['id', 'stix_id', 'version'])
      .execute();
    for (const row of written) inserted.set(`${row.stix_id}\u0000${row.version}`, row.id);
  }
  // An id that gained a newer version (perhaps twice within this call): only its newest is latest.
  for (const id of superseded) {
    const newest = held.get(id) ?? '';
    await trx
      .updateTable('stix_object')
      .set((eb) => ({ latest: eb.case().when('version', '=', newest).then(1).else(0).end() }))
      .where('stix_id', '=', id)
      .execute();
  }
  return objects.map((o, i) => (candidates[i] ? (inserted.get(`${o.stixId}\u0000${o.version}`) ?? null) : null));
}

/** Writes inside `trx`; returns, per object, its new row or null if already held. Objects are processed in order. */
export async function writeObjectVersions(database: Database, trx: Executor, objects: ObjectVersion[]): Promise<WrittenRows> {
  if (objects.length === 0) return [];
  return database.dialect === 'sqlite' ? writeSqlite(database, objects) : writePostgres(trx, objects);
}
