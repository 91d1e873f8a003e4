// Validates a parsed JSON value as a STIX 2.1 bundle and collects every problem, not just the
// first (M3.2c). Messages come from the server catalogues under the issue's code.
import { t, type Locale } from '#kernel/i18n/index.ts';
import { compareTimestamps, isStixId, isStixTimestamp, isStixTypeName, TLP_MARKING_IDS } from './identifiers.ts';
import { OPINION_VALUES, STIX_TYPE_RULES, TIMESTAMP_PROPERTIES, type StixTypeRule } from './object-rules.ts';
import { checkStixPattern } from './pattern.ts';

export type StixIssueCode =
  | 'stix.not_object'
  | 'stix.not_bundle'
  | 'stix.empty_bundle'
  | 'stix.required_property'
  | 'stix.required_one_of'
  | 'stix.invalid_property'
  | 'stix.invalid_type'
  | 'stix.unknown_type'
  | 'stix.invalid_id'
  | 'stix.invalid_reference'
  | 'stix.spec_version'
  | 'stix.invalid_timestamp'
  | 'stix.timestamp_order'
  | 'stix.invalid_pattern'
  | 'stix.duplicate_id'
  | 'stix.string_too_large'
  | 'stix.json_syntax'
  | 'stix.object_too_large'
  | 'stix.duplicate_in_import'
  | 'stix.unresolved_reference';

export type StixIssue = { index: number | null; id: string | null; path: string; code: StixIssueCode; message: string };

export type StixValidationReport = {
  valid: boolean;
  errors: StixIssue[];
  warnings: StixIssue[];
  counts: { objects: number; byType: Record<string, number> };
};

export const MAX_STIX_STRING_BYTES = 1024 * 1024;
const MAX_WALK_DEPTH = 64;
const UUID_HINT = '<RFC 4122 UUID>';

type JsonObject = Record<string, unknown>;
type Where = { index: number | null; id: string | null; path: string };

/** [earlier, later, may they be equal] */
const TIMESTAMP_ORDER: readonly [string, string, boolean][] = [
  ['created', 'modified', true],
  ['valid_from', 'valid_until', false],
  ['first_seen', 'last_seen', true],
  ['first_observed', 'last_observed', true],
  ['start_time', 'stop_time', false],
];

const REFERENCE_TYPES: Readonly<Record<string, string>> = {
  created_by_ref: 'identity',
  object_marking_refs: 'marking-definition',
  marking_ref: 'marking-definition',
};

/** A value as it appears in a message: strings as they are, anything else as (shortened) JSON. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class IssueList {
  readonly errors: StixIssue[] = [];
  readonly warnings: StixIssue[] = [];
  constructor(private readonly locale: Locale) {}

  error(where: Where, property: string, code: StixIssueCode, params: Record<string, unknown> = {}): void {
    this.errors.push(this.issue(where, property, code, params));
  }

  warning(where: Where, property: string, code: StixIssueCode, params: Record<string, unknown> = {}): void {
    this.warnings.push(this.issue(where, property, code, params));
  }

  private issue(where: Where, property: string, code: StixIssueCode, params: Record<string, unknown>): StixIssue {
    const path = [where.path, property].filter(Boolean).join('.');
    return { index: where.index, id: where.id, path, code, message: t(this.locale, code, { property, ...params }) };
  }
}

/** Whether any string inside `value` might exceed the limit (UTF-8 takes at most 3 bytes a UTF-16 unit). */
function mayHoldLargeString(value: unknown, depth: number): boolean {
  if (depth > MAX_WALK_DEPTH) return false;
  if (typeof value === 'string') return value.length * 3 > MAX_STIX_STRING_BYTES;
  if (Array.isArray(value)) return value.some((item) => mayHoldLargeString(item, depth + 1));
  if (isJsonObject(value)) {
    for (const key in value) if (mayHoldLargeString(value[key], depth + 1)) return true;
  }
  return false;
}

function checkLargeStrings(value: unknown, where: Where, path: string, issues: IssueList, depth = 0): void {
  // Most objects hold only short strings: one walk without building paths settles them.
  if (depth === 0 && !mayHoldLargeString(value, 0)) return;
  if (depth > MAX_WALK_DEPTH) return;
  if (typeof value === 'string') {
    if (value.length * 3 > MAX_STIX_STRING_BYTES && Buffer.byteLength(value, 'utf8') > MAX_STIX_STRING_BYTES)
      issues.error(where, path, 'stix.string_too_large', { limit: MAX_STIX_STRING_BYTES });
  } else if (Array.isArray(value)) value.forEach((item, i) => checkLargeStrings(item, where, `${path}[${i}]`, issues, depth + 1));
  else if (isJsonObject(value))
    for (const [key, item] of Object.entries(value)) checkLargeStrings(item, where, path ? `${path}.${key}` : key, issues, depth + 1);
}

function checkSpecVersion(object: JsonObject, rule: StixTypeRule | undefined, where: Where, issues: IssueList): void {
  const value = object.spec_version;
  if (value === undefined) {
    if (rule && rule.category !== 'sco') issues.error(where, 'spec_version', 'stix.required_property');
  } else if (value !== '2.1') issues.error(where, 'spec_version', 'stix.spec_version', { value: shown(value) });
}

function checkRequired(object: JsonObject, rule: StixTypeRule, where: Where, issues: IssueList): void {
  const implied = rule.category === 'sdo' || rule.category === 'sro' ? ['created', 'modified'] : [];
  for (const property of [...implied, ...rule.required]) if (object[property] === undefined) issues.error(where, property, 'stix.required_property');
  if (rule.anyOf && !rule.anyOf.some((group) => group.every((property) => object[property] !== undefined)))
    issues.error(where, '', 'stix.required_one_of', { choices: rule.anyOf.map((group) => group.join(' + ')).join(' | ') });
}

function checkTimestamps(object: JsonObject, where: Where, issues: IssueList): void {
  for (const property of TIMESTAMP_PROPERTIES) {
    const value = object[property];
    if (value !== undefined && !isStixTimestamp(value)) issues.error(where, property, 'stix.invalid_timestamp', { value: shown(value) });
  }
  for (const [earlier, later, mayBeEqual] of TIMESTAMP_ORDER) {
    const from = object[earlier];
    const to = object[later];
    if (from === undefined || to === undefined || !isStixTimestamp(from) || !isStixTimestamp(to)) continue;
    const order = compareTimestamps(from, to);
    if (order > 0 || (!mayBeEqual && order === 0)) issues.error(where, later, 'stix.timestamp_order', { earlier, later, earlierValue: from, laterValue: to });
  }
}

function checkReference(value: unknown, property: string, where: Where, issues: IssueList, name = property): void {
  const expectedType = REFERENCE_TYPES[name];
  const isMarking = expectedType === 'marking-definition' && typeof value === 'string' && TLP_MARKING_IDS.has(value);
  if (isMarking || isStixId(value, expectedType)) return;
  issues.error(where, property, 'stix.invalid_reference', { value: shown(value), expected: `${expectedType ?? '<type>'}--${UUID_HINT}` });
}

function checkReferences(object: JsonObject, where: Where, issues: IssueList): void {
  for (const property in object) {
    const value = object[property];
    if (property.endsWith('_ref')) checkReference(value, property, where, issues);
    else if (property.endsWith('_refs')) {
      if (!Array.isArray(value)) issues.error(where, property, 'stix.invalid_property', { expected: '[…]' });
      else for (let i = 0; i < value.length; i += 1) checkReference(value[i], `${property}[${i}]`, where, issues, property);
    }
  }
  const granular = object.granular_markings;
  if (Array.isArray(granular))
    granular.forEach((marking, i) => {
      if (isJsonObject(marking) && marking.marking_ref !== undefined)
        checkReference(marking.marking_ref, `granular_markings[${i}].marking_ref`, where, issues, 'marking_ref');
    });
}

/** Source and target types of the relationships STIX 2.1 §4 defines that Koban produces and reads most. */
const RELATIONSHIP_TYPES: Readonly<Record<string, { sources: readonly string[]; targets: readonly string[] }>> = {
  indicates: { sources: ['indicator'], targets: ['attack-pattern', 'campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor', 'tool'] },
  'attributed-to': { sources: ['campaign', 'intrusion-set', 'threat-actor'], targets: ['intrusion-set', 'threat-actor', 'identity'] },
  'based-on': { sources: ['indicator'], targets: ['observed-data'] },
};

function typeOfId(value: unknown): string | null {
  return typeof value === 'string' && value.includes('--') ? value.slice(0, value.indexOf('--')) : null;
}

/** Predefined extensions end in `-ext`; any other key must name an extension definition. */
function checkExtensions(object: JsonObject, where: Where, issues: IssueList): void {
  const extensions = object.extensions;
  if (extensions === undefined) return;
  if (!isJsonObject(extensions)) return issues.error(where, 'extensions', 'stix.invalid_property', { expected: '{…}' });
  for (const key in extensions) {
    const path = `extensions.${key}`;
    if (!key.endsWith('-ext') && !isStixId(key, 'extension-definition'))
      issues.error(where, path, 'stix.invalid_property', { expected: '<name>-ext | extension-definition--<UUID>' });
    else if (!isJsonObject(extensions[key])) issues.error(where, path, 'stix.invalid_property', { expected: '{…}' });
  }
}

const TYPE_CHECKS: Readonly<Record<string, (object: JsonObject, where: Where, issues: IssueList) => void>> = {
  relationship(object, where, issues) {
    const rule = typeof object.relationship_type === 'string' ? RELATIONSHIP_TYPES[object.relationship_type] : undefined;
    if (!rule) return;
    const source = typeOfId(object.source_ref);
    const target = typeOfId(object.target_ref);
    if (source && !rule.sources.includes(source)) issues.error(where, 'source_ref', 'stix.invalid_property', { expected: rule.sources.join(' | ') });
    if (target && !rule.targets.includes(target)) issues.error(where, 'target_ref', 'stix.invalid_property', { expected: rule.targets.join(' | ') });
  },
  indicator(object, where, issues) {
    if (object.pattern !== undefined && typeof object.pattern !== 'string')
      return issues.error(where, 'pattern', 'stix.invalid_property', { expected: 'string' });
    if (object.pattern_type !== 'stix' || typeof object.pattern !== 'string') return;
    const checked = checkStixPattern(object.pattern);
    if (!checked.ok) issues.error(where, 'pattern', 'stix.invalid_pattern', { error: checked.error, position: checked.position });
  },
  malware(object, where, issues) {
    if (object.is_family !== undefined && typeof object.is_family !== 'boolean')
      issues.error(where, 'is_family', 'stix.invalid_property', { expected: 'true | false' });
    if (object.is_family === true && object.name === undefined) issues.error(where, 'name', 'stix.required_property');
  },
  opinion(object, where, issues) {
    if (object.opinion !== undefined && !OPINION_VALUES.includes(shown(object.opinion)))
      issues.error(where, 'opinion', 'stix.invalid_property', { expected: OPINION_VALUES.join(' | ') });
  },
  'observed-data'(object, where, issues) {
    const count = object.number_observed;
    if (count !== undefined && !(Number.isInteger(count) && Number(count) >= 1 && Number(count) <= 999_999_999))
      issues.error(where, 'number_observed', 'stix.invalid_property', { expected: '1…999999999' });
  },
  'marking-definition'(object, where, issues) {
    if (typeof object.id === 'string' && TLP_MARKING_IDS.has(object.id)) return;
    if ((object.definition_type === undefined || object.definition === undefined) && object.extensions === undefined)
      issues.error(where, '', 'stix.required_one_of', { choices: 'definition_type + definition | extensions' });
  },
};

function validateObject(value: unknown, index: number, issues: IssueList, counts: Record<string, number>): { id: string; version: string } | null {
  const rawId = isJsonObject(value) && typeof value.id === 'string' ? value.id : null;
  const where: Where = { index, id: rawId, path: `objects[${index}]` };
  if (!isJsonObject(value)) {
    issues.error(where, '', 'stix.not_object');
    return null;
  }
  const type = value.type;
  if (typeof type !== 'string') {
    issues.error(where, 'type', type === undefined ? 'stix.required_property' : 'stix.invalid_type', { value: shown(type) });
    return null;
  }
  counts[type] = (counts[type] ?? 0) + 1;
  if (!isStixTypeName(type)) issues.error(where, 'type', 'stix.invalid_type', { value: type });
  if (value.id === undefined) issues.error(where, 'id', 'stix.required_property');
  else if (!isStixId(value.id, type)) issues.error(where, 'id', 'stix.invalid_id', { value: shown(value.id), expected: `${type}--${UUID_HINT}` });
  const rule = STIX_TYPE_RULES[type];
  if (!rule && !type.startsWith('x-')) issues.warning(where, 'type', 'stix.unknown_type', { value: type });
  checkSpecVersion(value, rule, where, issues);
  if (rule) checkRequired(value, rule, where, issues);
  checkTimestamps(value, where, issues);
  checkReferences(value, where, issues);
  TYPE_CHECKS[type]?.(value, where, issues);
  checkExtensions(value, where, issues);
  checkLargeStrings(value, where, '', issues);
  return rawId ? { id: rawId, version: typeof value.modified === 'string' ? value.modified : '' } : null;
}

/** Ids an object refers to (`*_ref`, `*_refs`, granular marking refs), with where they are. */
function referencesOf(object: JsonObject): { property: string; id: string }[] {
  const found: { property: string; id: string }[] = [];
  for (const property in object) {
    const value = object[property];
    if (property.endsWith('_ref') && typeof value === 'string') found.push({ property, id: value });
    else if (property.endsWith('_refs') && Array.isArray(value))
      value.forEach((id, i) => {
        if (typeof id === 'string') found.push({ property: `${property}[${i}]`, id });
      });
  }
  return found;
}

function validateObjects(objects: unknown[], issues: IssueList): Record<string, number> {
  const counts: Record<string, number> = {};
  const firstSeen = new Map<string, number>();
  const ids = new Set<string>();
  objects.forEach((object, index) => {
    const identity = validateObject(object, index, issues, counts);
    if (!identity) return;
    ids.add(identity.id);
    const key = `${identity.id}\u0000${identity.version}`;
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, index);
    else issues.error({ index, id: identity.id, path: `objects[${index}]` }, 'id', 'stix.duplicate_id', { first });
  });
  // A reference may name an object the receiver already holds, so one that the bundle does not
  // resolve is a warning, not an error; TLP marking definitions are known to everyone.
  objects.forEach((object, index) => {
    if (!isJsonObject(object)) return;
    const where = { index, id: typeof object.id === 'string' ? object.id : null, path: `objects[${index}]` };
    for (const ref of referencesOf(object))
      if (!ids.has(ref.id) && !TLP_MARKING_IDS.has(ref.id) && isStixId(ref.id))
        issues.warning(where, ref.property, 'stix.unresolved_reference', { value: ref.id });
  });
  return counts;
}

/**
 * Checks one element of a bundle's `objects` (for streaming imports, which check duplicates
 * themselves). `index` is its position in the bundle.
 */
export function validateStixObject(value: unknown, index: number, options: { locale?: Locale } = {}): { errors: StixIssue[]; warnings: StixIssue[] } {
  const issues = new IssueList(options.locale ?? 'ja');
  validateObject(value, index, issues, {});
  return { errors: issues.errors, warnings: issues.warnings };
}

/** Checks `value` (already parsed from JSON) against STIX 2.1; never throws for bad input. */
export function validateStixBundle(value: unknown, options: { locale?: Locale } = {}): StixValidationReport {
  const issues = new IssueList(options.locale ?? 'ja');
  const where: Where = { index: null, id: isJsonObject(value) && typeof value.id === 'string' ? value.id : null, path: '' };
  let byType: Record<string, number> = {};
  let objectCount = 0;
  if (!isJsonObject(value)) issues.error(where, '', 'stix.not_object');
  else {
    if (value.type !== 'bundle') issues.error(where, 'type', 'stix.not_bundle');
    if (!isStixId(value.id, 'bundle')) issues.error(where, 'id', 'stix.invalid_id', { value: shown(value.id), expected: `bundle--${UUID_HINT}` });
    if (value.spec_version !== undefined && value.spec_version !== '2.1')
      issues.error(where, 'spec_version', 'stix.spec_version', { value: shown(value.spec_version) });
    const objects = value.objects;
    if (objects !== undefined && !Array.isArray(objects)) issues.error(where, 'objects', 'stix.invalid_property', { expected: '[…]' });
    else if (objects === undefined || objects.length === 0) issues.warning(where, 'objects', 'stix.empty_bundle');
    else {
      byType = validateObjects(objects, issues);
      objectCount = objects.length;
    }
  }
  return { valid: issues.errors.length === 0, errors: issues.errors, warnings: issues.warnings, counts: { objects: objectCount, byType } };
}
