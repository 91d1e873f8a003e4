export { createAuditLog, hashAuditEntry, GENESIS_HASH, type AuditActor, type AuditInput, type AuditLog } from './audit-log.ts';
export { canonicalJson } from './canonical.ts';
export { verifyAuditChain, verifyRecordedHead, type ChainHead, type ChainVerdict, type ChainProblem } from './verify-chain.ts';
