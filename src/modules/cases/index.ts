// Cases (M3.2a–d, M2.2a, M1.4): the case workspace — status with history, lead, members and
// supporting units (need-to-know), notes, tasks; intake opens cases from reports (事件化).
export * from './cases.contract.ts';
export { caseErrors } from './cases.errors.ts';
export { registerCasesRoutes } from './cases.routes.ts';
export { createCasesService, type CasesService, type OpenCaseInput } from './cases.service.ts';
export * from './evidence.contract.ts';
export { evidenceErrors } from './evidence.errors.ts';
export { registerEvidenceRoutes } from './evidence.routes.ts';
export { createEvidenceService, type EvidenceService } from './evidence.service.ts';
export * from './cooperation.contract.ts';
export { cooperationErrors } from './cooperation.errors.ts';
export { registerCooperationRoutes } from './cooperation.routes.ts';
export { createCooperationService, type CooperationService } from './cooperation.service.ts';
export * from './timeline.contract.ts';
export { registerCaseTimelineRoutes } from './timeline.routes.ts';
export { createCaseTimelineService, type CaseTimelineService, type MayOpenReport } from './timeline.service.ts';
