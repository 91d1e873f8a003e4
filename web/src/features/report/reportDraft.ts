// The report form as the citizen fills it in (every field a string or a tick), which questions
// follow from the chosen category, and the PublicReportInput built from it. Only the sections
// on screen are sent, so answers to a category chosen earlier do not travel with the report.
import type { z } from 'zod';
import type { PublicReportInput } from '../../../../src/modules/intake/intake.contract.ts';
import {
  BACKUP_STATES,
  CATEGORIES,
  type CONTACT_PREFERENCES,
  IHC_CATEGORIES,
  INDUSTRIES,
  INFECTION_VECTORS,
  ITEM_KINDS,
  MESSAGE_CHANNELS,
  ORG_SIZES,
  PAYMENT_METHODS,
  REPORTER_TYPES,
  YES_NO_UNKNOWN,
  type Category,
} from '../../../../src/modules/intake/intake.taxonomy.ts';

export type ReportBody = z.input<typeof PublicReportInput>;
/** The body before validation: any key may still be missing. */
export type ReportCandidate = { [K in keyof ReportBody]?: ReportBody[K] | undefined };
export type ItemKind = (typeof ITEM_KINDS)[number];
export type ReporterType = (typeof REPORTER_TYPES)[number];
export type Subcategory = (typeof CATEGORIES)[Category][number];
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
export type DetailSection = 'fraud' | 'phishing' | 'account' | 'incident' | 'defamation' | 'illegal';

/** The most URLs one defamation report lists (DefamationDetails.urls). */
export const DEFAMATION_MAX_URLS = 20;
export const SUMMARY_MAX_LENGTH = 200;

export type ReportDraft = {
  kind: ItemKind | '';
  reporterType: ReporterType | '';
  category: Category | '';
  subcategory: string;
  summary: string;
  description: string;
  occurredOn: string;
  stationUnitId: string;
  fraud: { amountYen: string; paymentMethod: string; destinationAccount: string; wallet: string; siteOrAccount: string; transferOngoing: boolean };
  phishing: { receivedVia: string; sender: string; messageText: string; url: string; credentialsEntered: boolean };
  account: { service: string; accountId: string; noticedHow: string; moneyLost: boolean };
  incident: {
    organisationName: string;
    industry: string;
    orgSize: string;
    systemsHit: string;
    infectionVector: string;
    ransomNote: string;
    encryptedExtension: string;
    doubleExtortion: string;
    ransomDemanded: string;
    backups: string;
    operationsStopped: boolean;
  };
  defamation: { platform: string; urls: string };
  illegal: { url: string; ihcCategory: string };
  contact: { name: string; phone: string; email: string; address: string; preferred: ContactPreference };
  consent: boolean;
  /** The honeypot: people never see it, so it stays empty unless a bot fills it. */
  website: string;
};

export function emptyDraft(): ReportDraft {
  return {
    kind: '',
    reporterType: '',
    category: '',
    subcategory: '',
    summary: '',
    description: '',
    occurredOn: '',
    stationUnitId: '',
    fraud: { amountYen: '', paymentMethod: '', destinationAccount: '', wallet: '', siteOrAccount: '', transferOngoing: false },
    phishing: { receivedVia: '', sender: '', messageText: '', url: '', credentialsEntered: false },
    account: { service: '', accountId: '', noticedHow: '', moneyLost: false },
    incident: {
      organisationName: '',
      industry: '',
      orgSize: '',
      systemsHit: '',
      infectionVector: '',
      ransomNote: '',
      encryptedExtension: '',
      doubleExtortion: '',
      ransomDemanded: '',
      backups: '',
      operationsStopped: false,
    },
    defamation: { platform: '', urls: '' },
    illegal: { url: '', ihcCategory: '' },
    contact: { name: '', phone: '', email: '', address: '', preferred: 'phone' },
    consent: false,
    website: '',
  };
}

export function subcategoriesOf(category: Category | ''): readonly Subcategory[] {
  return category === '' ? [] : CATEGORIES[category];
}

const PHISHING_LIKE: readonly string[] = ['phishing', 'targeted_email'];
const ACCOUNT_LOSS: readonly string[] = ['account_takeover', 'ib_illegal_transfer'];
const BUSINESS_INCIDENTS: readonly string[] = ['ransomware', 'no_ware_ransom', 'defacement', 'ddos', 'data_leak', 'iot_abuse'];

/** The follow-up questions for a category and sub-category, in the order they are shown. */
export function detailSectionsFor(category: Category | '', subcategory: string): DetailSection[] {
  switch (category) {
    case 'fraud':
      return ['fraud'];
    case 'unauthorized_access_malware':
      if (PHISHING_LIKE.includes(subcategory)) return ['phishing'];
      if (ACCOUNT_LOSS.includes(subcategory)) return ['account', 'fraud'];
      if (BUSINESS_INCIDENTS.includes(subcategory)) return ['incident'];
      return [];
    case 'spam':
      return ['phishing'];
    case 'defamation_harassment':
      return ['defamation'];
    case 'illegal_harmful_info':
      return ['illegal'];
    case 'credit_card_fraud':
    case 'crime_infrastructure':
    case 'other':
    case '':
      return [];
  }
}

/** Ransom questions (note, demand, double extortion) apply to these sub-categories only. */
export function isRansomIncident(subcategory: string): boolean {
  return subcategory === 'ransomware' || subcategory === 'no_ware_ransom';
}

/** Contact details: required for 相談, optional for 通報, never asked for 情報提供. */
export function contactNeedOf(kind: ItemKind | ''): 'required' | 'optional' | 'none' {
  switch (kind) {
    case 'consultation':
      return 'required';
    case 'report':
      return 'optional';
    case 'tip':
    case '':
      return 'none';
  }
}

export function hasContactDetails(draft: ReportDraft): boolean {
  const { name, phone, email, address } = draft.contact;
  return [name, phone, email, address].some((value) => value.trim() !== '');
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Yen as typed on a phone: full-width digits, commas, 円 and ¥ are fine. NaN when not a number. */
export function parseYen(raw: string): number | undefined {
  const cleaned = raw.normalize('NFKC').replace(/[\s,円¥]/g, '');
  if (cleaned === '') return undefined;
  return /^\d{1,13}$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** One URL a line; blank lines dropped. */
export function urlLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function detailsOf(draft: ReportDraft, sections: readonly DetailSection[]): NonNullable<ReportBody['details']> {
  const { fraud, phishing, account, incident, defamation, illegal } = draft;
  const ransom = isRansomIncident(draft.subcategory);
  const amountYen = parseYen(fraud.amountYen);
  const urls = urlLines(defamation.urls);
  return {
    occurredOn: text(draft.occurredOn),
    fraud: sections.includes('fraud')
      ? {
          amountYen,
          paymentMethod: oneOf(PAYMENT_METHODS, fraud.paymentMethod),
          destinationAccount: text(fraud.destinationAccount),
          wallet: text(fraud.wallet),
          siteOrAccount: text(fraud.siteOrAccount),
          transferOngoing: fraud.transferOngoing || undefined,
        }
      : undefined,
    phishing: sections.includes('phishing')
      ? {
          receivedVia: oneOf(MESSAGE_CHANNELS, phishing.receivedVia),
          sender: text(phishing.sender),
          messageText: text(phishing.messageText),
          url: text(phishing.url),
          credentialsEntered: phishing.credentialsEntered || undefined,
        }
      : undefined,
    account: sections.includes('account')
      ? { service: text(account.service), accountId: text(account.accountId), noticedHow: text(account.noticedHow), moneyLost: account.moneyLost || undefined }
      : undefined,
    incident: sections.includes('incident')
      ? {
          organisationName: text(incident.organisationName),
          industry: oneOf(INDUSTRIES, incident.industry),
          orgSize: oneOf(ORG_SIZES, incident.orgSize),
          systemsHit: text(incident.systemsHit),
          infectionVector: oneOf(INFECTION_VECTORS, incident.infectionVector),
          ransomNote: ransom ? text(incident.ransomNote) : undefined,
          encryptedExtension: draft.subcategory === 'ransomware' ? text(incident.encryptedExtension) : undefined,
          doubleExtortion: ransom ? oneOf(YES_NO_UNKNOWN, incident.doubleExtortion) : undefined,
          ransomDemanded: ransom ? oneOf(YES_NO_UNKNOWN, incident.ransomDemanded) : undefined,
          backups: oneOf(BACKUP_STATES, incident.backups),
          operationsStopped: incident.operationsStopped || undefined,
        }
      : undefined,
    defamation: sections.includes('defamation') ? { platform: text(defamation.platform), urls: urls.length > 0 ? urls : undefined } : undefined,
    illegal: sections.includes('illegal') ? { url: text(illegal.url), ihcCategory: oneOf(IHC_CATEGORIES, illegal.ihcCategory) } : undefined,
  };
}

/**
 * The JSON part of the submission, before validation. Unset choices stay undefined, so the shared
 * schema reports them as missing; contact details go only with a kind that takes them.
 */
export function buildReportCandidate(draft: ReportDraft): ReportCandidate {
  const sections = detailSectionsFor(draft.category, draft.subcategory);
  const withContact = contactNeedOf(draft.kind) !== 'none' && hasContactDetails(draft);
  const { contact } = draft;
  return {
    kind: oneOf(ITEM_KINDS, draft.kind),
    reporterType: oneOf(REPORTER_TYPES, draft.reporterType),
    category: draft.category === '' ? undefined : draft.category,
    subcategory: text(draft.subcategory),
    summary: draft.summary,
    description: draft.description,
    details: detailsOf(draft, sections),
    stationUnitId: text(draft.stationUnitId),
    contact: withContact
      ? { name: contact.name, phone: text(contact.phone), email: text(contact.email), address: text(contact.address), preferred: contact.preferred }
      : undefined,
    consent: withContact ? draft.consent : false,
    website: draft.website === '' ? undefined : draft.website,
  };
}

/** The parts of a draft that hold a group of answers. */
export type DraftPart = 'fraud' | 'phishing' | 'account' | 'incident' | 'defamation' | 'illegal' | 'contact';

export type DraftEditor = {
  draft: ReportDraft;
  set: (change: Partial<ReportDraft>) => void;
  setPart: <P extends DraftPart>(part: P, change: Partial<ReportDraft[P]>) => void;
};
