// Cases (M2.2, M3.x): the investigation record. Today: the minimal case that intake opens.
export { CASE_STATUSES, createCasesService, type CasesService, type OpenCaseInput } from './cases.service.ts';
