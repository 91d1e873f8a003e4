// A MISP event (`{"Event": …}` or bare) → STIX 2.1 objects for Koban's one import pipeline:
// a report for the event, indicators and SCOs for its attributes, SDOs for its galaxies, and
// `indicates` relationships between them. The event's tlp tag marks everything; a stricter tag
// on an attribute marks that attribute's objects. Malformed parts become problems, never throws.
import type { Locale } from '#kernel/i18n/index.ts';
import { kobanId } from '../stix/ids.ts';
import { extensionDefinitionsFor, type StixObject } from '../stix/observables.ts';
import { TLP2_MARKING_IDS, tlpMarkingObject, type Tlp } from '../tlp.ts';
import { attributeToStix, type AttributeContext } from './attribute-to-stix.ts';
import { arrayField, boundedText, dateTimeToIso, epochToIso, isRecord, isTrueField, stringField, uuidField, type JsonRecord } from './fields.ts';
import { clusterToStix, galaxyClustersOf } from './galaxies-to-stix.ts';
import { MispProblemList, type MispProblem } from './problems.ts';
import { StixCollection } from './stix-collection.ts';
import { labelTags, tagNamesOf, tlpOfTags } from './tags.ts';

export type MispToStixOptions = { defaultTlp: Tlp; identityId: string; locale?: Locale };
export type MispToStixResult = { objects: StixObject[]; problems: MispProblem[]; event: { uuid: string; info: string } | null };

const EPOCH_START = '1970-01-01T00:00:00.000Z';
const EVENT_HINTS = ['uuid', 'info', 'Attribute', 'Object'];

function unwrapEvent(input: unknown): { event: JsonRecord; path: string } | null {
  if (!isRecord(input)) return null;
  if ('Event' in input) return isRecord(input.Event) ? { event: input.Event, path: 'Event.' } : null;
  return EVENT_HINTS.some((key) => key in input) ? { event: input, path: '' } : null;
}

type EventFacts = { uuid: string | null; info: string; tlp: Tlp; modified: string; published: string; tags: string[] };

function eventFacts(event: JsonRecord, path: string, options: MispToStixOptions, problems: MispProblemList): EventFacts {
  const uuid = uuidField(event, 'uuid');
  if (!uuid)
    problems.add(`${path}uuid`, 'misp.invalid_value', 'the event uuid is missing or not a UUID; ids are derived from the info', {
      type: 'uuid',
      value: event.uuid ?? '',
    });
  const info = boundedText(stringField(event, 'info'));
  if (!info) problems.add(`${path}info`, 'misp.invalid_value', 'the event info is missing or empty', { type: 'info', value: event.info ?? '' });
  const fromTimestamp = epochToIso(event.timestamp);
  if (!fromTimestamp && event.timestamp !== undefined)
    problems.add(`${path}timestamp`, 'misp.invalid_value', 'not epoch seconds', { type: 'timestamp', value: event.timestamp });
  const modified = fromTimestamp ?? dateTimeToIso(event.date) ?? EPOCH_START;
  const tags = tagNamesOf(event, 'EventTag');
  return {
    uuid,
    info: info ?? `MISP event ${uuid ?? ''}`.trim(),
    tlp: tlpOfTags(tags) ?? options.defaultTlp,
    modified,
    published: epochToIso(event.publish_timestamp) ?? dateTimeToIso(event.date) ?? modified,
    tags,
  };
}

type AttributeSlot = { attribute: unknown; path: string; parentObject: AttributeContext['parentObject'] };

function symbolOf(attributes: unknown[]): string | null {
  const symbol = attributes.find((a) => isRecord(a) && stringField(a, 'object_relation') === 'symbol');
  return isRecord(symbol) ? (stringField(symbol, 'value')?.trim().toUpperCase() ?? null) : null;
}

/** Event.Attribute[] and Event.Object[].Attribute[], with their paths; deleted objects are skipped whole. */
function attributeSlots(event: JsonRecord, path: string, problems: MispProblemList): AttributeSlot[] {
  const slots: AttributeSlot[] = [];
  for (const key of ['Attribute', 'Object'] as const) {
    if (event[key] !== undefined && !Array.isArray(event[key])) problems.add(`${path}${key}`, 'misp.invalid_attribute', `${key} must be a list`);
  }
  (arrayField(event, 'Attribute') ?? []).forEach((attribute, i) => slots.push({ attribute, path: `${path}Attribute[${i}]`, parentObject: null }));
  (arrayField(event, 'Object') ?? []).forEach((object, o) => {
    const objectPath = `${path}Object[${o}]`;
    const attributes = isRecord(object) ? arrayField(object, 'Attribute') : null;
    if (!isRecord(object) || !attributes) return problems.add(objectPath, 'misp.invalid_attribute', 'an object needs an Attribute list');
    if (isTrueField(object, 'deleted')) return;
    const parentObject = { name: stringField(object, 'name') ?? '', symbol: symbolOf(attributes) };
    attributes.forEach((attribute, a) => slots.push({ attribute, path: `${objectPath}.Attribute[${a}]`, parentObject }));
  });
  return slots;
}

function relationship(indicator: StixObject, target: StixObject, identityId: string): StixObject {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: kobanId('relationship', `${indicator.id}\u0000indicates\u0000${target.id}`),
    created_by_ref: identityId,
    created: indicator.modified,
    modified: indicator.modified,
    relationship_type: 'indicates',
    source_ref: indicator.id,
    target_ref: target.id,
    object_marking_refs: indicator.object_marking_refs,
  };
}

function reportOf(facts: EventFacts, objectRefs: string[], identityId: string): StixObject {
  const labels = labelTags(facts.tags);
  return {
    type: 'report',
    spec_version: '2.1',
    id: facts.uuid ? `report--${facts.uuid}` : kobanId('report', `misp\u0000${facts.info}\u0000${facts.modified}`),
    created_by_ref: identityId,
    created: facts.modified,
    modified: facts.modified,
    name: facts.info,
    report_types: ['threat-report'],
    published: facts.published,
    object_refs: objectRefs,
    ...(labels.length > 0 ? { labels } : {}),
    object_marking_refs: [TLP2_MARKING_IDS[facts.tlp]],
  };
}

function collect(event: JsonRecord, path: string, facts: EventFacts, options: MispToStixOptions, problems: MispProblemList): StixCollection {
  const collection = new StixCollection();
  const galaxyContext = { tlp: facts.tlp, modified: facts.modified, identityId: options.identityId };
  for (const cluster of galaxyClustersOf(event, path, facts.tags, problems)) {
    const sdo = clusterToStix(cluster, galaxyContext);
    if (sdo) collection.addShared(sdo, facts.tlp);
  }
  const eventKey = facts.uuid ?? `${facts.info}\u0000${facts.modified}`;
  for (const slot of attributeSlots(event, path, problems)) {
    const { path: attributePath, parentObject } = slot;
    const context: AttributeContext = {
      path: attributePath,
      parentObject,
      eventKey,
      eventTlp: facts.tlp,
      eventTimestamp: facts.modified,
      identityId: options.identityId,
      problems,
    };
    const result = attributeToStix(slot.attribute, context);
    if (!result) continue;
    for (const sco of result.scos) collection.addShared(sco, result.tlp);
    if (result.vulnerability) collection.addShared(result.vulnerability, result.tlp);
    if (result.indicator && !collection.addIndicator(result.indicator, result.tlp))
      problems.add(slot.path, 'misp.invalid_attribute', `another attribute already has the id ${result.indicator.id}`);
  }
  return collection;
}

/** The STIX objects of a MISP event; `objects` is empty when nothing in it could be imported. */
export function mispEventToStix(input: unknown, options: MispToStixOptions): MispToStixResult {
  const problems = new MispProblemList(options.locale);
  const found = unwrapEvent(input);
  if (!found) {
    problems.add('', 'misp.not_event', 'expected {"Event": {…}} or an event object');
    return { objects: [], problems: problems.items, event: null };
  }
  const facts = eventFacts(found.event, found.path, options, problems);
  const collection = collect(found.event, found.path, facts, options, problems);
  const indicators = collection.indicators();
  const threats = collection.threats();
  const relationships = indicators.flatMap((indicator) => threats.map((threat) => relationship(indicator, threat, options.identityId)));
  const content = [...collection.sharedObjects(), ...indicators, ...relationships];
  const report = reportOf(
    facts,
    content.map((object) => object.id),
    options.identityId,
  );
  const eventSummary = { uuid: report.id.slice('report--'.length), info: facts.info };
  if (content.length === 0) return { objects: [], problems: problems.items, event: eventSummary };
  const markings = [...collection.levels(), facts.tlp].filter((level, i, all) => all.indexOf(level) === i);
  const meta = [
    ...markings.map((level): StixObject => ({ ...tlpMarkingObject(level), type: 'marking-definition', id: TLP2_MARKING_IDS[level] })),
    ...extensionDefinitionsFor(content, options.identityId),
  ];
  return { objects: [report, ...content, ...meta], problems: problems.items, event: eventSummary };
}
