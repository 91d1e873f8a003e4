import { formatDateTime, type Language } from '../../i18n/i18n.tsx';

/** 2026/11/25 09:30 JST: an instant to the minute, always in Japan time. */
export function formatMinute(language: Language, iso: string | null): string {
  return formatDateTime(language, iso, { seconds: false });
}
