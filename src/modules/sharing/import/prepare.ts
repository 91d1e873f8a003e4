// Turning one bundle element into what the store writes: parsed, checked against STIX 2.1,
// de-duplicated within the import, marked (its own TLP or the import's default), with the
// observables it names as sightings. Pure and synchronous, so that a worker thread can run it
// for large files while the main thread writes.
import { t, type Locale } from '#kernel/i18n/index.ts';
import { hostFactsOf, type SightingInput } from '#modules/observables/index.ts';
import type { ImportedThreat } from '#modules/threats/index.ts';
import { tlpOfMarkings, type Tlp } from '../tlp.ts';
import { validateStixObject, type StixIssue, type StixIssueCode } from '../stix/validate.ts';
import type { ObjectVersion } from '../store/stix-store.writer.ts';
import { observablesOf } from './derive.ts';
import { createSeenPairs } from './seen-pairs.ts';

/**
 * One element of a bundle's `objects`: its JSON text (streamed files) or its parsed value; or an
 * element a converter (MISP, CSV) already refused, with its reason.
 */
export type ImportEntry = { index: number; text: string } | { index: number; value: unknown } | { index: number; refused: StixIssue };

export type Prepared = { version: ObjectVersion; sightings: SightingInput[]; threat?: ImportedThreat };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').slice(0, 50) : [];
}

/** Intrusion sets, threat actors and malware families join the threat catalogue (attack groups). */
function threatOf(object: Record<string, unknown>, source: string): ImportedThreat | undefined {
  if (typeof object.name !== 'string' || object.name.trim() === '') return undefined;
  const base = { name: object.name.trim(), description: typeof object.description === 'string' ? object.description : '', source };
  if (object.type === 'intrusion-set' || object.type === 'threat-actor') return { ...base, kind: 'intrusion_set', aliases: strings(object.aliases) };
  if (object.type === 'malware' && object.is_family === true)
    return { ...base, kind: strings(object.malware_types).includes('ransomware') ? 'ransomware' : 'malware', aliases: strings(object.aliases) };
  return undefined;
}

export type PrepareContext = { defaultTlp: Tlp; locale: Locale; source: string; batchId: string; importedBy: string; importedAt: string };

/** A batch of prepared objects with the problems of the elements refused among them. */
export type PreparedBatch = { prepared: Prepared[]; problems: StixIssue[]; handled: number; bytesRead?: number };

export function issueOf(index: number | null, id: string | null, code: StixIssueCode, params: Record<string, unknown>, locale: Locale): StixIssue {
  return { index, id, path: index === null ? '' : `objects[${index}]`, code, message: t(locale, code, params) };
}

function versionOf(object: Record<string, unknown>): string {
  if (typeof object.modified === 'string') return object.modified;
  if (typeof object.created === 'string') return object.created;
  return '';
}

export function createPreparer(context: PrepareContext) {
  const seen = createSeenPairs();
  return function prepare(entry: ImportEntry, problems: StixIssue[]): Prepared | null {
    if ('refused' in entry) {
      problems.push(entry.refused);
      return null;
    }
    let value: unknown;
    if ('text' in entry) {
      try {
        value = JSON.parse(entry.text);
      } catch (error) {
        problems.push(issueOf(entry.index, null, 'stix.json_syntax', { reason: error instanceof Error ? error.message : String(error) }, context.locale));
        return null;
      }
    } else value = entry.value;
    const checked = validateStixObject(value, entry.index, { locale: context.locale });
    if (checked.errors.length > 0) {
      problems.push(...checked.errors);
      return null;
    }
    const object = value as Record<string, unknown> & { id: string; type: string };
    const version = versionOf(object);
    if (!seen.add(object.id, version)) {
      problems.push(issueOf(entry.index, object.id, 'stix.duplicate_in_import', {}, context.locale));
      return null;
    }
    const threat = threatOf(object, context.source);
    const seenAt = typeof object.valid_from === 'string' ? object.valid_from : typeof object.created === 'string' ? object.created : context.importedAt;
    return {
      version: {
        stixId: object.id,
        type: object.type,
        version,
        tlp: tlpOfMarkings(object.object_marking_refs) ?? context.defaultTlp,
        body: 'text' in entry ? entry.text : JSON.stringify(object),
        origin: 'import',
        batchId: context.batchId,
        source: context.source,
        importedBy: context.importedBy,
        importedAt: context.importedAt,
      },
      // Written out property by property: a spread copy here cost more than the rest of the object's preparation.
      sightings: observablesOf(object).map((o) => ({
        type: o.type,
        value: o.value,
        warning: o.warning,
        attributes: o.attributes,
        hostFacts: hostFactsOf(o.type, o.value),
        sourceType: 'stix',
        // The stored row's number, known once the object is written (importer.ts).
        sourceId: '',
        ownerUnitId: null,
        restricted: false,
        seenAt,
        start: null,
        end: null,
      })),
      ...(threat ? { threat } : {}),
    };
  };
}

/** Prepares entries in batches of `size` (the in-process path: arrays, TAXII pages, MISP, CSV). */
export async function* prepareBatches(
  entries: AsyncIterable<ImportEntry> | Iterable<ImportEntry>,
  context: PrepareContext,
  size: number,
): AsyncGenerator<PreparedBatch> {
  const prepare = createPreparer(context);
  let batch: PreparedBatch = { prepared: [], problems: [], handled: 0 };
  for await (const entry of entries) {
    const prepared = prepare(entry, batch.problems);
    if (prepared) batch.prepared.push(prepared);
    batch.handled += 1;
    if (batch.handled === size) {
      yield batch;
      batch = { prepared: [], problems: [], handled: 0 };
    }
  }
  if (batch.handled > 0) yield batch;
}
