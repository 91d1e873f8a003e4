// Search (M2.2a, M3.2): Japanese full-text search across cases and reports, filtered per viewer.
// Uses: cases, intake.
export * from './search.contract.ts';
export { registerSearchRoutes } from './search.routes.ts';
