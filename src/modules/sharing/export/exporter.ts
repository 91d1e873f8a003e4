// Streams stored STIX objects out as one bundle, never above the receiver's TLP: a sharing group's
// collection (its level), or everything held up to a given level. Bodies are the stored JSON text,
// written in large pieces, so a million objects need neither a million writes nor the bundle in
// memory.
import type { Writable } from 'node:stream';
import type { Database } from '#kernel/db/index.ts';
import { randomUUID } from 'node:crypto';
import type { StixObject } from '../stix/observables.ts';
import { tlpLevelsUpTo, type Tlp } from '../tlp.ts';

export type ExportFilter = { allowed: Tlp; groupId?: string | null; types?: readonly string[] | null };

type Row = { id: number; stix_id: string; body: string };

const PAGE = 5000;

function placeholders(count: number): string {
  return new Array(count).fill('?').join(', ');
}

/** Pages of stored bodies (latest versions) that pass the filter, in storage order. */
export async function* exportedRows(database: Database, filter: ExportFilter): AsyncGenerator<Row[]> {
  const levels = tlpLevelsUpTo(filter.allowed);
  const types = filter.types && filter.types.length > 0 ? filter.types : null;
  if (database.dialect === 'sqlite' && database.sqlite) {
    const where = [`o.latest = 1`, `o.tlp in (${placeholders(levels.length)})`];
    const params: unknown[] = [...levels];
    let from = 'stix_object o';
    if (filter.groupId) {
      from = 'collection_entry e join stix_object o on o.stix_id = e.stix_id and o.version = e.version';
      where.push('e.group_id = ?', `e.tlp in (${placeholders(levels.length)})`);
      params.push(filter.groupId, ...levels);
    }
    if (types) {
      where.push(`o.type in (${placeholders(types.length)})`);
      params.push(...types);
    }
    const statement = database.sqlite.prepare<unknown[], Row>(`select o.id, o.stix_id, o.body from ${from} where ${where.join(' and ')} order by o.id`);
    let page: Row[] = [];
    for (const row of statement.iterate(...params)) {
      page.push(row);
      if (page.length === PAGE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
    return;
  }
  let after = 0;
  for (;;) {
    let query = database.db
      .selectFrom('stix_object as o')
      .select(['o.id', 'o.stix_id', 'o.body'])
      .where('o.latest', '=', 1)
      .where('o.tlp', 'in', levels)
      .where('o.id', '>', after);
    if (filter.groupId)
      query = query
        .innerJoin('collection_entry as e', (join) => join.onRef('e.stix_id', '=', 'o.stix_id').onRef('e.version', '=', 'o.version'))
        .where('e.group_id', '=', filter.groupId)
        .where('e.tlp', 'in', levels);
    if (types) query = query.where('o.type', 'in', types);
    const page = await query.orderBy('o.id').limit(PAGE).execute();
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.id ?? after;
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (out.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    out.on('drain', done);
    out.on('error', done);
  });
}

/**
 * Writes `{"type":"bundle","id":…,"objects":[prelude…, stored…]}` to `out`; stored objects whose
 * id the prelude already carries (identity, marking definitions) are left out, as a bundle may not
 * hold the same version twice. Returns the number of objects written.
 */
export async function writeStixBundle(
  out: Writable,
  rows: AsyncIterable<Row[]>,
  prelude: StixObject[],
  onProgress?: (written: number) => void,
): Promise<number> {
  const skip = new Set(prelude.map((o) => o.id));
  let written = 0;
  let first = true;
  const item = (json: string) => {
    const text = first ? `\n${json}` : `,\n${json}`;
    first = false;
    written += 1;
    return text;
  };
  await write(out, `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`);
  if (prelude.length > 0) await write(out, prelude.map((o) => item(JSON.stringify(o))).join(''));
  for await (const page of rows) {
    let text = '';
    for (const row of page) if (!skip.has(row.stix_id)) text += item(row.body);
    await write(out, text);
    onProgress?.(written);
  }
  await write(out, '\n]}\n');
  return written;
}
