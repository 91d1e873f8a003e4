// Composition root: config → database → services → HTTP app. The CLI builds services the same way.
import { sql } from 'kysely';
import { createAuditLog } from '#kernel/audit/index.ts';
import { SYSTEM_ACTOR, can } from '#kernel/auth/index.ts';
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
import { createBlobStore } from '#kernel/files/index.ts';
import { createMailer, type Mailer } from '#kernel/mail/index.ts';
import { createCasesService, createEvidenceService, registerCasesRoutes, registerEvidenceRoutes } from '#modules/cases/index.ts';
import { createGraphService, registerGraphRoutes } from '#modules/graph/index.ts';
import { createCooperationService, registerCooperationRoutes } from '#modules/cases/index.ts';
import { createCaseTimelineService, registerCaseTimelineRoutes } from '#modules/cases/index.ts';
import { createIntakeService, registerIntakeRoutes, registerPublicIntakeRoutes } from '#modules/intake/index.ts';
import { createNotificationsService, registerNotificationsRoutes } from '#modules/notifications/index.ts';
import { createObservablesService, registerObservablesRoutes } from '#modules/observables/index.ts';
import { registerSearchRoutes } from '#modules/search/index.ts';
import { registerStatsRoutes } from '#modules/stats/index.ts';
import { createThreatsService, registerThreatsRoutes } from '#modules/threats/index.ts';
import {
  createSharingService,
  registerMispFeedRoutes,
  registerSharingRoutes,
  registerTaxiiRoutes,
  registerTaxiiSubscriptionRoutes,
  startTaxiiPolling,
} from '#modules/sharing/index.ts';
import { createUnitsService, registerUnitsRoutes } from '#modules/units/index.ts';
import { createSourceAliases } from '#kernel/hidden-ref.ts';
import { createInstallationSecrets } from '#kernel/secrets.ts';

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: KernelDeps, mailer: Mailer) {
  const credentials = createCredentialCache();
  const secrets = createInstallationSecrets(deps.database.db, deps.clock);
  const units = createUnitsService(deps, () => users);
  const users = createUsersService(deps, (unitId) => units.exists(unitId), credentials);
  const blobs = createBlobStore(deps.config.filesDir);
  const observables = createObservablesService(deps, () => secrets.get('card_hash_key'));
  const notifications = createNotificationsService(deps, mailer);
  const cases = createCasesService(
    deps,
    { unitExists: (unitId) => units.exists(unitId), userExists: (userId) => users.exists(userId) },
    { observables, notifications, hiddenRefs: createSourceAliases(() => secrets.get('graph_alias_key')) },
  );
  const intake = createIntakeService(deps, { blobs, secrets, observables, units, users, cases, notifications });
  const cooperation = createCooperationService(deps, { cases, units, users, notifications });
  const evidence = createEvidenceService(deps, {
    blobs,
    cases,
    notifications,
    units,
    users: { isActive: async (userId) => (await users.contactsOf([userId])).length > 0 },
    usersOfUnit: async (unitId) => (await users.listOfUnit(unitId)).filter((u) => !u.disabled).map((u) => u.id),
  });
  const threats = createThreatsService(deps, cases);
  const sharing = createSharingService(deps, { observables, cases });
  const timeline = createCaseTimelineService(deps, {
    cases,
    // Intake's rule for opening an item (intake.read, and read_all or the item's unit).
    mayOpenReport: (actor, report) =>
      can(actor, 'intake.read') &&
      (can(actor, 'intake.read_all') || (actor.unitId !== null && (report.assignedUnitId === actor.unitId || report.stationUnitId === actor.unitId))),
  });
  const graph = createGraphService(deps, () => secrets.get('graph_alias_key'), { cases, intake, observables });
  return {
    deps,
    blobs,
    sessions: createSessionsService(deps, credentials),
    tokens: createTokensService(deps, credentials),
    users,
    units,
    audit: createAuditService(deps),
    observables,
    notifications,
    cases,
    evidence,
    cooperation,
    intake,
    graph,
    threats,
    timeline,
    sharing,
  };
}

export type Koban = {
  config: Config;
  database: Database;
  services: Services;
  logger: Logger;
  deps(): KernelDeps;
  /** Timers: triage left-overs, escalation of overdue items, mail delivery, stale upload clean-up. */
  startBackgroundJobs(): () => void;
  close(): Promise<void>;
};

/** Opens the database, applies migrations and builds services. */
export async function openKoban(config: Config, options: { clock?: Clock; logger?: Logger; database?: Database } = {}): Promise<Koban> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = options.database ?? createDatabase(config);
  await migrateToLatest(database);
  const deps: KernelDeps = { database, clock, audit: createAuditLog({ dialect: database.dialect, clock }), config, logger };
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const services = createServices(deps, mailer);
  if (config.seedUnits) await services.units.seedIfEmpty(SYSTEM_ACTOR);
  let stopJobs: () => void = () => undefined;
  return {
    config,
    database,
    services,
    logger,
    deps: () => deps,
    startBackgroundJobs() {
      stopJobs = startJobs(services, config, logger);
      return stopJobs;
    },
    async close() {
      stopJobs();
      await services.intake.stop();
      mailer.close();
      await database.close();
    },
  };
}

function startJobs(services: Services, config: Config, logger: Logger): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await services.intake.triagePending();
      await services.intake.escalateOverdue();
      await services.cooperation.escalateOverdueSupport();
      await services.cooperation.remindOverdueInternational();
      await services.intake.purgeExpiredContacts();
      await services.notifications.deliverPending();
      await services.blobs.sweepTemp(3_600_000);
    } catch (error) {
      logger.error({ err: error }, 'background job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.escalationIntervalSeconds * 1000);
  timer.unref();
  void tick();
  // TAXII polls run on their own timer: a slow remote server must not hold up escalations and mail.
  const stopTaxiiPolling = startTaxiiPolling(services.sharing.taxii.subscriptions, logger);
  return () => {
    clearInterval(timer);
    stopTaxiiPolling();
  };
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
      registerNotificationsRoutes(app, services.notifications);
      registerCasesRoutes(app, services.cases);
      registerCooperationRoutes(app, services.cooperation);
      registerCaseTimelineRoutes(app, services.timeline);
      registerEvidenceRoutes(app, services.evidence, services.blobs, config, async ({ users }) => {
        const contacts = await services.users.contactsOf(users);
        return new Map(contacts.map((u) => [u.id, u.displayName]));
      });
      registerGraphRoutes(app, services.graph);
      registerThreatsRoutes(app, services.threats);
      registerSearchRoutes(app, services.cases, services.intake);
      registerStatsRoutes(
        app,
        services.cases,
        services.intake,
        () => services.units.list(),
        services.deps.clock,
        (range) => services.threats.ransomwareSummary(range),
      );
      registerIntakeRoutes(app, services.intake, services.blobs, config);
      registerPublicIntakeRoutes(app, services.intake, services.blobs, services.units, config);
      registerSharingRoutes(app, services.sharing, config.publicUrl);
      registerMispFeedRoutes(app, services.sharing);
      registerTaxiiRoutes(app, services.sharing.taxii);
      registerTaxiiSubscriptionRoutes(app, services.sharing.taxii.subscriptions);
    },
  });
}
