import type { Executor } from '../db/index.ts';
import { GENESIS_HASH, hashAuditEntry } from './audit-log.ts';

export type ChainProblem = 'altered' | 'inserted' | 'removed';
export type ChainHead = { seq: number; hash: string };
export type ChainVerdict = { ok: true; count: number; head: ChainHead | null } | { ok: false; count: number; seq: number; problem: ChainProblem };

const BATCH = 1000;

/**
 * Walks the chain in order. A row whose prev_hash does not match its predecessor's hash, or a
 * gap in seq, marks an insertion or a removal just before it; a row whose own hash does not
 * match its content was altered.
 */
export async function verifyAuditChain(db: Executor): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let afterSeq = 0;
  let head: ChainHead | null = null;
  for (;;) {
    const rows = await db.selectFrom('audit_entry').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(BATCH).execute();
    for (const row of rows) {
      if (row.prev_hash !== prevHash || row.seq !== expectedSeq) {
        const problem: ChainProblem = row.seq > expectedSeq ? 'removed' : 'inserted';
        return { ok: false, count, seq: row.seq, problem };
      }
      if (hashAuditEntry(row) !== row.hash) return { ok: false, count, seq: row.seq, problem: 'altered' };
      prevHash = row.hash;
      head = { seq: row.seq, hash: row.hash };
      expectedSeq += 1;
      count += 1;
      afterSeq = row.seq;
    }
    if (rows.length < BATCH) return { ok: true, count, head };
  }
}

/**
 * The chain alone cannot show that its newest entries were cut off. A head recorded earlier
 * (printed by every `koban audit verify`) must still be in the chain, with the same hash.
 */
export async function verifyRecordedHead(db: Executor, recorded: ChainHead): Promise<ChainVerdict | null> {
  const row = await db.selectFrom('audit_entry').select(['seq', 'hash']).where('seq', '=', recorded.seq).executeTakeFirst();
  if (!row) return { ok: false, count: recorded.seq - 1, seq: recorded.seq, problem: 'removed' };
  if (row.hash !== recorded.hash) return { ok: false, count: recorded.seq - 1, seq: recorded.seq, problem: 'altered' };
  return null;
}
