// Threats (M2.2a): the catalogue of attack groups, ransomware families and malware (aliases found
// case- and width-insensitively), attribution of cases with a confidence, each case's ransomware
// profile in NPA's survey items, and the ransomware summary. Uses: cases (need-to-know).
// It does not fetch threat intelligence from outside; entries are seeded and kept by staff.
export * from './threats.contract.ts';
export { aliasKey } from './threats.alias-key.ts';
export { threatErrors } from './threats.errors.ts';
export { registerThreatsRoutes } from './threats.routes.ts';
export { createThreatsService, type ThreatsService } from './threats.service.ts';
export { tokyoRange } from './threats.range.ts';
export { registerImportedThreats, type ImportedThreat } from './threats.imported.ts';
