// Row types of the threats tables: the catalogue of attack groups, ransomware families and
// malware (threat, threat_alias), case attribution and each case's ransomware profile.
// The link graph reads threat(id, name, kind) and case_attribution(case_id, threat_id, confidence).

export type ThreatTable = {
  id: string;
  /** ransomware | extortion | intrusion_set | malware */
  kind: string;
  name: string;
  /** NFKC, lower case, letters and digits only: what alias search compares. */
  name_key: string;
  description: string;
  /** ISO 3166 alpha-2 of the suspected origin, or null when unknown. */
  origin: string | null;
  /** Suspected sponsor (e.g. a state organ), free text. */
  sponsor: string | null;
  state_sponsored: number;
  /** YYYY or YYYY-MM. */
  first_seen: string | null;
  last_seen: string | null;
  /** MITRE ATT&CK group (G0032) or software (S0575) id. */
  mitre_id: string | null;
  /** JSON text: [{ label, url }]. */
  external_refs: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type ThreatAliasTable = { threat_id: string; alias: string; alias_key: string; created_at: string };

export type CaseAttributionTable = {
  case_id: string;
  threat_id: string;
  /** low | medium | high */
  confidence: string;
  note: string;
  created_by: string | null;
  created_at: string;
};

/** NPA's ransomware survey items for one case; null = not yet known. Flags are 0/1. */
export type CaseRansomwareTable = {
  case_id: string;
  infection_route: string | null;
  encrypted: number | null;
  double_extortion: number | null;
  data_leaked: number | null;
  ransom_demanded: number | null;
  ransom_amount_yen: number | null;
  backup_state: string | null;
  recovery_period: string | null;
  recovery_cost: string | null;
  updated_by: string | null;
  updated_at: string;
};

export type ThreatsTables = {
  threat: ThreatTable;
  threat_alias: ThreatAliasTable;
  case_attribution: CaseAttributionTable;
  case_ransomware: CaseRansomwareTable;
};
