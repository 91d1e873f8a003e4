// Rows → contract outputs.
import { z } from 'zod';
import {
  BACKUP_OUTCOMES,
  CONFIDENCES,
  ExternalRef,
  INFECTION_ROUTES,
  RECOVERY_COSTS,
  RECOVERY_PERIODS,
  THREAT_KINDS,
  type Confidence,
  type ExtortionMethod,
  type RansomwareProfile,
  type ThreatDetail,
  type ThreatKind,
  type ThreatSummary,
} from './threats.contract.ts';
import type { ProfileRow, ThreatRow } from './threats.repository.ts';

export function asKind(kind: string): ThreatKind {
  return THREAT_KINDS.find((k) => k === kind) ?? 'malware';
}

export function asConfidence(confidence: string): Confidence {
  return CONFIDENCES.find((c) => c === confidence) ?? 'low';
}

function pick<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

function flag(value: number | null): boolean | null {
  return value === null ? null : value === 1;
}

export function mitreUrl(mitreId: string | null): string | null {
  if (!mitreId) return null;
  return mitreId.startsWith('G') ? `https://attack.mitre.org/groups/${mitreId}/` : `https://attack.mitre.org/software/${mitreId}/`;
}

export function presentSummary(row: ThreatRow, aliases: string[], matchedAlias: string | null): z.infer<typeof ThreatSummary> {
  return {
    id: row.id,
    kind: asKind(row.kind),
    name: row.name,
    aliases,
    origin: row.origin,
    stateSponsored: row.state_sponsored === 1,
    mitreId: row.mitre_id,
    lastSeen: row.last_seen,
    matchedAlias,
  };
}

export function presentDetail(row: ThreatRow, aliases: string[], cases: ThreatDetail['cases']): ThreatDetail {
  return {
    id: row.id,
    kind: asKind(row.kind),
    name: row.name,
    aliases,
    origin: row.origin,
    stateSponsored: row.state_sponsored === 1,
    mitreId: row.mitre_id,
    lastSeen: row.last_seen,
    version: row.version,
    description: row.description,
    sponsor: row.sponsor,
    firstSeen: row.first_seen,
    externalRefs: parseRefs(row.external_refs),
    mitreUrl: mitreUrl(row.mitre_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cases,
  };
}

const StoredRefs = z.array(ExternalRef).catch([]);

function parseRefs(text: string): ThreatDetail['externalRefs'] {
  return StoredRefs.parse(JSON.parse(text));
}

/** 二重恐喝 when data was taken and publication threatened; else 暗号化のみ or ノーウェア by the encryption flag. */
export function extortionMethod(row: Pick<ProfileRow, 'encrypted' | 'double_extortion'>): ExtortionMethod {
  if (row.double_extortion === 1) return 'double_extortion';
  if (row.encrypted === 1) return 'encryption_only';
  if (row.encrypted === 0) return 'no_encryption';
  return 'unknown';
}

export function presentProfile(row: ProfileRow): z.infer<typeof RansomwareProfile> {
  return {
    infectionRoute: pick(INFECTION_ROUTES, row.infection_route),
    encrypted: flag(row.encrypted),
    doubleExtortion: flag(row.double_extortion),
    dataLeaked: flag(row.data_leaked),
    ransomDemanded: flag(row.ransom_demanded),
    ransomAmountYen: row.ransom_amount_yen,
    backupState: pick(BACKUP_OUTCOMES, row.backup_state),
    recoveryPeriod: pick(RECOVERY_PERIODS, row.recovery_period),
    recoveryCost: pick(RECOVERY_COSTS, row.recovery_cost),
    method: extortionMethod(row),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
