// One MISP attribute → its STIX objects: the SCO of every part Koban holds, an indicator when
// MISP marks it for detection (to_ids), or a vulnerability SDO for a CVE. Everything it cannot
// take becomes a problem; nothing here throws.
import type { ObservableType } from '#modules/observables/index.ts';
import { kobanId } from '../stix/ids.ts';
import { observableToSco, patternOf, type StixObject } from '../stix/observables.ts';
import { stricterTlp, TLP2_MARKING_IDS, type Tlp } from '../tlp.ts';
import { ETH_RULE, indicatorTypeOf, mispTypeRule, type MispTypeRule } from './attribute-types.ts';
import { boundedText, dateTimeToIso, epochToIso, isRecord, isTrueField, stringField, uuidField, type JsonRecord } from './fields.ts';
import { MAX_VALUE_CHARS, observableValue } from './observable-values.ts';
import type { MispProblemList } from './problems.ts';
import { labelTags, tagNamesOf, tlpOfTags } from './tags.ts';

export type AttributeContext = {
  path: string;
  /** Key for ids of attributes without a usable uuid, so that they stay stable per event. */
  eventKey: string;
  eventTlp: Tlp;
  eventTimestamp: string;
  identityId: string;
  /** The MISP object the attribute belongs to, for attributes whose meaning depends on it. */
  parentObject: { name: string; symbol: string | null } | null;
  problems: MispProblemList;
};

export type AttributeStix = { tlp: Tlp; indicator: StixObject | null; scos: StixObject[]; vulnerability: StixObject | null };

type Part = { type: ObservableType; value: string };

/** The rule for an attribute and the name its indicator shows the type by. */
function ruleFor(type: string, attribute: JsonRecord, parent: AttributeContext['parentObject']): { rule: MispTypeRule; shownType: string } {
  const isEthAddress = parent?.name === 'coin-address' && stringField(attribute, 'object_relation') === 'address-crypto' && parent.symbol === 'ETH';
  return isEthAddress ? { rule: ETH_RULE, shownType: 'coin-address ETH' } : { rule: mispTypeRule(type), shownType: type };
}

/** The parts of a (possibly composite) value Koban holds; null after reporting why when any held part is unreadable. */
function readParts(type: string, value: string, rule: Extract<MispTypeRule, { kind: 'observable' }>, context: AttributeContext): Part[] | null {
  const pieces = rule.parts.length > 1 ? value.split('|') : [value];
  if (pieces.length !== rule.parts.length) {
    context.problems.add(`${context.path}.value`, 'misp.invalid_value', `"${type}" needs ${rule.parts.length} parts separated by |`, { type, value });
    return null;
  }
  const parts: Part[] = [];
  for (const [index, partType] of rule.parts.entries()) {
    if (partType === null) continue;
    const part = observableValue(partType, pieces[index] ?? '');
    if (part) {
      parts.push(part);
      continue;
    }
    const code = rule.isForeignWhenUnreadable ? 'misp.unsupported_attribute' : 'misp.invalid_value';
    context.problems.add(`${context.path}.value`, code, `not a valid ${partType} value`, { type, value });
    return null;
  }
  return parts;
}

function timesOf(attribute: JsonRecord, context: AttributeContext): { modified: string; validFrom: string; validUntil: string | null } {
  const modified = epochToIso(attribute.timestamp) ?? context.eventTimestamp;
  const validFrom = dateTimeToIso(attribute.first_seen) ?? modified;
  const lastSeen = dateTimeToIso(attribute.last_seen);
  return { modified, validFrom, validUntil: lastSeen !== null && Date.parse(lastSeen) > Date.parse(validFrom) ? lastSeen : null };
}

function common(id: string, modified: string, tlp: Tlp, context: AttributeContext): StixObject {
  return {
    type: id.slice(0, id.indexOf('--')),
    spec_version: '2.1',
    id,
    created_by_ref: context.identityId,
    created: modified,
    modified,
    object_marking_refs: [TLP2_MARKING_IDS[tlp]],
  };
}

function indicatorOf(attribute: JsonRecord, type: string, value: string, primary: Part, tlp: Tlp, context: AttributeContext): StixObject | null {
  const pattern = patternOf(primary);
  if (pattern === null) return null;
  const uuid = uuidField(attribute, 'uuid');
  const id = uuid ? `indicator--${uuid}` : kobanId('indicator', `${context.eventKey}\u0000${type}\u0000${value}`);
  const times = timesOf(attribute, context);
  const description = boundedText(stringField(attribute, 'comment'));
  const labels = labelTags(tagNamesOf(attribute, 'AttributeTag'));
  return {
    ...common(id, times.modified, tlp, context),
    name: `${type}: ${value}`,
    ...(description ? { description } : {}),
    indicator_types: [indicatorTypeOf(stringField(attribute, 'category'))],
    pattern,
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: times.validFrom,
    ...(times.validUntil ? { valid_until: times.validUntil } : {}),
    ...(labels.length > 0 ? { labels } : {}),
  };
}

function vulnerabilityOf(attribute: JsonRecord, type: string, value: string, tlp: Tlp, context: AttributeContext): StixObject | null {
  const cve = observableValue('cve', value);
  if (!cve) {
    context.problems.add(`${context.path}.value`, 'misp.invalid_value', 'not a CVE identifier', { type, value });
    return null;
  }
  const description = boundedText(stringField(attribute, 'comment'));
  return {
    ...common(kobanId('vulnerability', cve.value), timesOf(attribute, context).modified, tlp, context),
    name: cve.value,
    ...(description ? { description } : {}),
    external_references: [{ source_name: 'cve', external_id: cve.value }],
  };
}

/** The STIX objects of one attribute; null when it is skipped (deleted, ignored type, or a problem was reported). */
export function attributeToStix(attribute: unknown, context: AttributeContext): AttributeStix | null {
  if (!isRecord(attribute)) {
    context.problems.add(context.path, 'misp.invalid_attribute', 'an attribute must be an object');
    return null;
  }
  if (isTrueField(attribute, 'deleted')) return null;
  const type = stringField(attribute, 'type');
  const value = stringField(attribute, 'value');
  if (type === null || value === null) {
    context.problems.add(context.path, 'misp.invalid_attribute', 'type and value must be strings', { type: type ?? '', value: attribute.value });
    return null;
  }
  const { rule, shownType } = ruleFor(type, attribute, context.parentObject);
  if (rule.kind === 'ignored') return null;
  if (rule.kind === 'unsupported') {
    context.problems.add(context.path, 'misp.unsupported_attribute', rule.reason, { type, value });
    return null;
  }
  if (value.length > MAX_VALUE_CHARS) {
    context.problems.add(`${context.path}.value`, 'misp.invalid_value', `longer than ${MAX_VALUE_CHARS} characters`, { type, value });
    return null;
  }
  const tlp = stricterTlp(context.eventTlp, tlpOfTags(tagNamesOf(attribute, 'AttributeTag')) ?? context.eventTlp);
  if (rule.kind === 'vulnerability') {
    const vulnerability = vulnerabilityOf(attribute, type, value, tlp, context);
    return vulnerability ? { tlp, indicator: null, scos: [], vulnerability } : null;
  }
  const parts = readParts(type, value, rule, context);
  const primary = parts?.[0];
  if (!parts || !primary) return null;
  const scos = parts.flatMap((part) => observableToSco(part) ?? []);
  const indicator = rule.canIndicate && isTrueField(attribute, 'to_ids') ? indicatorOf(attribute, shownType, value.trim(), primary, tlp, context) : null;
  return { tlp, indicator, scos, vulnerability: null };
}
