// Request and response schemas of intake: the public portal, station consultations, the triage
// queue and routing rules. Shared with the web UI.
import { z } from 'zod';
import {
  BACKUP_STATES,
  CATEGORY_KEYS,
  CHANNELS,
  CONTACT_PREFERENCES,
  IHC_CATEGORIES,
  INDUSTRIES,
  INFECTION_VECTORS,
  ITEM_KINDS,
  MESSAGE_CHANNELS,
  ORG_SIZES,
  OUTCOMES,
  PAYMENT_METHODS,
  PRIORITIES,
  PUBLIC_STAGES,
  REPORTER_TYPES,
  STATION_CHANNELS,
  STATUSES,
  YES_NO_UNKNOWN,
} from './intake.taxonomy.ts';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional();
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/);

export const FraudDetails = z.object({
  amountYen: z.number().int().min(0).max(1_000_000_000_000).optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  destinationAccount: optionalText(500),
  wallet: optionalText(200),
  siteOrAccount: optionalText(2000),
  transferOngoing: z.boolean().optional(),
});
export const PhishingDetails = z.object({
  receivedVia: z.enum(MESSAGE_CHANNELS).optional(),
  sender: optionalText(500),
  messageText: optionalText(20_000),
  url: optionalText(2000),
  credentialsEntered: z.boolean().optional(),
});
export const AccountDetails = z.object({
  service: optionalText(200),
  accountId: optionalText(200),
  noticedHow: optionalText(2000),
  moneyLost: z.boolean().optional(),
});
export const IncidentDetails = z.object({
  organisationName: optionalText(200),
  industry: z.enum(INDUSTRIES).optional(),
  orgSize: z.enum(ORG_SIZES).optional(),
  systemsHit: optionalText(2000),
  infectionVector: z.enum(INFECTION_VECTORS).optional(),
  ransomNote: optionalText(20_000),
  encryptedExtension: optionalText(100),
  doubleExtortion: z.enum(YES_NO_UNKNOWN).optional(),
  ransomDemanded: z.enum(YES_NO_UNKNOWN).optional(),
  backups: z.enum(BACKUP_STATES).optional(),
  operationsStopped: z.boolean().optional(),
});
export const DefamationDetails = z.object({
  platform: optionalText(200),
  urls: z.array(text(2000)).max(20).optional(),
});
export const IllegalInfoDetails = z.object({
  url: optionalText(2000),
  ihcCategory: z.enum(IHC_CATEGORIES).optional(),
});
export const ItemDetails = z
  .object({
    occurredOn: dateText.optional(),
    fraud: FraudDetails.optional(),
    phishing: PhishingDetails.optional(),
    account: AccountDetails.optional(),
    incident: IncidentDetails.optional(),
    defamation: DefamationDetails.optional(),
    illegal: IllegalInfoDetails.optional(),
  })
  .strict();
export type ItemDetails = z.infer<typeof ItemDetails>;

export const Contact = z.object({
  name: text(100).min(1),
  phone: optionalText(30),
  email: z.string().trim().max(254).pipe(z.email()).optional(),
  address: optionalText(300),
  preferred: z.enum(CONTACT_PREFERENCES).default('phone'),
});
export type Contact = z.infer<typeof Contact>;

const categoryFields = {
  category: z.enum(CATEGORY_KEYS),
  subcategory: z.string().max(60).optional(),
  summary: text(200).min(1),
  description: text(20_000).default(''),
  details: ItemDetails.default({}),
};

/** What a citizen or company sends from /report (the JSON part of the multipart form). */
export const PublicReportInput = z
  .object({
    kind: z.enum(ITEM_KINDS),
    reporterType: z.enum(REPORTER_TYPES),
    ...categoryFields,
    stationUnitId: z.string().max(64).optional(),
    contact: Contact.optional(),
    consent: z.boolean().default(false),
    /** Honeypot: a field people never see; bots fill it. */
    website: z.string().max(500).optional(),
    powNonce: z.string().max(64).optional(),
    powChallenge: z.string().max(300).optional(),
  })
  .strict();
export type PublicReportInput = z.infer<typeof PublicReportInput>;

export const PublicReportForm = z.object({
  stations: z.array(z.object({ id: z.string(), nameJa: z.string(), nameEn: z.string() })),
  limits: z.object({ attachmentMaxBytes: z.number(), reportMaxBytes: z.number(), attachmentMaxFiles: z.number() }),
});
export const PublicReceipt = z.object({ receiptNo: z.string(), followUpSecret: z.string(), submittedAt: z.string(), statusUrl: z.string() });
export const PowChallenge = z.object({ required: z.boolean(), challenge: z.string(), difficultyBits: z.number().int() });

export const StatusQuery = z.object({ receiptNo: z.string().trim().max(40), secret: z.string().trim().max(200) });
export const PublicStatus = z.object({
  receiptNo: z.string(),
  stage: z.enum(PUBLIC_STAGES),
  submittedAt: z.string(),
  updatedAt: z.string(),
  additions: z.array(z.object({ at: z.string(), attachments: z.number().int() })),
});
export const PublicAdditionInput = StatusQuery.extend({ text: text(20_000).default('') });

/** A consultation an officer records at a station (相談受理). */
export const ConsultationInput = z
  .object({
    kind: z.enum(ITEM_KINDS).default('consultation'),
    reporterType: z.enum(REPORTER_TYPES),
    ...categoryFields,
    channel: z.enum(STATION_CHANNELS),
    stationUnitId: z.string().max(64).optional(),
    contact: Contact.optional(),
    consent: z.boolean().default(false),
    outcome: z.enum(OUTCOMES).optional(),
    referredAgency: optionalText(200),
    linkedItemIds: z.array(z.string().max(64)).max(50).default([]),
  })
  .strict();
export type ConsultationInput = z.infer<typeof ConsultationInput>;

export const QueueQuery = z.object({
  unitId: z.string().max(64).optional(),
  category: z.enum(CATEGORY_KEYS).optional(),
  priority: z.enum(PRIORITIES).optional(),
  status: z.enum(STATUSES).optional(),
  open: z.enum(['true', 'false']).default('true'),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional(),
});

export const QueueItem = z.object({
  id: z.string(),
  receiptNo: z.string(),
  origin: z.string(),
  kind: z.enum(ITEM_KINDS),
  category: z.string(),
  subcategory: z.string().nullable(),
  summary: z.string(),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  flags: z.array(z.string()),
  assignedUnitId: z.string().nullable(),
  claimedBy: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const QueueList = z.object({ items: z.array(QueueItem) });

export const AttachmentView = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  filename: z.string(),
  claimedType: z.string(),
  sniffedType: z.string(),
  opaque: z.boolean(),
  addedBy: z.string(),
  createdAt: z.string(),
});
export const NoteView = z.object({ id: z.string(), authorKind: z.string(), authorId: z.string().nullable(), body: z.string(), createdAt: z.string() });
export const ItemObservable = z.object({ observableId: z.number().int(), type: z.string(), value: z.string(), warning: z.string().nullable() });
export const ItemHit = z.object({
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  ownerUnitId: z.string().nullable(),
  restricted: z.boolean(),
  shared: z.number().int(),
  label: z.string().nullable(),
});

/** TLP 2.0 (FIRST): how far what is shared from a report may travel; amber unless set. */
export const REPORT_TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export const ReportMarkingInput = z.object({ tlp: z.enum(REPORT_TLP_LEVELS) });

export const ItemDetail = QueueItem.extend({
  reporterType: z.string(),
  channel: z.string(),
  tlp: z.enum(REPORT_TLP_LEVELS),
  stationUnitId: z.string().nullable(),
  description: z.string(),
  details: z.record(z.string(), z.unknown()),
  contact: Contact.nullable(),
  consentAt: z.string().nullable(),
  retentionUntil: z.string(),
  outcome: z.string().nullable(),
  referredAgency: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  ruleVersion: z.number().int().nullable(),
  ruleIds: z.array(z.string()),
  guidance: z.array(z.string()),
  triagedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  attachments: z.array(AttachmentView),
  notes: z.array(NoteView),
  links: z.array(z.object({ id: z.string(), receiptNo: z.string() })),
  observables: z.array(ItemObservable),
  hits: z.array(ItemHit),
});

export const ItemIdParams = z.object({ itemId: z.string().max(64) });
export const ReassignInput = z.object({ unitId: z.string().max(64), note: optionalText(2000) });
export const CloseInput = z.object({ outcome: z.enum(OUTCOMES), referredAgency: optionalText(200), note: optionalText(2000) });
export type CloseInput = z.infer<typeof CloseInput>;
export const MergeInput = z.object({ intoItemId: z.string().max(64) });
export const NoteInput = z.object({ body: text(20_000).min(1) });
export const OpenCaseInput = z.object({ title: text(200).min(1).optional() });
export const OpenCaseResult = z.object({ caseId: z.string(), caseNo: z.string() });
export const LinkCaseInput = z.object({ caseNo: z.string().trim().min(1).max(40) });
export const CaseItemList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      receiptNo: z.string(),
      kind: z.string(),
      category: z.string().nullable(),
      summary: z.string(),
      createdAt: z.string(),
      mayOpen: z.boolean(),
    }),
  ),
});

export const RoutingCondition = z
  .object({
    kinds: z.array(z.enum(ITEM_KINDS)).optional(),
    categories: z.array(z.enum(CATEGORY_KEYS)).optional(),
    subcategories: z.array(z.string().max(60)).optional(),
    reporterTypes: z.array(z.enum(REPORTER_TYPES)).optional(),
    correlatedWithOpenCase: z.boolean().optional(),
    transferOngoing: z.boolean().optional(),
    operationsStopped: z.boolean().optional(),
    minAmountYen: z.number().int().min(0).optional(),
  })
  .strict();
export const RoutingRule = z
  .object({
    id: z.string().regex(/^[a-z0-9_]{1,40}$/),
    when: RoutingCondition,
    /** `cyber_division`, `station` (the chosen or recording station) or a unit code. */
    route: z.string().max(64).optional(),
    priority: z.enum(PRIORITIES).optional(),
    flags: z
      .array(z.string().regex(/^[a-z0-9_]{1,40}$/))
      .max(10)
      .optional(),
    guidance: z
      .array(z.string().regex(/^[a-z0-9_]{1,40}$/))
      .max(10)
      .optional(),
  })
  .strict();
export type RoutingRule = z.infer<typeof RoutingRule>;
export const RoutingRules = z
  .object({
    rules: z.array(RoutingRule).min(1).max(200),
    /** Minutes from arrival to the deadline, per priority. */
    deadlineMinutes: z.object({
      urgent: z.number().int().min(1),
      high: z.number().int().min(1),
      normal: z.number().int().min(1),
      low: z.number().int().min(1),
    }),
  })
  .strict();
export type RoutingRules = z.infer<typeof RoutingRules>;
export const RoutingRuleSetView = z.object({
  version: z.number().int(),
  rules: RoutingRules,
  comment: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const RoutingRuleSetInput = z.object({ rules: RoutingRules, comment: text(500).min(1) });
export const RoutingRuleSetList = z.object({ items: z.array(RoutingRuleSetView) });

export const CHANNEL_KEYS = CHANNELS;
