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

export function finishBatch(db: Executor, id: string, status: 'done' | 'failed', counts: BatchCounts, problems: StixIssue[], finishedAt: string) {
  return db
    .updateTable('import_batch')
    .set({ status, ...counts, problems: JSON.stringify(problems.slice(0, MAX_STORED_PROBLEMS)), finished_at: finishedAt })
    .where('id', '=', id)
    .execute();
}

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
      'finished_at',
    ])
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}

export function findBatch(db: Executor, id: string) {
  return db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
}
