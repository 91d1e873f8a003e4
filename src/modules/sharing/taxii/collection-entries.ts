// Entries of a group's TAXII collection. `date_added` must only grow within a process, with
// microseconds, so that a client polling with added_after = the last X-TAXII-Date-Added-Last
// never skips an entry added in the same millisecond.
import type { Executor } from '#kernel/db/index.ts';
import type { ObjectVersion } from '../store/stix-store.writer.ts';

let lastStamp = { ms: 0, micro: 0 };

/** An RFC 3339 UTC timestamp with microseconds, strictly increasing across calls. */
export function nextDateAdded(now: Date): string {
  const ms = now.getTime();
  if (ms > lastStamp.ms) lastStamp = { ms, micro: 0 };
  else lastStamp = { ms: lastStamp.ms, micro: lastStamp.micro + 1 };
  if (lastStamp.micro > 999) lastStamp = { ms: lastStamp.ms + 1, micro: 0 };
  const iso = new Date(lastStamp.ms).toISOString();
  return `${iso.slice(0, -1)}${String(lastStamp.micro).padStart(3, '0')}Z`;
}

const BATCH = 500;

/** Adds object versions to a group's collection; versions already in it keep their date_added. */
export async function addToCollection(
  trx: Executor,
  groupId: string,
  versions: Pick<ObjectVersion, 'stixId' | 'version' | 'type' | 'tlp'>[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < versions.length; i += BATCH) {
    const rows = versions.slice(i, i + BATCH).map((v) => ({
      group_id: groupId,
      stix_id: v.stixId,
      version: v.version,
      type: v.type,
      tlp: v.tlp,
      date_added: nextDateAdded(now),
    }));
    await trx
      .insertInto('collection_entry')
      .values(rows)
      .onConflict((oc) => oc.columns(['group_id', 'stix_id', 'version']).doNothing())
      .execute();
  }
}
