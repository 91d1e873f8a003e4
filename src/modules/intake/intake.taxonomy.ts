// The intake taxonomy (../shared/domain/japan.md §10): first-level categories match the NPA and
// prefectural 相談 statistics, so counts roll up; sub-categories serve the Ibaraki measures.
// Pure data, shared with the web UI; labels live in the ja/en catalogues under `intake.*`.
export const ITEM_KINDS = ['report', 'consultation', 'tip'] as const;
export const REPORTER_TYPES = ['individual', 'organisation'] as const;

export const CATEGORIES = {
  fraud: ['fake_shop', 'auction_fleamarket', 'billing_scam', 'support_scam', 'sns_investment_romance', 'other'],
  unauthorized_access_malware: [
    'account_takeover',
    'ib_illegal_transfer',
    'ransomware',
    'no_ware_ransom',
    'phishing',
    'defacement',
    'ddos',
    'data_leak',
    'targeted_email',
    'iot_abuse',
    'other',
  ],
  spam: [],
  defamation_harassment: ['defamation', 'threat', 'doxxing'],
  illegal_harmful_info: [],
  credit_card_fraud: ['card_number_theft', 'counterfeit', 'other'],
  crime_infrastructure: ['sms_auth_proxy', 'account_trading', 'sim_trading', 'crime_recruitment'],
  other: [],
} as const satisfies Record<string, readonly string[]>;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as [Category, ...Category[]];

/** Internet Hotline Center categories for illegal and harmful information (japan.md §4). */
export const IHC_CATEGORIES = [
  'obscene_display',
  'csam',
  'prostitution_solicitation',
  'dating_site_act',
  'drug_incitement',
  'controlled_drug_ad',
  'designated_drug_ad',
  'bankbook_trading',
  'phone_trading',
  'phishing_request',
  'credential_posting',
  'illegal_lending_ad',
  'firearm_possession',
  'crime_recruitment',
  'illegal_gambling',
  'serious_crime_related',
  'serious_crime_suspected',
  'suicide_inducement',
] as const;

export const CHANNELS = [
  'web_portal',
  'phone',
  'walk_in',
  'mail',
  'email',
  'npa_online',
  'phishing_110',
  'ihc',
  'cyber_patrol',
  'internal_lead',
  'agency_referral',
] as const;
/** Channels an officer records at a station; the public portal is always `web_portal`. */
export const STATION_CHANNELS = ['phone', 'walk_in', 'mail', 'email', 'npa_online', 'phishing_110', 'ihc', 'agency_referral'] as const;

/** How a 相談 ends (相談取扱 rules, japan.md §2c), plus the queue's own endings. */
export const OUTCOMES = [
  'advised',
  'prevention_guidance',
  'warning_issued',
  'referred_external',
  'case_opened',
  'monitoring',
  'duplicate',
  'no_action',
] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const STATUSES = ['received', 'queued', 'in_progress', 'monitoring', 'closed', 'merged', 'case_opened'] as const;
/** What the reporter sees: 受付済み, 確認中, 担当部署へ引継ぎ, 対応済み. */
export const PUBLIC_STAGES = ['received', 'reviewing', 'handed_over', 'done'] as const;

export const PAYMENT_METHODS = ['bank_transfer', 'crypto', 'prepaid_card', 'credit_card', 'e_money', 'cash_delivery', 'other'] as const;
export const MESSAGE_CHANNELS = ['sms', 'email', 'sns', 'phone', 'other'] as const;
export const INDUSTRIES = [
  'manufacturing',
  'wholesale_retail',
  'services',
  'medical_welfare',
  'construction',
  'information_communications',
  'finance_insurance',
  'transport',
  'education',
  'public_sector',
  'other',
] as const;
export const ORG_SIZES = ['large', 'sme', 'organization'] as const;
export const INFECTION_VECTORS = ['vpn', 'rdp', 'email', 'other', 'unknown'] as const;
export const BACKUP_STATES = ['none', 'intact', 'encrypted_too', 'unknown'] as const;
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const CONTACT_PREFERENCES = ['phone', 'email', 'none'] as const;

/** Years a reporter's contact details are kept; stated on the form. */
export const CONTACT_RETENTION_YEARS = 3;
