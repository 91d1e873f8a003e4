// Intake (M2.1a, M2.1b, M3.1): the public reporting portal, station consultations, triage with
// routing rules and deadlines, the queue, and escalation of overdue items.
// Uses: observables (extraction, correlation), units, accounts (contacts), cases (事件化), notifications.
export * from './intake.contract.ts';
export * from './intake.taxonomy.ts';
export { intakeErrors } from './intake.errors.ts';
export { registerIntakeRoutes } from './intake.routes.ts';
export { registerPublicIntakeRoutes } from './intake.public-routes.ts';
export { createIntakeService, REPORT_SOURCE, type IntakeService } from './intake.service.ts';
export { DEFAULT_ROUTING_RULES, decideRoute } from './intake.routing.ts';
export { solveChallenge } from './proof-of-work.ts';
