// Telephone numbers → E.164. Japanese numbers are validated by prefix class and length with
// libphonenumber's full metadata (a single length check would take order numbers for phones).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Emit } from './hit.ts';

const DOMESTIC = /(?<![0-9A-Za-z+./-])(?:\+81[ -]?(?:\(0\))?[ -]?|\(?0)\d{1,4}\)?(?:[ -]?\(?\d{1,4}\)?){1,3}(?![0-9A-Za-z]|-\d)/g;
const INTERNATIONAL = /(?<![0-9A-Za-z+])\+(?!81)[1-9]\d{0,2}(?:[ -]?\(?\d{1,4}\)?){2,5}(?![0-9A-Za-z]|-\d)/g;

function toE164(candidate: string, country: 'JP' | undefined): string | null {
  const parsed = parsePhoneNumberFromString(candidate, country ? { defaultCountry: country } : undefined);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

export function scanPhones(text: string, emit: Emit): void {
  for (const match of text.matchAll(DOMESTIC)) {
    const raw = match[0];
    const digits = raw.replace(/\D/g, '');
    const national = digits.startsWith('81') && raw.startsWith('+') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
    if (national.length < 10 || national.length > 11) continue;
    const value = toE164(national, 'JP');
    if (value) emit({ type: 'phone', value, start: match.index, end: match.index + raw.length });
  }
  for (const match of text.matchAll(INTERNATIONAL)) {
    const value = toE164(match[0], undefined);
    if (value) emit({ type: 'phone', value, start: match.index, end: match.index + match[0].length });
  }
}
