// Japanese full-text search, the one place its dialect differences live. SQLite: FTS5 trigram
// (phrases of 3+ characters through MATCH; 1–2 character words such as 詐欺 through LIKE, which
// scans); PostgreSQL: ILIKE over a pg_trgm GIN index. Callers index inside their own transaction
// and filter results by their own access rules.
import { sql } from 'kysely';
import type { DialectName, Executor } from './database.ts';

export type SearchDocument = { kind: string; refId: string; title: string; body: string };
export type SearchHit = SearchDocument;

const MAX_BODY = 200_000;

export async function indexDocument(trx: Executor, dialect: DialectName, input: SearchDocument): Promise<void> {
  // Stored NFKC-normalised, as queries are: ＶＰＮ and VPN, ｶﾀｶﾅ and カタカナ find each other.
  const doc = { ...input, title: input.title.normalize('NFKC') };
  const body = input.body.slice(0, MAX_BODY).normalize('NFKC');
  if (dialect === 'postgres') {
    await sql`insert into search_doc (kind, ref_id, title, body) values (${doc.kind}, ${doc.refId}, ${doc.title}, ${body})
      on conflict (kind, ref_id) do update set title = excluded.title, body = excluded.body`.execute(trx);
    return;
  }
  await sql`insert into search_key (kind, ref_id) values (${doc.kind}, ${doc.refId}) on conflict (kind, ref_id) do nothing`.execute(trx);
  const key = await sql<{ id: number }>`select id from search_key where kind = ${doc.kind} and ref_id = ${doc.refId}`.execute(trx);
  const id = key.rows[0]?.id;
  if (id === undefined) return;
  await sql`delete from search_fts where rowid = ${id}`.execute(trx);
  await sql`insert into search_fts (rowid, title, body) values (${id}, ${doc.title}, ${body})`.execute(trx);
}

/** Words of the query (whitespace-separated, full-width spaces too), at most 8. */
export function queryTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/\s+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Documents of the given kinds containing every term, newest index entries first. */
export async function searchDocuments(db: Executor, dialect: DialectName, query: string, kinds: string[], limit: number): Promise<SearchHit[]> {
  const terms = queryTerms(query);
  if (terms.length === 0 || kinds.length === 0) return [];
  if (dialect === 'postgres') {
    const conditions = terms.map((t) => sql`(title || ' ' || body) ilike ${likePattern(t)} escape '\\'`);
    const result = await sql<{ kind: string; ref_id: string; title: string; body: string }>`
      select kind, ref_id, title, body from search_doc
      where kind in (${sql.join(kinds)}) and ${sql.join(conditions, sql` and `)}
      limit ${limit}`.execute(db);
    return result.rows.map((r) => ({ kind: r.kind, refId: r.ref_id, title: r.title, body: r.body }));
  }
  // Trigrams count code points: 詐欺 (2) cannot be matched by FTS5 and goes through LIKE.
  const long = terms.filter((t) => Array.from(t).length >= 3);
  const short = terms.filter((t) => Array.from(t).length < 3);
  const conditions = short.map((t) => sql`(f.title like ${likePattern(t)} escape '\\' or f.body like ${likePattern(t)} escape '\\')`);
  if (long.length > 0) conditions.unshift(sql`search_fts match ${long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')}`);
  // CROSS JOIN keeps the FTS table outermost, read newest first: with only LIKE terms SQLite otherwise
  // walks every key of the kinds, reads each document and sorts them all (1.8 s → 0.02 s over 1.1 M).
  const result = await sql<{ kind: string; ref_id: string; title: string; body: string }>`
    select k.kind, k.ref_id, f.title, f.body from search_fts f cross join search_key k on k.id = f.rowid
    where k.kind in (${sql.join(kinds)}) and ${sql.join(conditions, sql` and `)}
    order by f.rowid desc
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({ kind: r.kind, refId: r.ref_id, title: r.title, body: r.body }));
}

/** A short excerpt around the first match, with the matched ranges, for highlighting as text. */
export function snippetOf(text: string, query: string, width = 60): { snippet: string; highlights: [number, number][] } {
  const normalised = text.normalize('NFKC');
  const terms = queryTerms(query);
  const lower = normalised.toLowerCase();
  const first = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const at = first.length > 0 ? Math.min(...first) : 0;
  const start = Math.max(0, at - Math.floor(width / 2));
  const snippet = normalised.slice(start, start + width * 2);
  const snippetLower = snippet.toLowerCase();
  const highlights: [number, number][] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    for (let i = snippetLower.indexOf(needle); i >= 0 && needle.length > 0; i = snippetLower.indexOf(needle, i + needle.length))
      highlights.push([i, i + needle.length]);
  }
  highlights.sort((a, b) => a[0] - b[0]);
  return { snippet, highlights };
}
