// What the generators that follow a case after 事件化 (threats, evidence, cooperation) share: the
// case as it was opened, who else works in the prefecture, and year-wide quotas for things that
// happen only a few times a year (an NCU referral, a request abroad). Cases open in time order, so
// the same seed gives the same cases the quota's places.
import type { OpenedCase } from './demo.cases.ts';
import type { DemoOfficer } from './demo.users.ts';

export type DemoCase = OpenedCase & {
  /** When it was opened, on the demo clock (ms). */
  openedAt: number;
  /** Owned by a police station, which may then ask the cyber division for support. */
  isStationOwned: boolean;
};

export type Roster = {
  investigators: readonly DemoOfficer[];
  /** Officers of the forensic unit (情報通信部), who answer analysis requests. */
  forensic: readonly DemoOfficer[];
  forensicUnitId: string | null;
  officersOfUnit(unitId: string): DemoOfficer[];
};

/** A step after the case was opened; it runs with the demo clock set to its time. */
export type TimedStep = { afterHours: number; run(): Promise<unknown> };

export function createQuota(scale: number) {
  const taken = new Map<string, number>();
  return {
    /** True (and counted) while fewer than `atScale1 × scale` (at least one) have been taken. */
    take(label: string, atScale1: number): boolean {
      const count = taken.get(label) ?? 0;
      if (count >= Math.max(1, Math.round(atScale1 * scale))) return false;
      taken.set(label, count + 1);
      return true;
    },
    has(label: string): boolean {
      return (taken.get(label) ?? 0) > 0;
    },
  };
}
export type Quota = ReturnType<typeof createQuota>;

export const isoAt = (at: number) => new Date(at).toISOString();
