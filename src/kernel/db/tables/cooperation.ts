// Row types of the cooperation tables (M1.1, M3.2c/d, M4): support requests to the cyber division,
// joint investigations and NCU referrals, international requests, and their append-only history.
// Times are ISO-8601 UTC text; JSON is text.

/** 支援要請: a unit that sees a case asks the cyber division for help with it. */
export type CaseSupportRequestTable = {
  id: string;
  case_id: string;
  requester_unit_id: string | null;
  target_unit_id: string;
  requested_by: string;
  kind: string;
  request_text: string;
  deadline_at: string;
  status: string;
  decline_reason: string | null;
  answered_by: string | null;
  answered_at: string | null;
  done_at: string | null;
  escalated_at: string | null;
  created_at: string;
  updated_at: string;
};

/** 共同捜査 with another prefectural police, or a referral to the National Cyber Unit. */
export type CaseExternalCooperationTable = {
  id: string;
  case_id: string;
  kind: string;
  counterpart: string;
  status: string;
  summary: string;
  /** JSON array of { value, count? }: what was shared. */
  shared_observables: string;
  contact_name: string;
  recorded_by: string;
  created_at: string;
  updated_at: string;
};

/** 国際捜査共助, ICPO, 24/7 contact point …: a request to or from another country. */
export type CaseInternationalRequestTable = {
  id: string;
  case_id: string;
  direction: string;
  country_code: string;
  agency: string;
  channel: string;
  request_text: string;
  deadline_at: string | null;
  status: string;
  our_reference: string;
  their_reference: string;
  recorded_by: string;
  created_at: string;
  updated_at: string;
  /** When the deadline reminder went out (once). */
  reminded_at: string | null;
};

/** Append-only: every change of any of the records above, with who, when and a note. */
export type CaseCooperationEventTable = {
  id: string;
  case_id: string;
  record_type: string;
  record_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string;
  actor_id: string | null;
  at: string;
};

export type CooperationTables = {
  case_support_request: CaseSupportRequestTable;
  case_external_cooperation: CaseExternalCooperationTable;
  case_international_request: CaseInternationalRequestTable;
  case_cooperation_event: CaseCooperationEventTable;
};
