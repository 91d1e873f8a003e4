// Statistics (M2.1, M3.2): counts by category, status, unit and Japanese month, hand-off times,
// JSON and CSV. Uses: cases, intake.
export * from './stats.contract.ts';
export { registerStatsRoutes } from './stats.routes.ts';
