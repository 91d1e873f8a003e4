import type { AuditLog } from './audit/index.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { Logger } from './logger.ts';

/** What every module's services are built from; each service takes only the parts it uses. */
export type KernelDeps = { database: Database; clock: Clock; audit: AuditLog; config: Config; logger: Logger };
