// Offline enrichment for observables: bank/branch codes, IP country and ASN, phone line type; and the warning lists.
export { bankByCode, branchByCode, kanjiDigits, normaliseHolderKana, resolveBankName, resolveBranchName, yuchoToZengin } from './zengin.ts';
export type { BankEntry, YuchoTransferForm } from './zengin.ts';
export { countryOf, GEOIP_ATTRIBUTION, GEOIP_DATA_DATE } from './geoip.ts';
export { ASN_ATTRIBUTION, ASN_DATA_DATE, asnOf, asnTableStats } from './asn.ts';
export type { AsnInfo } from './asn.ts';
export { formatIPv4, parseIPv4 } from './ipv4.ts';
export { phoneLineType } from './phone.ts';
export type { PhoneLineKind, PhoneLineType } from './phone.ts';
export { JP_AREA_REGIONS } from './phone-areas.ts';
export { maskCard, WARNING_LIST_STATS, warningFor } from '../warning-lists/index.ts';
export type { WarningListName } from '../warning-lists/index.ts';
