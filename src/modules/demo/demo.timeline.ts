// The demo year on the instance's clock: a fixed calendar (2026, Japan time), when reports arrive,
// and a small scheduler that runs timed steps in order while the clock is moved forward to each.
import type { Random } from './demo.random.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** 2026-01-01 00:00 JST to 2026-12-01 00:00 JST. */
export const DEMO_YEAR_START = Date.UTC(2025, 11, 31, 15);
export const DEMO_YEAR_END = Date.UTC(2026, 10, 30, 15);
/** The ransomware wave: June 2026 (JST). */
export const RANSOMWARE_WAVE = { start: Date.UTC(2026, 4, 31, 15), end: Date.UTC(2026, 5, 30, 15) };

export type DemoClock = { now(): Date; set(date: Date): void };

/** A time in [start, end), mostly in Japanese office hours. */
export function arrivalBetween(random: Random, start: number, end: number): number {
  const days = Math.max(1, Math.floor((end - start) / DAY_MS));
  const day = start + random.int(0, days - 1) * DAY_MS;
  const hourJst = random.weighted([
    [random.int(8, 18), 8],
    [random.int(19, 23), 2],
    [random.int(0, 7), 1],
  ] as const);
  return day + hourJst * HOUR_MS + random.int(0, 59) * 60_000 + random.int(0, 59) * 1000;
}

export const hoursLater = (at: number, hours: number) => at + Math.round(hours * HOUR_MS);

type Step = { at: number; seq: number; run(): Promise<void> };

/** Steps run in time order (ties in the order they were added), each with the clock set to its time. */
export function createScheduler(clock: DemoClock) {
  const steps: Step[] = [];
  let seq = 0;
  return {
    add(at: number, run: () => Promise<void>): void {
      if (at >= DEMO_YEAR_END) return;
      const step = { at, seq: (seq += 1), run };
      let low = 0;
      let high = steps.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        const other = steps[mid];
        if (other && (other.at < at || (other.at === at && other.seq < step.seq))) low = mid + 1;
        else high = mid;
      }
      steps.splice(low, 0, step);
    },
    async runUntil(until: number): Promise<void> {
      while (steps.length > 0 && (steps[0]?.at ?? Infinity) <= until) {
        const step = steps.shift();
        if (!step) break;
        clock.set(new Date(step.at));
        await step.run();
      }
    },
  };
}
