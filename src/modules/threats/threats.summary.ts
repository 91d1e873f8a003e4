// The ransomware view in the shape of NPA's half-year reports: counts by victim industry and
// size, infection route, extortion method, backup, recovery, family and Japanese month. Aggregates
// only; no case is named, so it needs stats.read and no case access.
import { z } from 'zod';
import { tokyoMonth, type Executor } from '#kernel/db/index.ts';
import type { RansomwareSummary } from './threats.contract.ts';
import { extortionMethod } from './threats.presenter.ts';
import * as repo from './threats.repository.ts';

type Counts = { key: string; count: number }[];

function countBy<T>(rows: readonly T[], key: (row: T) => string): Counts {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The victim's industry or size when the case does not say. */
const UNKNOWN = 'unknown';
const StoredVictim = z.object({ industry: z.string().optional(), orgSize: z.string().optional() }).catch({});

function victimOf(text: string | null): { industry: string; orgSize: string } {
  const victim = text ? StoredVictim.parse(JSON.parse(text)) : {};
  return { industry: victim.industry || UNKNOWN, orgSize: victim.orgSize || UNKNOWN };
}

/** Not recorded: the case has no ransomware profile, or the profile leaves the item open. */
const NOT_RECORDED = 'not_recorded';

/**
 * Counts over the cases recognised (created) in [from, to): those of sub-category ransomware or
 * attributed to a ransomware family. `from`/`to` are UTC instants; the caller picks Japanese
 * month or day bounds.
 */
export async function ransomwareSummary(db: Executor, range: { from: string; to: string }): Promise<Omit<RansomwareSummary, 'from' | 'to'>> {
  const [cases, families, profiles] = await Promise.all([repo.ransomwareCasesIn(db, range), repo.familyAttributionsIn(db, range), repo.profilesIn(db, range)]);
  const included = new Set(cases.map((c) => c.id));
  const profileOf = new Map(profiles.filter((p) => included.has(p.case_id)).map((p) => [p.case_id, p]));
  const victims = cases.map((c) => victimOf(c.victim));
  const profiled = [...profileOf.values()];
  const familyRows = families.filter((f) => included.has(f.case_id));
  const names = new Map(familyRows.map((f) => [f.threat_id, f.name]));
  const attributed = new Set(familyRows.map((f) => f.case_id));
  const byFamily = countBy(familyRows, (f) => f.threat_id).map((c) => ({ ...c, name: names.get(c.key) ?? c.key }));
  const unattributed = cases.length - attributed.size;
  if (unattributed > 0) byFamily.push({ key: 'unattributed', name: 'unattributed', count: unattributed });
  return {
    total: cases.length,
    profiled: profiled.length,
    doubleExtortion: profiled.filter((p) => p.double_extortion === 1).length,
    ransomDemanded: profiled.filter((p) => p.ransom_demanded === 1).length,
    byIndustry: countBy(victims, (v) => v.industry),
    byOrgSize: countBy(victims, (v) => v.orgSize),
    byRoute: countBy(cases, (c) => profileOf.get(c.id)?.infection_route ?? NOT_RECORDED),
    byMethod: countBy(cases, (c) => {
      const profile = profileOf.get(c.id);
      return profile ? extortionMethod(profile) : NOT_RECORDED;
    }),
    byBackup: countBy(cases, (c) => profileOf.get(c.id)?.backup_state ?? NOT_RECORDED),
    byRecoveryPeriod: countBy(cases, (c) => profileOf.get(c.id)?.recovery_period ?? NOT_RECORDED),
    byRecoveryCost: countBy(cases, (c) => profileOf.get(c.id)?.recovery_cost ?? NOT_RECORDED),
    byFamily,
    byMonth: countBy(cases, (c) => tokyoMonth(c.created_at)).sort((a, b) => a.key.localeCompare(b.key)),
  };
}
