// What STIX 2.1 requires of each object type it defines (§4–§7). Types not listed here are
// custom or unknown: they are checked for a well-formed id only.

export type StixCategory = 'sdo' | 'sro' | 'sco' | 'meta';

export type StixTypeRule = {
  category: StixCategory;
  required: readonly string[];
  /** At least one of these groups must be present in full. */
  anyOf?: readonly (readonly string[])[];
};

const sdo = (required: string[] = [], anyOf?: string[][]): StixTypeRule => ({ category: 'sdo', required, ...(anyOf ? { anyOf } : {}) });
const sco = (required: string[] = [], anyOf?: string[][]): StixTypeRule => ({ category: 'sco', required, ...(anyOf ? { anyOf } : {}) });

export const STIX_TYPE_RULES: Readonly<Record<string, StixTypeRule>> = {
  'attack-pattern': sdo(['name']),
  campaign: sdo(['name']),
  'course-of-action': sdo(['name']),
  grouping: sdo(['context', 'object_refs']),
  identity: sdo(['name']),
  incident: sdo(['name']),
  indicator: sdo(['pattern', 'pattern_type', 'valid_from']),
  infrastructure: sdo(['name']),
  'intrusion-set': sdo(['name']),
  location: sdo([], [['region'], ['country'], ['latitude', 'longitude']]),
  malware: sdo(['is_family']),
  'malware-analysis': sdo(['product'], [['result'], ['analysis_sco_refs']]),
  note: sdo(['content', 'object_refs']),
  'observed-data': sdo(['first_observed', 'last_observed', 'number_observed'], [['object_refs'], ['objects']]),
  opinion: sdo(['opinion', 'object_refs']),
  report: sdo(['name', 'published', 'object_refs']),
  'threat-actor': sdo(['name']),
  tool: sdo(['name']),
  vulnerability: sdo(['name']),
  relationship: { category: 'sro', required: ['relationship_type', 'source_ref', 'target_ref'] },
  sighting: { category: 'sro', required: ['sighting_of_ref'] },
  'marking-definition': { category: 'meta', required: ['created'] },
  'language-content': { category: 'meta', required: ['created', 'modified', 'object_ref', 'contents'] },
  'extension-definition': { category: 'meta', required: ['created', 'modified', 'created_by_ref', 'name', 'schema', 'version', 'extension_types'] },
  artifact: sco([], [['payload_bin'], ['url']]),
  'autonomous-system': sco(['number']),
  directory: sco(['path']),
  'domain-name': sco(['value']),
  'email-addr': sco(['value']),
  'email-message': sco(['is_multipart']),
  file: sco([], [['hashes'], ['name']]),
  'ipv4-addr': sco(['value']),
  'ipv6-addr': sco(['value']),
  'mac-addr': sco(['value']),
  mutex: sco(['name']),
  'network-traffic': sco(['protocols'], [['src_ref'], ['dst_ref']]),
  process: sco(),
  software: sco(['name']),
  url: sco(['value']),
  'user-account': sco(),
  'windows-registry-key': sco(),
  'x509-certificate': sco(),
};

/** Properties that hold timestamps wherever they appear at the top level of an object. */
export const TIMESTAMP_PROPERTIES: readonly string[] = [
  'created',
  'modified',
  'valid_from',
  'valid_until',
  'first_seen',
  'last_seen',
  'published',
  'first_observed',
  'last_observed',
  'start_time',
  'stop_time',
  'object_modified',
  'submitted',
  'analysis_started',
  'analysis_ended',
];

export const OPINION_VALUES: readonly string[] = ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'];
