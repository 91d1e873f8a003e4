// Offline warning lists for extracted observables.
export { maskCard, WARNING_LIST_STATS, warningFor } from './warning-lists.ts';
export type { WarningListName } from './warning-lists.ts';
