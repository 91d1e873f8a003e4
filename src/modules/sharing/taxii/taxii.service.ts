// The TAXII side of sharing: the server (read side and pushes) and the subscriptions Koban polls.
import type { KernelDeps } from '#kernel/services.ts';
import type { Logger } from '#kernel/logger.ts';
import type { SharingGroups } from '../groups/groups.service.ts';
import { createTaxiiSubscriptions, type TaxiiSubscriptions } from './taxii-subscriptions.service.ts';
import { createTaxiiPush, type ImportObjects } from './taxii.push.ts';
import { createTaxiiServer } from './taxii.server.ts';

export function createTaxiiService(
  deps: Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'>,
  parts: { groups: Pick<SharingGroups, 'authenticate'>; importObjects: ImportObjects; fetchImpl?: typeof fetch },
) {
  const server = createTaxiiServer(deps);
  return {
    server,
    authenticateMember: parts.groups.authenticate,
    addObjects: createTaxiiPush(deps, server, parts.importObjects),
    subscriptions: createTaxiiSubscriptions({ ...deps, ...(parts.fetchImpl ? { fetchImpl: parts.fetchImpl } : {}) }, parts.importObjects),
  };
}

export type TaxiiService = ReturnType<typeof createTaxiiService>;

const POLL_CHECK_MS = 30_000;

/** The background job: every 30 s, polls the subscriptions that are due. Returns its stop function. */
export function startTaxiiPolling(subscriptions: Pick<TaxiiSubscriptions, 'pollDue'>, logger: Logger, intervalMs = POLL_CHECK_MS): () => void {
  const tick = async () => {
    try {
      for (const { subscriptionId, result } of await subscriptions.pollDue())
        if (!result.ok) logger.warn({ subscriptionId, code: result.error.code, details: result.error.details }, 'TAXII poll failed');
    } catch (error) {
      logger.error({ err: error }, 'TAXII polling failed');
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
