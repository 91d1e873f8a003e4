// The parts of the MISP core format (draft-dulaunoy-misp-core-format) that Koban writes. Input is
// read as `unknown` and checked field by field, so these types describe what Koban produces.
// MISP keeps numbers as strings in events (timestamp, distribution, analysis): so do we.

export type MispTag = { name: string; colour?: string };

export type MispOrg = { name: string; uuid: string };

export type MispAttribute = {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  /** "5": inherit the event's distribution. */
  distribution: string;
  comment: string;
  /** Epoch seconds. */
  timestamp: string;
  disable_correlation: boolean;
  deleted?: boolean;
  object_relation?: string;
  /** ISO 8601. */
  first_seen?: string;
  last_seen?: string;
  Tag?: MispTag[];
};

export type MispObject = {
  uuid: string;
  name: string;
  'meta-category': string;
  description: string;
  template_uuid: string;
  template_version: string;
  timestamp: string;
  distribution: string;
  comment: string;
  deleted?: boolean;
  Attribute: MispAttribute[];
};

export type MispGalaxyCluster = {
  type: string;
  value: string;
  tag_name: string;
  description: string;
  meta?: { synonyms?: string[]; external_id?: string[] };
};

export type MispGalaxy = { type: string; name: string; namespace: string; GalaxyCluster: MispGalaxyCluster[] };

export type MispEvent = {
  uuid: string;
  info: string;
  /** YYYY-MM-DD */
  date: string;
  /** "1" high … "4" undefined. */
  threat_level_id: string;
  /** "0" initial, "1" ongoing, "2" complete. */
  analysis: string;
  distribution: string;
  published: boolean;
  timestamp: string;
  publish_timestamp: string;
  Orgc: MispOrg;
  Org: MispOrg;
  Tag: MispTag[];
  Attribute: MispAttribute[];
  Object: MispObject[];
  Galaxy: MispGalaxy[];
};
