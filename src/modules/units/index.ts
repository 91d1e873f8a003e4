// Units (M1.1): the unit directory — NPA and regional units, HQ departments and divisions, the
// 27 police stations — with named liaisons and the cybersecurity general manager.
// Depends on: accounts (members and liaisons are users). Support requests come in a later module.
export * from './units.contract.ts';
export { registerUnitsRoutes } from './units.routes.ts';
export { createUnitsService, GENERAL_MANAGER_POST, type UnitsService } from './units.service.ts';
export { readUnitSeed } from './units.seed.ts';
