import type { Executor } from '../db/index.ts';
import { GENESIS_HASH, hashAuditEntry } from './audit-log.ts';

export type ChainProblem = 'altered' | 'inserted' | 'removed';
export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; seq: number; problem: ChainProblem };

const BATCH = 1000;

/**
 * Walks the chain in order. A row whose own hash does not match was altered; a row whose
 * prev_hash does not match its predecessor, or a gap or repeat in seq, marks an insertion or
 * a removal just before it.
 */
export async function verifyAuditChain(db: Executor): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let afterSeq = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_entry').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(BATCH).execute();
    for (const row of rows) {
      if (hashAuditEntry(row) !== row.hash) return { ok: false, count, seq: row.seq, problem: 'altered' };
      if (row.prev_hash !== prevHash) {
        const problem: ChainProblem = row.seq > expectedSeq ? 'removed' : 'inserted';
        return { ok: false, count, seq: row.seq, problem };
      }
      if (row.seq !== expectedSeq) return { ok: false, count, seq: row.seq, problem: row.seq > expectedSeq ? 'removed' : 'inserted' };
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
      afterSeq = row.seq;
    }
    if (rows.length < BATCH) return { ok: true, count };
  }
}
