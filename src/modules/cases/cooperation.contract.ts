// Request and response schemas of working across units (M1.1, M3.2c/d, M4): support requests to
// the cyber division (支援要請), joint investigations with other prefectures (共同捜査) and referrals
// to the National Cyber Unit, and international requests (国際捜査共助 …). Shared with the web UI.
import { z } from 'zod';

export const SUPPORT_KINDS = ['analysis', 'investigation', 'technical_advice', 'seizure'] as const;
export const SUPPORT_STATUSES = ['requested', 'accepted', 'declined', 'done'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
/** 要請 → 受諾 → 完了, or 辞退 with a reason. */
export const SUPPORT_TRANSITIONS: Record<SupportStatus, readonly SupportStatus[]> = {
  requested: ['accepted', 'declined'],
  accepted: ['done'],
  declined: [],
  done: [],
};
export const OPEN_SUPPORT_STATUSES: readonly SupportStatus[] = ['requested', 'accepted'];

/** The 47 prefectural police forces (警視庁 for Tokyo), by prefecture. */
export const PREFECTURES = [
  'hokkaido', 'aomori', 'iwate', 'miyagi', 'akita', 'yamagata', 'fukushima', 'ibaraki', 'tochigi', 'gunma',
  'saitama', 'chiba', 'tokyo', 'kanagawa', 'niigata', 'toyama', 'ishikawa', 'fukui', 'yamanashi', 'nagano',
  'gifu', 'shizuoka', 'aichi', 'mie', 'shiga', 'kyoto', 'osaka', 'hyogo', 'nara', 'wakayama',
  'tottori', 'shimane', 'okayama', 'hiroshima', 'yamaguchi', 'tokushima', 'kagawa', 'ehime', 'kochi', 'fukuoka',
  'saga', 'nagasaki', 'kumamoto', 'oita', 'miyazaki', 'kagoshima', 'okinawa',
] as const; // prettier-ignore
/** 国家サイバー捜査隊 / 関東管区警察局サイバー特別捜査部. */
export const NCU = 'ncu';
export const EXTERNAL_KINDS = ['joint_investigation', 'ncu_referral'] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];
export const EXTERNAL_STATUSES = ['proposed', 'active', 'ended', 'referred', 'accepted', 'declined', 'returned'] as const;
export type ExternalStatus = (typeof EXTERNAL_STATUSES)[number];
/** 共同捜査: 提案 → 実施中 → 終了. NCU: 送致(引継ぎ) → 受理/不受理, 受理 → 返還. */
export const EXTERNAL_TRANSITIONS: Record<ExternalStatus, readonly ExternalStatus[]> = {
  proposed: ['active', 'ended'],
  active: ['ended'],
  ended: [],
  referred: ['accepted', 'declined', 'returned'],
  accepted: ['returned'],
  declined: [],
  returned: [],
};
export const EXTERNAL_FIRST_STATUS: Record<ExternalKind, ExternalStatus> = { joint_investigation: 'proposed', ncu_referral: 'referred' };

export const INTERNATIONAL_DIRECTIONS = ['outgoing', 'incoming'] as const;
export const INTERNATIONAL_CHANNELS = ['mlat', 'icpo', 'network_24_7', 'police_to_police', 'other'] as const;
export const INTERNATIONAL_STATUSES = ['drafting', 'sent', 'acknowledged', 'answered', 'closed', 'refused'] as const;
export type InternationalStatus = (typeof INTERNATIONAL_STATUSES)[number];
/** The request's own life, whichever side sent it: an incoming one starts as sent (received). */
export const INTERNATIONAL_TRANSITIONS: Record<InternationalStatus, readonly InternationalStatus[]> = {
  drafting: ['sent', 'closed'],
  sent: ['acknowledged', 'answered', 'refused'],
  acknowledged: ['answered', 'refused'],
  answered: ['closed'],
  refused: ['closed'],
  closed: [],
};

/** ISO 3166-1 alpha-2, the 249 officially assigned codes. */
export const COUNTRY_CODES = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/);
const COUNTRY_SET = new Set(COUNTRY_CODES);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const SupportRequestInput = z.object({ kind: z.enum(SUPPORT_KINDS), text: text(5000), deadlineAt: z.iso.datetime() }).strict();
export type SupportRequestInput = z.infer<typeof SupportRequestInput>;
/** A decline needs its reason (`cooperation.reason_required`); other answers may carry a note. */
export const SupportAnswerInput = z.object({ to: z.enum(['accepted', 'declined', 'done']), reason: optionalText(2000) }).strict();
export type SupportAnswerInput = z.infer<typeof SupportAnswerInput>;

export const SharedObservable = z.object({ value: text(2000), count: z.number().int().min(1).max(1_000_000_000).optional() }).strict();
export const ExternalCooperationInput = z
  .object({
    kind: z.enum(EXTERNAL_KINDS),
    counterpart: z.enum([...PREFECTURES, NCU]),
    summary: text(10_000),
    sharedObservables: z.array(SharedObservable).max(500).default([]),
    contactName: optionalText(200),
  })
  .strict()
  .refine((input) => (input.kind === 'ncu_referral') === (input.counterpart === NCU), {
    path: ['counterpart'],
    message: 'an NCU referral goes to the NCU; a joint investigation to a prefecture',
  });
export type ExternalCooperationInput = z.infer<typeof ExternalCooperationInput>;
export const ExternalCooperationUpdate = z
  .object({ status: z.enum(EXTERNAL_STATUSES).optional(), note: text(5000), contactName: z.string().trim().max(200).optional() })
  .strict();
export type ExternalCooperationUpdate = z.infer<typeof ExternalCooperationUpdate>;

const CountryCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine((code) => COUNTRY_SET.has(code), { message: 'not an ISO 3166-1 alpha-2 country code' });
export const InternationalRequestInput = z
  .object({
    direction: z.enum(INTERNATIONAL_DIRECTIONS),
    countryCode: CountryCode,
    agency: text(200),
    channel: z.enum(INTERNATIONAL_CHANNELS),
    text: text(10_000),
    deadlineAt: z.iso.datetime().nullable().default(null),
    ourReference: optionalText(100),
    theirReference: optionalText(100),
  })
  .strict();
export type InternationalRequestInput = z.infer<typeof InternationalRequestInput>;
export const InternationalRequestUpdate = z
  .object({
    status: z.enum(INTERNATIONAL_STATUSES).optional(),
    note: text(5000),
    ourReference: z.string().trim().max(100).optional(),
    theirReference: z.string().trim().max(100).optional(),
  })
  .strict();
export type InternationalRequestUpdate = z.infer<typeof InternationalRequestUpdate>;

export const CooperationEvent = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string(),
  actorId: z.string().nullable(),
  at: z.string(),
});
export const SupportRequestView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  /** Withheld (null) for a sensitive case: the addressed unit sees only its number until it helps. */
  caseTitle: z.string().nullable(),
  requesterUnitId: z.string().nullable(),
  targetUnitId: z.string(),
  requestedBy: z.string(),
  kind: z.enum(SUPPORT_KINDS),
  text: z.string(),
  deadlineAt: z.string(),
  status: z.enum(SUPPORT_STATUSES),
  allowedTransitions: z.array(z.enum(SUPPORT_STATUSES)),
  declineReason: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  history: z.array(CooperationEvent),
});
export type SupportRequestView = z.infer<typeof SupportRequestView>;
export const ExternalCooperationView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(EXTERNAL_KINDS),
  counterpart: z.string(),
  status: z.enum(EXTERNAL_STATUSES),
  allowedTransitions: z.array(z.enum(EXTERNAL_STATUSES)),
  summary: z.string(),
  sharedObservables: z.array(SharedObservable),
  contactName: z.string(),
  recordedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(CooperationEvent),
});
export type ExternalCooperationView = z.infer<typeof ExternalCooperationView>;
export const InternationalRequestView = z.object({
  id: z.string(),
  caseId: z.string(),
  direction: z.enum(INTERNATIONAL_DIRECTIONS),
  countryCode: z.string(),
  agency: z.string(),
  channel: z.enum(INTERNATIONAL_CHANNELS),
  text: z.string(),
  deadlineAt: z.string().nullable(),
  status: z.enum(INTERNATIONAL_STATUSES),
  allowedTransitions: z.array(z.enum(INTERNATIONAL_STATUSES)),
  ourReference: z.string(),
  theirReference: z.string(),
  recordedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(CooperationEvent),
});
export type InternationalRequestView = z.infer<typeof InternationalRequestView>;

export const CaseCooperation = z.object({
  /** The unit support requests go to (the cyber division), if it exists. */
  cyberDivisionUnitId: z.string().nullable(),
  supportRequests: z.array(SupportRequestView),
  external: z.array(ExternalCooperationView),
  international: z.array(InternationalRequestView),
});
export type CaseCooperation = z.infer<typeof CaseCooperation>;
export const SupportRequestList = z.object({ items: z.array(SupportRequestView) });
export const SupportRequestListQuery = z.object({
  status: z.enum(['open', 'all', ...SUPPORT_STATUSES]).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const SupportRequestParams = z.object({ supportRequestId: z.string().max(64) });
export const CooperationRecordParams = z.object({ caseId: z.string().max(64), recordId: z.string().max(64) });
