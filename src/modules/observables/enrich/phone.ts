// Line type of a Japanese phone number from its E.164 form: libphonenumber-js (max metadata) plus the
// number-class prefixes used in Japan (総務省 numbering plan, see shared/domain/japan.md §5).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { JP_AREA_REGIONS } from './phone-areas.ts';

export type PhoneLineKind = 'mobile' | 'fixed' | 'ip_050' | 'toll_free' | 'navi_dial' | 'm2m' | 'other';

export interface PhoneLineType {
  readonly kind: PhoneLineKind;
  /** Fixed lines: 市外局番 with its leading 0 (029, 03, 0296). */
  readonly areaCode?: string;
  /** Fixed lines: main places of that area code in Japanese, when the area code is in the table. */
  readonly region?: string;
}

/** Prefix classes on the national significant number (without the trunk 0), longest first. */
const PREFIX_CLASSES: readonly (readonly [string, PhoneLineKind])[] = [
  ['120', 'toll_free'],
  ['800', 'toll_free'],
  ['570', 'navi_dial'],
  ['50', 'ip_050'],
  ['60', 'mobile'],
  ['70', 'mobile'],
  ['80', 'mobile'],
  ['90', 'mobile'],
  ['20', 'm2m'],
];

/**
 * Line type of an E.164 number. Japanese numbers (+81) get the Japanese classes; a fixed line also gets its
 * area code (from libphonenumber's national format, whose first group is the 市外局番) and a region name.
 * Other countries: mobile / fixed / toll_free from libphonenumber, otherwise 'other'.
 */
export function phoneLineType(e164: string): PhoneLineType {
  const compact = e164.replace(/[\s\-()]/g, '');
  if (!/^\+\d{6,15}$/.test(compact)) return { kind: 'other' };
  if (compact.startsWith('+81')) {
    const national = compact.slice(3);
    for (const [prefix, kind] of PREFIX_CLASSES) if (national.startsWith(prefix)) return { kind };
  }
  const parsed = parsePhoneNumberFromString(compact);
  if (!parsed) return { kind: 'other' };
  const type = parsed.getType();
  if (parsed.countryCallingCode !== '81') {
    if (type === 'MOBILE') return { kind: 'mobile' };
    if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return { kind: 'fixed' };
    if (type === 'TOLL_FREE') return { kind: 'toll_free' };
    return { kind: 'other' };
  }
  switch (type) {
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE': {
      const area = /^(0\d{1,4})-/.exec(parsed.formatNational())?.[1];
      if (!area) return { kind: 'fixed' };
      const region = JP_AREA_REGIONS[area];
      return region ? { kind: 'fixed', areaCode: area, region } : { kind: 'fixed', areaCode: area };
    }
    case 'MOBILE':
      return { kind: 'mobile' };
    case 'VOIP':
      return { kind: 'ip_050' };
    case 'TOLL_FREE':
      return { kind: 'toll_free' };
    case 'UAN':
      return { kind: 'navi_dial' };
    case 'PREMIUM_RATE':
    case 'SHARED_COST':
    case 'PERSONAL_NUMBER':
    case 'PAGER':
    case 'VOICEMAIL':
    case undefined:
      return { kind: 'other' };
  }
}
