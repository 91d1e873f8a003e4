// Row types of the evidence tables (filled in by the evidence work).
export type EvidenceTables = Record<never, never>;
