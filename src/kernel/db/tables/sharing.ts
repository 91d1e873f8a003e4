// Row types of the sharing tables (issue 6): groups and member organisations, the STIX object
// store with provenance, import batches, TAXII collection entries, status resources and polled
// remote collections. TLP levels are stored as clear | green | amber | amber+strict | red.
import type { Generated } from 'kysely';

export type SharingGroupTable = {
  id: string;
  name: string;
  description: Generated<string>;
  /** The highest TLP level the group's members may receive. */
  max_tlp: string;
  /** 1 when exports to the group may carry personal-data observables (e-mail, phone, bank account). */
  include_personal: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type SharingMemberTable = {
  id: string;
  group_id: string;
  organisation: string;
  contact: Generated<string>;
  /** SHA-256 of the member's TAXII token; the token itself is shown once. */
  token_hash: string | null;
  token_hint: string | null;
  /** 1 when the member may add objects to the group's collection. */
  can_publish: Generated<number>;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type ImportBatchTable = {
  id: string;
  /** stix | taxii | misp | csv */
  kind: string;
  source: string;
  /** user | member | subscription | system */
  actor_kind: string;
  actor_id: string | null;
  actor_label: string;
  default_tlp: string;
  /** running | done | failed (a running batch not updated for a while is shown as interrupted) */
  status: string;
  total: Generated<number>;
  imported: Generated<number>;
  unchanged: Generated<number>;
  refused: Generated<number>;
  /** JSON: the first problems, [{ index, id, path, code, message }]. */
  problems: Generated<string>;
  started_at: string;
  /** When the last chunk committed (its counts with it). */
  updated_at: string | null;
  finished_at: string | null;
};

export type StixObjectTable = {
  id: Generated<number>;
  stix_id: string;
  type: string;
  version: string;
  latest: number;
  tlp: string;
  /** import | local */
  origin: string;
  body: string;
  batch_id: string | null;
  source: string;
  imported_by: string;
  imported_at: string;
};

export type CollectionEntryTable = {
  id: Generated<number>;
  group_id: string;
  stix_id: string;
  version: string;
  type: string;
  tlp: string;
  date_added: string;
};

export type TaxiiStatusTable = {
  id: string;
  group_id: string;
  member_id: string | null;
  status: string;
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  /** JSON: { successes: [{id, version}], failures: [{id, version, message}], pendings: [] }. */
  details: string;
};

export type TaxiiSubscriptionTable = {
  id: string;
  name: string;
  api_root_url: string;
  collection_id: string;
  /** none | bearer | basic */
  auth_kind: string;
  username: string | null;
  secret: string | null;
  interval_seconds: number;
  default_tlp: string;
  /** The X-TAXII-Date-Added-Last of the last page read: the next poll's added_after. */
  cursor: string | null;
  enabled: Generated<number>;
  last_polled_at: string | null;
  last_status: string | null;
  last_error: string | null;
  created_by: string | null;
  created_at: string;
};

export type SharingTables = {
  sharing_group: SharingGroupTable;
  sharing_member: SharingMemberTable;
  import_batch: ImportBatchTable;
  stix_object: StixObjectTable;
  collection_entry: CollectionEntryTable;
  taxii_status: TaxiiStatusTable;
  taxii_subscription: TaxiiSubscriptionTable;
};
