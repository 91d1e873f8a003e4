// Offline enrichment shown on an observable's page: country and AS for addresses (with the data's
// date), bank and branch names for accounts, line type for phones. No network at run time.
import type { ObservableType } from './observables.contract.ts';
import { ASN_DATA_DATE, asnOf, bankByCode, branchByCode, countryOf, GEOIP_DATA_DATE, phoneLineType } from './enrich/index.ts';

function enrichAddress(ip: string): Record<string, string> {
  const out: Record<string, string> = {};
  const country = countryOf(ip);
  if (country) out.country = country;
  const asn = asnOf(ip);
  if (asn) {
    out.asn = `AS${asn.asn}`;
    out.asOrg = asn.org;
  }
  out.geoDataDate = GEOIP_DATA_DATE;
  out.asnDataDate = ASN_DATA_DATE;
  return out;
}

function enrichBankAccount(value: string): Record<string, string> {
  const [bankCode = '', branchCode = ''] = value.split('-');
  const out: Record<string, string> = {};
  const bank = bankByCode(bankCode);
  if (bank) out.bankName = bank.name;
  const branch = branchByCode(bankCode, branchCode);
  if (branch) out.branchName = branch.name;
  return out;
}

export function enrichObservable(type: ObservableType, value: string): Record<string, string> {
  switch (type) {
    case 'ipv4':
    case 'ipv6':
      return enrichAddress(value);
    case 'cidr':
      return enrichAddress(value.slice(0, value.indexOf('/')));
    case 'bank_account_jp':
      return enrichBankAccount(value);
    case 'phone': {
      const line = phoneLineType(value);
      return { lineType: line.kind, ...(line.areaCode ? { areaCode: line.areaCode } : {}), ...(line.region ? { region: line.region } : {}) };
    }
    case 'url':
    case 'domain':
    case 'email':
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'cve':
    case 'asn':
    case 'btc':
    case 'eth':
    case 'card':
      return {};
  }
}
