// The UI language: Japanese by default; the English choice is kept in localStorage and in the
// koban_lang cookie the server reads, so API error messages come back in the same language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import en from './en.json';
import ja from './ja.json';

export type Language = 'ja' | 'en';
export type MessageKey = keyof typeof ja;
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const CATALOGUES: Record<Language, Record<string, string>> = { ja, en };
const STORAGE_KEY = 'koban_lang';
const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

export function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

export function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be blocked; fall back to the default.
  }
  return 'ja';
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be blocked; the cookie still carries the choice to the server.
  }
  document.cookie = `${STORAGE_KEY}=${language}; path=/; max-age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Strict`;
}

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUES[language][key] ?? ja[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Looks up a key built at run time (role names, unit kinds …); unknown keys return the fallback. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ja, key);
}

type I18nValue = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
    rememberLanguage(language);
  }, [language]);

  const setLanguage = useCallback((next: Language) => setLanguageState(next), []);
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** A formatter for instants, always in Japan time whatever the browser's zone. */
export function formatDateTime(language: Language, iso: string | null, options: { seconds?: boolean } = {}): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds === false ? {} : { second: '2-digit' }),
    hour12: false,
    timeZoneName: 'short',
  }).format(date);
}
