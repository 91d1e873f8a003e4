// MISP on both sides of the one STIX pipeline: MISP event JSON (one event, `{Event}`, a list, or a
// REST search's `{response: […]}`) becomes import entries; a sharing group's collection becomes MISP
// events, one per published report, for a MISP feed or a download.
import type { Database } from '#kernel/db/index.ts';
import type { Locale } from '#kernel/i18n/index.ts';
import { uuidv5, KOBAN_NAMESPACE } from './stix/ids.ts';
import type { ImportEntry } from './import/prepare.ts';
import { mispEventToStix, stixToMispEvent, type MispEvent } from './misp/index.ts';
import type { StixObject } from './stix/observables.ts';
import { tlpLevelsUpTo, tlpOfMarkings, type Tlp } from './tlp.ts';

/** The events of a parsed MISP JSON document, in any of the shapes MISP writes. */
export function mispEventsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (document !== null && typeof document === 'object') {
    const response = (document as { response?: unknown }).response;
    if (Array.isArray(response)) return response;
  }
  return [document];
}

export type MispEntryOptions = { defaultTlp: Tlp; identityId: string; locale: Locale };

/** Every event's STIX objects as import entries; what MISP holds that Koban cannot read is refused with its reason. */
export function mispEntries(document: unknown, options: MispEntryOptions): { entries: ImportEntry[]; events: number } {
  const entries: ImportEntry[] = [];
  const events = mispEventsOf(document);
  const emitted = new Set<string>();
  events.forEach((event, eventIndex) => {
    const converted = mispEventToStix(event, options);
    for (const problem of converted.problems) {
      const index = entries.length;
      entries.push({
        index,
        refused: { index, id: null, path: `events[${eventIndex}].${problem.path}`, code: 'stix.invalid_property', message: problem.message ?? problem.detail },
      });
    }
    for (const object of converted.objects) {
      // Events share marking and extension definitions and galaxy clusters: each object goes once.
      const key = `${object.id}\u0000${typeof object.modified === 'string' ? object.modified : ''}`;
      if (emitted.has(key)) continue;
      emitted.add(key);
      entries.push({ index: entries.length, value: object });
    }
  });
  return { entries, events: events.length };
}

type CollectionObject = { object: StixObject; tlp: Tlp };

async function collectionObjects(database: Database, groupId: string, allowed: Tlp): Promise<CollectionObject[]> {
  const rows = await database.db
    .selectFrom('collection_entry as e')
    .innerJoin('stix_object as o', (join) => join.onRef('o.stix_id', '=', 'e.stix_id').onRef('o.version', '=', 'e.version'))
    .select(['o.body', 'o.tlp'])
    .where('e.group_id', '=', groupId)
    .where('o.latest', '=', 1)
    .where('e.tlp', 'in', tlpLevelsUpTo(allowed))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ object: JSON.parse(r.body) as StixObject, tlp: r.tlp as Tlp }));
}

function epochSeconds(iso: unknown): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

/** One MISP event per report in the group's collection, with the objects the report names. */
export async function collectionMispEvents(database: Database, group: { id: string; maxTlp: Tlp }, org: { name: string; id: string }): Promise<MispEvent[]> {
  const objects = await collectionObjects(database, group.id, group.maxTlp);
  const byId = new Map(objects.map((o) => [o.object.id, o]));
  const orgUuid = org.id.slice(org.id.indexOf('--') + 2);
  return objects
    .filter((o) => o.object.type === 'report')
    .map(({ object: report, tlp }) => {
      const refs = Array.isArray(report.object_refs) ? (report.object_refs as string[]) : [];
      const named = refs.flatMap((ref) => {
        const found = byId.get(ref);
        return found ? [found.object] : [];
      });
      const published = typeof report.published === 'string' ? report.published : typeof report.modified === 'string' ? report.modified : '';
      return stixToMispEvent([report, ...named], {
        // The event keeps the report's UUID, so a MISP instance sees a re-publication as the same event.
        uuid: report.id.slice(report.id.indexOf('--') + 2) || uuidv5(KOBAN_NAMESPACE, report.id),
        info: typeof report.name === 'string' ? report.name : report.id,
        date: published.slice(0, 10),
        orgName: org.name,
        orgUuid,
        tlp: tlpOfMarkings(report.object_marking_refs) ?? tlp,
        published: true,
        timestamp: epochSeconds(report.modified),
      });
    });
}
