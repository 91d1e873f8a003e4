// Composition root: config → database → services → HTTP app. The CLI builds services the same way.
import { sql } from 'kysely';
import { createAuditLog } from '#kernel/audit/index.ts';
import { SYSTEM_ACTOR } from '#kernel/auth/index.ts';
import { systemClock, type Clock } from '#kernel/clock.ts';
import type { Config } from '#kernel/config.ts';
import { createDatabase, migrateToLatest, type Database } from '#kernel/db/index.ts';
import { createApp } from '#kernel/http/index.ts';
import { createLogger, type Logger } from '#kernel/logger.ts';
import type { KernelDeps } from '#kernel/services.ts';
import {
  createCredentialCache,
  createSessionsService,
  createTokensService,
  createUsersService,
  registerAuthRoutes,
  registerTokensRoutes,
  registerUsersRoutes,
} from '#modules/accounts/index.ts';
import { createAuditService, registerAuditRoutes } from '#modules/audit/index.ts';
import { createObservablesService, registerObservablesRoutes } from '#modules/observables/index.ts';
import { createUnitsService, registerUnitsRoutes } from '#modules/units/index.ts';
import { createInstallationSecrets } from '#kernel/secrets.ts';

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: KernelDeps) {
  const credentials = createCredentialCache();
  const secrets = createInstallationSecrets(deps.database.db, deps.clock);
  const units = createUnitsService(deps, () => users);
  const users = createUsersService(deps, (unitId) => units.exists(unitId), credentials);
  return {
    deps,
    sessions: createSessionsService(deps, credentials),
    tokens: createTokensService(deps, credentials),
    users,
    units,
    audit: createAuditService(deps),
    observables: createObservablesService(deps, () => secrets.get('card_hash_key')),
  };
}

export type Koban = { config: Config; database: Database; services: Services; logger: Logger; deps(): KernelDeps; close(): Promise<void> };

/** Opens the database, applies migrations and builds services. */
export async function openKoban(config: Config, options: { clock?: Clock; logger?: Logger; database?: Database } = {}): Promise<Koban> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = options.database ?? createDatabase(config);
  await migrateToLatest(database);
  const deps: KernelDeps = { database, clock, audit: createAuditLog({ dialect: database.dialect, clock }), config, logger };
  const services = createServices(deps);
  if (config.seedUnits) await services.units.seedIfEmpty(SYSTEM_ACTOR);
  return { config, database, services, logger, deps: () => deps, close: () => database.close() };
}

export async function buildHttpApp(koban: Koban) {
  const { services, config, logger, database } = koban;
  return createApp({
    config,
    logger,
    authenticator: services.sessions,
    isReady: async () => {
      try {
        await sql`select 1`.execute(database.db);
        return true;
      } catch {
        return false;
      }
    },
    registerRoutes: (app) => {
      registerAuthRoutes(app, services.sessions, config);
      registerUsersRoutes(app, services.users);
      registerTokensRoutes(app, services.tokens);
      registerUnitsRoutes(app, services.units);
      registerAuditRoutes(app, services.audit);
      registerObservablesRoutes(app, services.observables);
    },
  });
}
