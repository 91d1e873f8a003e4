// Row types of the evidence tables: items, their append-only custody log, analysis requests.
export type EvidenceItemTable = {
  id: string;
  case_id: string;
  evidence_no: string;
  kind: string;
  title: string;
  description: string;
  sha256: string | null;
  size_bytes: number | null;
  file_name: string | null;
  content_type: string | null;
  collected_by: string | null;
  collected_at: string;
  collected_from: string;
  storage_location: string;
  holder_id: string | null;
  status: string;
  event_count: number;
  last_hash: string;
  integrity_failed_at: string | null;
  created_by: string | null;
  created_at: string;
};

export type CustodyEventTable = {
  id: string;
  evidence_id: string;
  seq: number;
  action: string;
  actor_id: string | null;
  from_holder_id: string | null;
  to_holder_id: string | null;
  location: string;
  note: string;
  at: string;
  prev_hash: string;
  hash: string;
};

export type AnalysisRequestTable = {
  id: string;
  evidence_id: string;
  case_id: string;
  to_unit_id: string;
  question: string;
  due_at: string | null;
  status: string;
  requested_by: string | null;
  assignee_id: string | null;
  result: string;
  result_sha256: string | null;
  result_file_name: string | null;
  result_size_bytes: number | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
};

export type EvidenceTables = { evidence_item: EvidenceItemTable; custody_event: CustodyEventTable; analysis_request: AnalysisRequestTable };
