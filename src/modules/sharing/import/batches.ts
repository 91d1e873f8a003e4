// Import batches: one row per import (a file, a TAXII poll or push, a MISP event, a CSV), with who
// ran it, from where, the default TLP it applied, its counts and its first problems.
import type { Executor } from '#kernel/db/index.ts';
import type { StixIssue } from '../stix/validate.ts';

export const MAX_STORED_PROBLEMS = 1000;

export type BatchCounts = { total: number; imported: number; unchanged: number; refused: number };

export function insertBatch(
  db: Executor,
  row: { id: string; kind: string; source: string; actorKind: string; actorId: string | null; actorLabel: string; defaultTlp: string; startedAt: string },
) {
  return db
    .insertInto('import_batch')
    .values({
      id: row.id,
      kind: row.kind,
      source: row.source,
      actor_kind: row.actorKind,
      actor_id: row.actorId,
      actor_label: row.actorLabel,
      default_tlp: row.defaultTlp,
      status: 'running',
      started_at: row.startedAt,
    })
    .execute();
}

/** A chunk's commit writes the counts so far with it: a long import shows its progress. */
export function recordProgress(db: Executor, id: string, counts: BatchCounts, updatedAt: string) {
  return db
    .updateTable('import_batch')
    .set({ ...counts, updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

/**
 * A running import commits a chunk every few seconds at most; one silent for this long lost its
 * process (killed, machine stopped). What it committed stays, whole; running it again adds the rest.
 */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/** The status to show: a running batch whose last chunk is older than STALE_AFTER_MS was interrupted. */
export function shownStatus(row: { status: string; started_at: string; updated_at: string | null }, now: Date): string {
  if (row.status !== 'running') return row.status;
  const last = Date.parse(row.updated_at ?? row.started_at);
  return now.getTime() - last > STALE_AFTER_MS ? 'interrupted' : 'running';
}

export function finishBatch(db: Executor, id: string, status: 'done' | 'failed', counts: BatchCounts, problems: StixIssue[], finishedAt: string) {
  return db
    .updateTable('import_batch')
    .set({ status, ...counts, problems: JSON.stringify(problems.slice(0, MAX_STORED_PROBLEMS)), finished_at: finishedAt })
    .where('id', '=', id)
    .execute();
}

/** Newest first; the id breaks ties (two imports in one millisecond), the same on both dialects. */
export function listBatches(db: Executor, limit: number) {
  return db
    .selectFrom('import_batch')
    .select([
      'id',
      'kind',
      'source',
      'actor_kind',
      'actor_label',
      'default_tlp',
      'status',
      'total',
      'imported',
      'unchanged',
      'refused',
      'started_at',
      'updated_at',
      'finished_at',
    ])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function findBatch(db: Executor, id: string) {
  return db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
}
