// Request and response schemas of the threat catalogue, case attribution, ransomware profiles and
// the ransomware summary (M2.2a). Shared with the web UI.
import { z } from 'zod';

/** ransomware: a ransomware family (RaaS); extortion: data theft and extortion without encryption
 * (ノーウェアランサム); intrusion_set: an attack group, often state-sponsored; malware: other malware. */
export const THREAT_KINDS = ['ransomware', 'extortion', 'intrusion_set', 'malware'] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];
/** How sure the attribution is: low (推定), medium (可能性が高い), high (確度が高い). */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** NPA's survey items (japan.md §2b, §10 ransomware_dims). */
export const INFECTION_ROUTES = ['vpn', 'rdp', 'email', 'other', 'unknown'] as const;
export const BACKUP_OUTCOMES = ['restored_full', 'restore_failed', 'none'] as const;
export const RECOVERY_PERIODS = ['lt_1w', '1w_1m', '1m_2m', 'ge_2m', 'recovering'] as const;
/** Investigation and recovery cost, keys in ¥ millions (1m = 100万円). */
export const RECOVERY_COSTS = ['lt_1m', '1m_5m', '5m_10m', '10m_50m', 'ge_50m'] as const;
/** How the ransom was demanded, derived from the flags: 二重恐喝 / 暗号化のみ / ノーウェア / 不明. */
export const EXTORTION_METHODS = ['double_extortion', 'encryption_only', 'no_encryption', 'unknown'] as const;
export type ExtortionMethod = (typeof EXTORTION_METHODS)[number];

const yearMonth = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/);
const MitreId = z.string().regex(/^[GS]\d{4}$/);
export const ExternalRef = z.object({ label: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }).max(2000) });

export const ThreatInput = z
  .object({
    kind: z.enum(THREAT_KINDS),
    name: z.string().trim().min(1).max(120),
    aliases: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    description: z.string().max(20_000).default(''),
    origin: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .default(null),
    sponsor: z.string().trim().max(200).nullable().default(null),
    stateSponsored: z.boolean().default(false),
    firstSeen: yearMonth.nullable().default(null),
    lastSeen: yearMonth.nullable().default(null),
    mitreId: MitreId.nullable().default(null),
    externalRefs: z.array(ExternalRef).max(20).default([]),
  })
  .strict();
export type ThreatInput = z.infer<typeof ThreatInput>;

export const ThreatChanges = z
  .object({
    version: z.number().int().min(1),
    kind: z.enum(THREAT_KINDS).optional(),
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().max(20_000).optional(),
    origin: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .optional(),
    sponsor: z.string().trim().max(200).nullable().optional(),
    stateSponsored: z.boolean().optional(),
    firstSeen: yearMonth.nullable().optional(),
    lastSeen: yearMonth.nullable().optional(),
    mitreId: MitreId.nullable().optional(),
    externalRefs: z.array(ExternalRef).max(20).optional(),
  })
  .strict();
export type ThreatChanges = z.infer<typeof ThreatChanges>;

export const AliasInput = z.object({ alias: z.string().trim().min(1).max(120) }).strict();
export const ThreatParams = z.object({ threatId: z.string().min(1).max(64) });
export const ThreatAliasParams = ThreatParams.extend({ alias: z.string().min(1).max(120) });
export const ThreatListQuery = z.object({
  /** Any name or alias, or part of one; compared case- and width-insensitively (NFKC). */
  q: z.string().max(120).optional(),
  kind: z.enum(THREAT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const ThreatSummary = z.object({
  id: z.string(),
  kind: z.enum(THREAT_KINDS),
  name: z.string(),
  aliases: z.array(z.string()),
  origin: z.string().nullable(),
  stateSponsored: z.boolean(),
  mitreId: z.string().nullable(),
  lastSeen: z.string().nullable(),
  /** The alias the search matched, when it was not the name. */
  matchedAlias: z.string().nullable(),
});
export const ThreatList = z.object({ items: z.array(ThreatSummary) });

export const ThreatDetail = ThreatSummary.omit({ matchedAlias: true }).extend({
  version: z.number().int(),
  description: z.string(),
  sponsor: z.string().nullable(),
  firstSeen: z.string().nullable(),
  externalRefs: z.array(ExternalRef),
  /** https://attack.mitre.org/… for the MITRE id, when there is one. */
  mitreUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Attributed cases the viewer may open; the others are only counted. */
  cases: z.object({
    items: z.array(z.object({ caseId: z.string(), caseNo: z.string(), title: z.string(), confidence: z.enum(CONFIDENCES), attributedAt: z.string() })),
    hiddenCount: z.number().int(),
  }),
});
export type ThreatDetail = z.infer<typeof ThreatDetail>;

export const AttributionInput = z
  .object({
    threatId: z.string().min(1).max(64),
    confidence: z.enum(CONFIDENCES),
    note: z.string().trim().max(5000).default(''),
  })
  .strict();
export type AttributionInput = z.infer<typeof AttributionInput>;
export const AttributionParams = z.object({ caseId: z.string().max(64), threatId: z.string().min(1).max(64) });
export const CaseAttribution = z.object({
  threatId: z.string(),
  name: z.string(),
  kind: z.enum(THREAT_KINDS),
  confidence: z.enum(CONFIDENCES),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const CaseAttributionList = z.object({ items: z.array(CaseAttribution) });

/** A null field is not yet known (未把握). */
export const RansomwareProfileInput = z
  .object({
    infectionRoute: z.enum(INFECTION_ROUTES).nullable().default(null),
    encrypted: z.boolean().nullable().default(null),
    doubleExtortion: z.boolean().nullable().default(null),
    dataLeaked: z.boolean().nullable().default(null),
    ransomDemanded: z.boolean().nullable().default(null),
    ransomAmountYen: z.number().int().min(0).max(1_000_000_000_000).nullable().default(null),
    backupState: z.enum(BACKUP_OUTCOMES).nullable().default(null),
    recoveryPeriod: z.enum(RECOVERY_PERIODS).nullable().default(null),
    recoveryCost: z.enum(RECOVERY_COSTS).nullable().default(null),
  })
  .strict();
export type RansomwareProfileInput = z.infer<typeof RansomwareProfileInput>;
export const RansomwareProfile = RansomwareProfileInput.required().extend({
  method: z.enum(EXTORTION_METHODS),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export const RansomwareProfileView = z.object({ profile: RansomwareProfile.nullable() });

const Day = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const Month = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Japanese months (YYYY-MM) or days (YYYY-MM-DD), both ends included. */
export const RansomwareSummaryQuery = z.object({
  from: z.string().refine((v) => Month.test(v) || Day.test(v)),
  to: z.string().refine((v) => Month.test(v) || Day.test(v)),
});
const Counts = z.array(z.object({ key: z.string(), count: z.number().int() }));
export const RansomwareSummary = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  /** Cases with a ransomware profile recorded. */
  profiled: z.number().int(),
  doubleExtortion: z.number().int(),
  ransomDemanded: z.number().int(),
  byIndustry: Counts,
  byOrgSize: Counts,
  byRoute: Counts,
  byMethod: Counts,
  byBackup: Counts,
  byRecoveryPeriod: Counts,
  byRecoveryCost: Counts,
  /** A case attributed to two families counts once for each. */
  byFamily: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  byMonth: Counts,
});
export type RansomwareSummary = z.infer<typeof RansomwareSummary>;
