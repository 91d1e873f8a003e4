// Server-side strings (error messages, mail, CLI) in Japanese and English.
import { en } from './messages/en.ts';
import { ja } from './messages/ja.ts';

export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];
export const catalogues: Record<Locale, Record<string, string>> = { ja, en };

export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogues[locale][key] ?? catalogues.ja[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Picks the requester's language: an explicit choice first, then Accept-Language, then Japanese. */
export function pickLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  if (explicit === 'en' || explicit === 'ja') return explicit;
  if (!acceptLanguage) return 'ja';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'ja' || tag === 'en') return tag;
  }
  return 'ja';
}
export { tokyoTime } from './tokyo-time.ts';
