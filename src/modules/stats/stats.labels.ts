// Names for the codes statistics count by (categories, statuses, priorities, kinds), in the words
// the screens use: read from the web catalogues, which hold every label once.
import { readFileSync } from 'node:fs';
import type { Locale } from '#kernel/i18n/index.ts';

const cache = new Map<Locale, Record<string, string>>();

function catalogue(locale: Locale): Record<string, string> {
  let found = cache.get(locale);
  if (!found) {
    found = JSON.parse(readFileSync(new URL(`../../../web/src/i18n/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
    cache.set(locale, found);
  }
  return found;
}

/** The label of `code` under `prefix` (e.g. intake.category), or the code itself when there is none. */
export function labelOf(locale: Locale, prefix: string, code: string): string {
  return catalogue(locale)[`${prefix}.${code}`] ?? code;
}
