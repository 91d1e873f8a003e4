// The custody log of one evidence item is a hash chain: each event's hash covers the previous
// hash and every field of the event, so a rewritten or removed event breaks every later link.
import { createHash } from 'node:crypto';
import type { Executor } from '#kernel/db/index.ts';
import { newId } from '#kernel/ids.ts';
import type { CustodyAction } from './evidence.contract.ts';

export type CustodyFields = {
  evidenceId: string;
  seq: number;
  action: CustodyAction;
  actorId: string | null;
  fromHolderId: string | null;
  toHolderId: string | null;
  location: string;
  note: string;
  at: string;
};

export function custodyHash(prevHash: string, event: CustodyFields): string {
  const fields = [
    prevHash,
    event.evidenceId,
    event.seq,
    event.action,
    event.actorId,
    event.fromHolderId,
    event.toHolderId,
    event.location,
    event.note,
    event.at,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

type StoredEvent = {
  evidence_id: string;
  seq: number;
  action: string;
  actor_id: string | null;
  from_holder_id: string | null;
  to_holder_id: string | null;
  location: string;
  note: string;
  at: string;
  prev_hash: string;
  hash: string;
};

/** True when the events (in seq order) link up from the empty hash with no gap. */
export function isChainIntact(events: readonly StoredEvent[]): boolean {
  let prev = '';
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1 || event.prev_hash !== prev) return false;
    const expected = custodyHash(prev, {
      evidenceId: event.evidence_id,
      seq: event.seq,
      action: event.action as CustodyAction,
      actorId: event.actor_id,
      fromHolderId: event.from_holder_id,
      toHolderId: event.to_holder_id,
      location: event.location,
      note: event.note,
      at: event.at,
    });
    if (expected !== event.hash) return false;
    prev = event.hash;
  }
  return true;
}

/**
 * Appends one event. The item row is updated first, which on PostgreSQL locks it until the
 * transaction ends, so two appends to the same item cannot both take the same sequence number.
 */
export async function appendCustody(
  trx: Executor,
  event: Omit<CustodyFields, 'seq' | 'location' | 'note'> & { location?: string; note?: string },
  itemChanges: { holder_id?: string | null; storage_location?: string; status?: string; integrity_failed_at?: string } = {},
): Promise<void> {
  await trx
    .updateTable('evidence_item')
    .set((eb) => ({ ...itemChanges, event_count: eb(eb.ref('event_count'), '+', 1) }))
    .where('id', '=', event.evidenceId)
    .execute();
  const item = await trx.selectFrom('evidence_item').select(['event_count', 'last_hash']).where('id', '=', event.evidenceId).executeTakeFirstOrThrow();
  const fields: CustodyFields = { ...event, seq: item.event_count, location: event.location ?? '', note: event.note ?? '' };
  const hash = custodyHash(item.last_hash, fields);
  await trx
    .insertInto('custody_event')
    .values({
      id: newId(),
      evidence_id: fields.evidenceId,
      seq: fields.seq,
      action: fields.action,
      actor_id: fields.actorId,
      from_holder_id: fields.fromHolderId,
      to_holder_id: fields.toHolderId,
      location: fields.location,
      note: fields.note,
      at: fields.at,
      prev_hash: item.last_hash,
      hash,
    })
    .execute();
  await trx.updateTable('evidence_item').set({ last_hash: hash }).where('id', '=', event.evidenceId).execute();
}
