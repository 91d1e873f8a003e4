// Row types of the cooperation tables (filled in by the cooperation work).
export type CooperationTables = Record<never, never>;
