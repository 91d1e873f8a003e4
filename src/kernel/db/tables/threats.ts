// Row types of the threats tables (filled in by the threats work).
export type ThreatsTables = Record<never, never>;
