// Every change writes one audit entry in the same transaction as the change. Each entry holds the
// SHA-256 of its predecessor and of its own canonical form, so an edited, inserted or removed row
// breaks the chain at that point.
import type { AuditEntryRow, DialectName, Executor } from '../db/index.ts';
import { lockForChainAppend, reusableQuery } from '../db/index.ts';
import type { Clock } from '../clock.ts';
import { newId, sha256Hex } from '../ids.ts';
import { canonicalJson } from './canonical.ts';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_CHAIN_LOCK = 0x6b6f62;

export type AuditActor = { type: 'user' | 'token' | 'cli' | 'system' | 'public'; id: string | null };

export type AuditInput = {
  actor: AuditActor;
  action: string;
  target: { type: string; id: string | null };
  changes?: Record<string, unknown>;
  requestId?: string | null;
};

export type AuditLog = { record(trx: Executor, input: AuditInput): Promise<void> };

export function hashAuditEntry(entry: Omit<AuditEntryRow, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      id: entry.id,
      at: entry.at,
      actorType: entry.actor_type,
      actorId: entry.actor_id,
      action: entry.action,
      targetType: entry.target_type,
      targetId: entry.target_id,
      changes: entry.changes,
      requestId: entry.request_id,
      prevHash: entry.prev_hash,
    }),
  );
}

// Every change runs these two: build and compile them once (see reusable-query.ts).
const chainHead = reusableQuery(0, (db) => db.selectFrom('audit_entry').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
const appendEntry = reusableQuery(
  12,
  (
    db,
    seq: number,
    id: string,
    at: string,
    actorType: string,
    actorId: string | null,
    action: string,
    targetType: string,
    targetId: string | null,
    changes: string,
    requestId: string | null,
    prevHash: string,
    hash: string,
  ) =>
    db.insertInto('audit_entry').values({
      seq,
      id,
      at,
      actor_type: actorType,
      actor_id: actorId,
      action,
      target_type: targetType,
      target_id: targetId,
      changes,
      request_id: requestId,
      prev_hash: prevHash,
      hash,
    }),
);

export function createAuditLog({ dialect, clock }: { dialect: DialectName; clock: Clock }): AuditLog {
  return {
    async record(trx, input) {
      await lockForChainAppend(trx, dialect, AUDIT_CHAIN_LOCK);
      const [last] = await chainHead(trx);
      const entry = {
        seq: (last?.seq ?? 0) + 1,
        id: newId(),
        at: clock.now().toISOString(),
        actor_type: input.actor.type,
        actor_id: input.actor.id,
        action: input.action,
        target_type: input.target.type,
        target_id: input.target.id,
        changes: canonicalJson(input.changes ?? {}),
        request_id: input.requestId ?? null,
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      await appendEntry(
        trx,
        entry.seq,
        entry.id,
        entry.at,
        entry.actor_type,
        entry.actor_id,
        entry.action,
        entry.target_type,
        entry.target_id,
        entry.changes,
        entry.request_id,
        entry.prev_hash,
        hashAuditEntry(entry),
      );
    },
  };
}
