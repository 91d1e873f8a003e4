// Observables (M2.2a, M2.1b, M5.3e, M5.3h): extraction of indicators from Japanese and English
// text, canonical values, warning lists, offline enrichment, sightings and correlation over them.
// It does not know cases or reports: sources are (type, id, owner unit, restricted) pairs.
export * from './observables.contract.ts';
export { extractObservables, type ExtractOptions } from './extract/extract.ts';
export { canonicalize, canonicalizeAs } from './canonicalize.ts';
export { registerObservablesRoutes } from './observables.routes.ts';
export { createObservablesService, MAX_LOOKUP_VALUES, MAX_TEXT_CHARS, type ObservablesService, type SourceRef } from './observables.service.ts';
export type { SightingInput } from './sightings.writer.ts';
export { hostFactsOf } from './observables.relations.ts';
