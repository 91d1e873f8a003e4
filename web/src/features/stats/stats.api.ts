import type { z } from 'zod';
import { StatsView } from '../../../../src/modules/stats/stats.contract.ts';
import { api } from '../../app/api.ts';

export type Stats = z.infer<typeof StatsView>;
export type StatsRange = { from: string; to: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** YYYY-MM in Japan for an instant. */
export function tokyoMonthOf(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** The month `count` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last twelve Japanese months, this one included. */
export function defaultRange(now: Date): StatsRange {
  const to = tokyoMonthOf(now);
  return { from: monthsBefore(to, 11), to };
}

export function isValidRange(range: StatsRange): boolean {
  return MONTH.test(range.from) && MONTH.test(range.to) && range.from <= range.to;
}

/** Minutes as 「2時間5分」/ "2 h 5 min"; null as a dash. */
export function durationParts(minutes: number | null): { hours: number; minutes: number } | null {
  if (minutes === null) return null;
  const rounded = Math.round(minutes);
  return { hours: Math.floor(rounded / 60), minutes: rounded % 60 };
}

const query = (range: StatsRange) => new URLSearchParams({ from: range.from, to: range.to }).toString();

export const statsApi = {
  get: (range: StatsRange) => api.get(`/api/stats?${query(range)}`, StatsView),
  csvHref: (range: StatsRange) => `/api/stats.csv?${query(range)}`,
  xlsxHref: (range: StatsRange, lang: string) => `/api/stats.xlsx?${query(range)}&lang=${lang}`,
};
