// Subscriptions to remote TAXII collections: list, create, change, delete, and poll now.
// All need sharing.exchange; secrets go in and never come out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '#kernel/http/index.ts';
import {
  PollResultView,
  SubscriptionChanges,
  SubscriptionInput,
  SubscriptionList,
  SubscriptionParams,
  SubscriptionView,
} from './taxii-subscriptions.contract.ts';
import { presentPollResult, presentSubscription } from './taxii-subscriptions.presenter.ts';
import type { TaxiiSubscriptions } from './taxii-subscriptions.service.ts';

const tags = ['sharing'];
const config = { access: 'sharing.exchange' } as const;
const PATH = '/api/sharing/taxii-subscriptions';

export function registerTaxiiSubscriptionRoutes(base: FastifyInstance, subscriptions: TaxiiSubscriptions): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(PATH, { config, schema: { tags, response: { 200: SubscriptionList } } }, async (request) => ({
    items: (await subscriptions.list()).map((row) => presentSubscription(request.locale, row)),
  }));
  app.post(PATH, { config, schema: { tags, body: SubscriptionInput, response: { 201: SubscriptionView } } }, async (request, reply) => {
    const row = await subscriptions.create(requireAuth(request).actor, request.body, request.id);
    return reply.status(201).send(presentSubscription(request.locale, row));
  });
  app.get(`${PATH}/:subscriptionId`, { config, schema: { tags, params: SubscriptionParams, response: { 200: SubscriptionView } } }, async (request) =>
    presentSubscription(request.locale, await subscriptions.get(request.params.subscriptionId)),
  );
  app.patch(
    `${PATH}/:subscriptionId`,
    { config, schema: { tags, params: SubscriptionParams, body: SubscriptionChanges, response: { 200: SubscriptionView } } },
    async (request) =>
      presentSubscription(request.locale, await subscriptions.update(requireAuth(request).actor, request.params.subscriptionId, request.body, request.id)),
  );
  app.delete(`${PATH}/:subscriptionId`, { config, schema: { tags, params: SubscriptionParams } }, async (request, reply) => {
    await subscriptions.remove(requireAuth(request).actor, request.params.subscriptionId, request.id);
    return reply.status(204).send();
  });
  app.post(`${PATH}/:subscriptionId/poll`, { config, schema: { tags, params: SubscriptionParams, response: { 200: PollResultView } } }, async (request) => {
    const { result, subscription } = await subscriptions.poll(request.params.subscriptionId);
    return presentPollResult(request.locale, result, subscription);
  });
}
