// Row types of every table, as Kysely sees them. Times are ISO-8601 UTC text; flags are 0/1
// integers and JSON is text on both dialects, so one set of queries serves SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CooperationTables } from './tables/cooperation.ts';
import type { EvidenceTables } from './tables/evidence.ts';
import type { SharingTables } from './tables/sharing.ts';
import type { ThreatsTables } from './tables/threats.ts';

export type UnitTable = {
  id: string;
  code: string;
  parent_id: string | null;
  kind: string;
  name_ja: string;
  name_en: string;
  sort_order: number;
  liaison_user_id: string | null;
  phone: string | null;
  created_at: string;
  updated_at: string;
};

export type AppUserTable = {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  unit_id: string | null;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
};

export type UserRoleTable = { user_id: string; role: string };

export type RecoveryCodeTable = { id: string; user_id: string; code_hash: string; used_at: string | null };

export type SessionTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  mfa_verified: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type OrgPostTable = { post: string; user_id: string; updated_at: string };

export type AuditEntryTable = {
  seq: number;
  id: string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  changes: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};

export type ObservableTable = {
  id: Generated<number>;
  type: string;
  value: string;
  host: string | null;
  registrable: string | null;
  warning: string | null;
  attributes: string | null;
  first_seen_at: string;
  last_seen_at: string;
  /** An explicit TLP 2.0 marking; null: the marking of the case it is shared with. */
  tlp: Generated<string | null>;
};

export type SightingTable = {
  id: Generated<number>;
  observable_id: number;
  source_type: string;
  source_id: string;
  owner_unit_id: string | null;
  restricted: number;
  seen_at: string;
  offset_start: number | null;
  offset_end: number | null;
};

export type InstallationSecretTable = { name: string; value: string; created_at: string };

export type IntakeItemTable = {
  id: string;
  receipt_no: string;
  origin: string;
  kind: string;
  reporter_type: string;
  category: string;
  subcategory: string | null;
  channel: string;
  station_unit_id: string | null;
  summary: string;
  description: string;
  details: string;
  contact: string | null;
  consent_at: string | null;
  retention_until: string;
  status: string;
  priority: string;
  flags: string;
  assigned_unit_id: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  deadline_at: string | null;
  escalated_at: string | null;
  rule_version: number | null;
  rule_ids: string | null;
  outcome: string | null;
  referred_agency: string | null;
  case_id: string | null;
  merged_into_id: string | null;
  follow_up_hash: string | null;
  idempotency_key: string | null;
  created_by: string | null;
  triaged_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  /** TLP 2.0 level; amber unless set. */
  tlp: string;
};

export type IntakeAttachmentTable = {
  id: string;
  item_id: string;
  sha256: string;
  size: number;
  filename: string;
  claimed_type: string;
  sniffed_type: string;
  opaque: number;
  added_by: string;
  created_at: string;
};

export type IntakeNoteTable = { id: string; item_id: string; author_kind: string; author_id: string | null; body: string; created_at: string };
export type IntakeLinkTable = { item_id: string; linked_item_id: string; created_by: string | null; created_at: string };
export type ReceiptSequenceTable = { scope: string; last_value: number };
export type RoutingRuleSetTable = { version: number; rules: string; comment: string; created_by: string | null; created_at: string };

export type CaseRecordTable = {
  id: string;
  case_no: string;
  title: string;
  status: string;
  owner_unit_id: string;
  category: string | null;
  subcategory: string | null;
  opened_from_item_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  priority: Generated<string>;
  lead_user_id: string | null;
  sensitive: Generated<number>;
  description: Generated<string>;
  victim: string | null;
  damage_yen: number | null;
  version: Generated<number>;
  /** TLP 2.0 level (clear … red); amber unless set. */
  tlp: Generated<string>;
};

export type CaseStatusChangeTable = {
  id: string;
  case_id: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  changed_by: string | null;
  changed_at: string;
};
export type CaseMemberTable = { case_id: string; user_id: string; added_by: string | null; added_at: string };
export type CaseSupportUnitTable = { case_id: string; unit_id: string; added_by: string | null; added_at: string };
export type CaseAccessRequestTable = {
  id: string;
  case_id: string;
  requester_id: string;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
};
export type CaseNoteTable = { id: string; case_id: string; body: string; author_id: string | null; created_at: string };
export type CaseTaskTable = {
  id: string;
  case_id: string;
  title: string;
  assignee_id: string | null;
  due_at: string | null;
  done_at: string | null;
  created_by: string | null;
  created_at: string;
};

export type NotificationTable = {
  id: string;
  user_id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  params: string;
  created_at: string;
  read_at: string | null;
};

export type MailOutboxTable = {
  id: string;
  recipients: string;
  subject: string;
  body: string;
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
};

/** Per Japanese day (YYYY-MM-DD) and scope ('intake' | 'case'): bumped by triggers when counted rows change. */
export type StatVersionTable = { scope: string; day: string; version: number };

/** Every table; areas with several tables keep their row types in `tables/`. */
export type DB = EvidenceTables &
  CooperationTables &
  SharingTables &
  ThreatsTables & {
    unit: UnitTable;
    stat_version: StatVersionTable;
    app_user: AppUserTable;
    user_role: UserRoleTable;
    recovery_code: RecoveryCodeTable;
    session: SessionTable;
    api_token: ApiTokenTable;
    org_post: OrgPostTable;
    audit_entry: AuditEntryTable;
    observable: ObservableTable;
    sighting: SightingTable;
    installation_secret: InstallationSecretTable;
    intake_item: IntakeItemTable;
    intake_attachment: IntakeAttachmentTable;
    intake_note: IntakeNoteTable;
    intake_link: IntakeLinkTable;
    receipt_sequence: ReceiptSequenceTable;
    routing_rule_set: RoutingRuleSetTable;
    case_record: CaseRecordTable;
    case_status_change: CaseStatusChangeTable;
    case_member: CaseMemberTable;
    case_support_unit: CaseSupportUnitTable;
    case_note: CaseNoteTable;
    case_access_request: CaseAccessRequestTable;
    case_task: CaseTaskTable;
    notification: NotificationTable;
    mail_outbox: MailOutboxTable;
  };

export type UnitRow = Selectable<UnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type { Generated };
