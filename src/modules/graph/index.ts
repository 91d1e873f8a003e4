// Link graph (M2.2a): cases, reports, observables and attack groups as nodes, expanded one hop at
// a time with a cap per expansion; a case or report the viewer may not open is shown only by its
// owner unit. Uses: cases and intake (need-to-know), observables (sightings), threats (attribution).
// It stores nothing of its own.
export * from './graph.contract.ts';
export { graphErrors } from './graph.errors.ts';
export { registerGraphRoutes } from './graph.routes.ts';
export { createGraphService, type GraphService } from './graph.service.ts';
