// STIX objects (a Koban export) → one MISP event. Indicators with simple patterns become
// attributes marked for detection (to_ids) that keep the indicator's UUID, so a MISP → Koban →
// MISP round trip keeps ids; SCOs not already named by an indicator become plain attributes;
// threat SDOs become galaxy clusters; report labels become tags.
import type { ObservableType } from '#modules/observables/index.ts';
import { uuidv5 } from '../stix/ids.ts';
import { patternValues, scoValues, type StixObject } from '../stix/observables.ts';
import { tlpOfMarkings, tlpRank, type Tlp } from '../tlp.ts';
import { boundedText, isoToEpoch, isUuid, recordsOf, stringField, stringsOf } from './fields.ts';
import { observableToMisp, mispAttribute, type AttributeFacts } from './observable-to-attribute.ts';
import { stixToGalaxies } from './stix-to-galaxies.ts';
import { colouredTag, galaxyTagOf, isTlpTag, tlpTag } from './tags.ts';
import type { MispAttribute, MispEvent, MispObject, MispTag } from './types.ts';

export type StixToMispOptions = {
  uuid: string;
  info: string;
  /** YYYY-MM-DD */
  date: string;
  orgName: string;
  orgUuid: string;
  tlp: Tlp;
  published?: boolean;
  /** Epoch seconds. */
  timestamp: number;
};

// MISP distribution: 0 your organisation only, 1 this community only, 2 connected communities,
// 3 all communities. RED and AMBER+STRICT may not go past the receiving organisation, so MISP must
// not sync them on (0). AMBER may reach the receiver's own clients but not other communities (1).
// GREEN and CLEAR may circulate among peers and partners; MISP's "all communities" (3) lets the
// event follow its sync links, and the tlp tag still forbids public channels for GREEN.
const DISTRIBUTION: Readonly<Record<Tlp, string>> = { red: '0', 'amber+strict': '0', amber: '1', green: '3', clear: '3' };

const CASE_INSENSITIVE: ReadonlySet<ObservableType> = new Set(['domain', 'email', 'md5', 'sha1', 'sha256', 'eth', 'ipv6']);

function valueKey(type: ObservableType, value: string): string {
  return `${type}\u0000${CASE_INSENSITIVE.has(type) ? value.toLowerCase() : value}`;
}

function uuidOf(object: StixObject): string | null {
  const uuid = object.id.slice(object.id.indexOf('--') + 2);
  return object.id.includes('--') && isUuid(uuid) ? uuid.toLowerCase() : null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

class EventBuilder {
  readonly attributes: MispAttribute[] = [];
  readonly objects: MispObject[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly options: StixToMispOptions) {}

  /** Tags an attribute whose object is marked stricter than the event, plus the object's labels. */
  private tagsOf(object: StixObject): MispTag[] {
    const level = tlpOfMarkings(object.object_marking_refs);
    const tlp = level !== null && tlpRank(level) > tlpRank(this.options.tlp) ? [tlpTag(level)] : [];
    return [
      ...tlp,
      ...stringsOf(object.labels)
        .filter((label) => !isTlpTag(label))
        .map(colouredTag),
    ];
  }

  factsOf(object: StixObject, uuid: string, toIds: boolean): AttributeFacts {
    const timestamp = isoToEpoch(object.modified) ?? String(this.options.timestamp);
    const comment = boundedText(stringOf(object.description)) ?? '';
    const firstSeen = toIds ? stringOf(object.valid_from) : null;
    return { uuid, toIds, timestamp, comment, tags: this.tagsOf(object), firstSeen, lastSeen: toIds ? stringOf(object.valid_until) : null };
  }

  /** Adds the values of one STIX object; the first keeps the object's UUID, the others get one derived from it. */
  addValues(object: StixObject, values: { type: ObservableType; value: string }[], toIds: boolean): void {
    const uuid = uuidOf(object);
    if (!uuid) return;
    values.forEach(({ type, value }, index) => {
      const key = valueKey(type, value);
      if (this.seen.has(key)) return;
      this.seen.add(key);
      const placed = observableToMisp(type, value, this.factsOf(object, index === 0 ? uuid : uuidv5(uuid, key), toIds));
      if (placed && 'attribute' in placed) this.attributes.push(placed.attribute);
      else if (placed) this.objects.push(placed.object);
    });
  }

  addVulnerability(object: StixObject): void {
    const cveReference = recordsOf(object.external_references).find((reference) => reference.source_name === 'cve');
    const cve = (cveReference ? stringField(cveReference, 'external_id') : null) ?? stringOf(object.name);
    const uuid = uuidOf(object);
    if (!cve || !/^CVE-\d{4}-\d{4,}$/i.test(cve) || !uuid || this.seen.has(valueKey('cve', cve.toUpperCase()))) return;
    this.seen.add(valueKey('cve', cve.toUpperCase()));
    this.attributes.push(mispAttribute({ type: 'vulnerability', category: 'External analysis' }, cve.toUpperCase(), this.factsOf(object, uuid, false)));
  }
}

function reportLabels(objects: readonly StixObject[]): string[] {
  const labels = objects.filter((object) => object.type === 'report').flatMap((report) => stringsOf(report.labels));
  return labels.filter((label) => !isTlpTag(label) && !galaxyTagOf(label));
}

export function stixToMispEvent(objects: StixObject[], options: StixToMispOptions): MispEvent {
  const builder = new EventBuilder(options);
  for (const object of objects) {
    const pattern = object.type === 'indicator' && object.pattern_type === 'stix' ? stringOf(object.pattern) : null;
    if (pattern !== null) builder.addValues(object, patternValues(pattern), true);
  }
  for (const object of objects) {
    if (object.type === 'vulnerability') builder.addVulnerability(object);
    else if (object.type !== 'indicator') builder.addValues(object, scoValues(object), false);
  }
  const { galaxies, tagNames } = stixToGalaxies(objects);
  const tags = [...new Set([...reportLabels(objects), ...tagNames])].map(colouredTag);
  const org = { name: options.orgName, uuid: options.orgUuid };
  const timestamp = String(options.timestamp);
  return {
    uuid: options.uuid,
    info: options.info,
    date: options.date,
    threat_level_id: '4',
    analysis: '2',
    distribution: DISTRIBUTION[options.tlp],
    published: options.published ?? false,
    timestamp,
    publish_timestamp: options.published ? timestamp : '0',
    Orgc: org,
    Org: org,
    Tag: [tlpTag(options.tlp), ...tags],
    Attribute: builder.attributes,
    Object: builder.objects,
    Galaxy: galaxies,
  };
}
