// Threats (M2.2a): the catalogue of attack groups, ransomware families and malware, case
// attribution, ransomware profiles and the NPA-style ransomware summary, as one service.
import type { KernelDeps } from '#kernel/services.ts';
import type { CasesService } from '#modules/cases/index.ts';
import { createCaseAttribution } from './threats.attribution.ts';
import { createThreatCatalogue } from './threats.catalogue.ts';
import { ransomwareSummary } from './threats.summary.ts';

export function createThreatsService(deps: Pick<KernelDeps, 'database' | 'clock' | 'audit'>, cases: CasesService) {
  return {
    ...createThreatCatalogue(deps, cases),
    ...createCaseAttribution(deps, cases),
    /** Counts over cases recognised in [from, to) (UTC instants); for the statistics module too. */
    ransomwareSummary: (range: { from: string; to: string }) => ransomwareSummary(deps.database.db, range),
  };
}

export type ThreatsService = ReturnType<typeof createThreatsService>;
