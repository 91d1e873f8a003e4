// Audit: list the hash-chained audit log and verify it. Entries are written by kernel/audit in the
// same transaction as each change; this module only reads.
export * from './audit.contract.ts';
export { registerAuditRoutes } from './audit.routes.ts';
export { createAuditService, describeVerdict, type AuditService } from './audit.service.ts';
