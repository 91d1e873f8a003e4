// Koban's own knowledge as STIX 2.1 objects: the producing identity, observables as SCOs with
// an indicator each, catalogue entries as intrusion sets or malware families, and a case as a
// report that names only what may leave (its number, category and the objects above — never its
// title, description, victim or reporters). Ids are deterministic, so publishing the same thing
// again yields the same objects and a partner's re-import changes nothing.
import type { ObservableType } from '#modules/observables/index.ts';
import { kobanId, namedObjectId } from '../stix/ids.ts';
import { KOBAN_CREATED, observableToSco, patternOf, type StixObject } from '../stix/observables.ts';
import { TLP2_MARKING_IDS, type Tlp } from '../tlp.ts';

export const PERSONAL_TYPES: ReadonlySet<ObservableType> = new Set(['email', 'phone', 'bank_account_jp', 'card']);

export function kobanIdentity(orgName: string): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: kobanId('identity', orgName),
    created: KOBAN_CREATED,
    modified: KOBAN_CREATED,
    name: orgName,
    identity_class: 'organization',
    sectors: ['government'],
  };
}

function marked(tlp: Tlp): { object_marking_refs: string[] } {
  return { object_marking_refs: [TLP2_MARKING_IDS[tlp]] };
}

export type LocalObservable = { type: ObservableType; value: string; attributes: Record<string, string> | null; firstSeenAt: string; lastSeenAt: string };

/** The SCO and the indicator of one observable (none for cards and CVEs). */
export function observableObjects(o: LocalObservable, tlp: Tlp, identityId: string): { sco: StixObject; indicator: StixObject } | null {
  const sco = observableToSco(o);
  const pattern = patternOf(o);
  if (!sco || !pattern) return null;
  const indicator: StixObject = {
    type: 'indicator',
    spec_version: '2.1',
    id: kobanId('indicator', `${o.type}\u0000${o.value}`),
    created_by_ref: identityId,
    created: o.firstSeenAt,
    modified: o.firstSeenAt,
    name: `${o.type}: ${o.value}`,
    indicator_types: ['malicious-activity'],
    pattern,
    pattern_type: 'stix',
    valid_from: o.firstSeenAt,
    ...marked(tlp),
  };
  return { sco: { ...sco, ...marked(tlp) }, indicator };
}

export type LocalThreat = { kind: string; name: string; aliases: string[]; description: string; createdAt: string; updatedAt: string };

/** Ransomware, extortion groups and malware are malware families; the rest intrusion sets. */
export function threatObject(threat: LocalThreat, tlp: Tlp, identityId: string): StixObject {
  const isMalware = threat.kind === 'ransomware' || threat.kind === 'malware' || threat.kind === 'extortion';
  const type = isMalware ? 'malware' : 'intrusion-set';
  return {
    type,
    spec_version: '2.1',
    id: namedObjectId(type, threat.name),
    created_by_ref: identityId,
    created: threat.createdAt,
    modified: threat.updatedAt,
    name: threat.name,
    ...(threat.description ? { description: threat.description } : {}),
    ...(threat.aliases.length > 0 ? { aliases: threat.aliases } : {}),
    ...(isMalware ? { is_family: true, malware_types: threat.kind === 'malware' ? ['unknown'] : ['ransomware'] } : {}),
    ...marked(tlp),
  };
}

export function indicatesRelationship(indicatorId: string, targetId: string, at: string, tlp: Tlp, identityId: string): StixObject {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: kobanId('relationship', `${indicatorId}|indicates|${targetId}`),
    created_by_ref: identityId,
    created: at,
    modified: at,
    relationship_type: 'indicates',
    source_ref: indicatorId,
    target_ref: targetId,
    ...marked(tlp),
  };
}

export type LocalCase = { caseNo: string; category: string | null; subcategory: string | null; createdAt: string; updatedAt: string };

/** The case as a report: number and category labels only, and the objects it names. */
export function caseReport(c: LocalCase, objectRefs: string[], tlp: Tlp, identityId: string): StixObject {
  return {
    type: 'report',
    spec_version: '2.1',
    id: kobanId('report', c.caseNo),
    created_by_ref: identityId,
    created: c.createdAt,
    modified: c.updatedAt,
    name: c.caseNo,
    report_types: ['threat-report'],
    published: c.updatedAt,
    labels: [c.category, c.subcategory].filter((label): label is string => typeof label === 'string' && label.length > 0),
    object_refs: objectRefs.length > 0 ? objectRefs : [identityId],
    ...marked(tlp),
  };
}
