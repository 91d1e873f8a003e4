import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActorOf } from '#kernel/auth/index.ts';
import { requireAuth } from '#kernel/http/index.ts';
import {
  CorrelationQuery,
  CorrelationResult,
  ExtractInput,
  ExtractResult,
  LookupInput,
  LookupResult,
  ObservableDetail,
  ObservableIdParams,
  ObservableMarkingInput,
  RecordTextInput,
  RecordTextResult,
  SearchQuery,
  SearchResult,
} from './observables.contract.ts';
import { enrichObservable } from './observables.enrichment.ts';
import type { ObservablesService } from './observables.service.ts';

const tags = ['observables'];
const TEXT_BODY_LIMIT = 20 * 1024 * 1024;

export function registerObservablesRoutes(base: FastifyInstance, observables: ObservablesService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/observables/extract',
    { bodyLimit: TEXT_BODY_LIMIT, config: { access: 'observable.read' }, schema: { tags, body: ExtractInput, response: { 200: ExtractResult } } },
    async (request) => ({
      items: await observables.extract(request.body.text, request.body.includeWarnings ?? false),
    }),
  );

  app.post(
    '/api/observables/sightings',
    { bodyLimit: TEXT_BODY_LIMIT, config: { access: 'observable.write' }, schema: { tags, body: RecordTextInput, response: { 201: RecordTextResult } } },
    async (request, reply) => {
      const { text, ownerUnitId, restricted, ...source } = request.body;
      const actor = requireAuth(request).actor;
      const result = await observables.recordText(
        auditActorOf(actor),
        { ...source, ownerUnitId: ownerUnitId ?? actor.unitId, restricted: restricted ?? false },
        text,
        request.id,
      );
      return reply.status(201).send({ items: result.observables, distinct: result.distinct });
    },
  );

  app.post(
    '/api/observables/lookup',
    { bodyLimit: TEXT_BODY_LIMIT, config: { access: 'observable.read' }, schema: { tags, body: LookupInput, response: { 200: LookupResult } } },
    async (request) => ({
      items: await observables.lookup(request.body.values),
    }),
  );

  app.get(
    '/api/observables/search',
    { config: { access: 'observable.read' }, schema: { tags, querystring: SearchQuery, response: { 200: SearchResult } } },
    async (request) => observables.findByValue(request.query.q),
  );

  app.get(
    '/api/observables/correlations',
    { config: { access: 'observable.read' }, schema: { tags, querystring: CorrelationQuery, response: { 200: CorrelationResult } } },
    async (request) => ({
      items: await observables.correlate(
        requireAuth(request).actor,
        request.query.sourceType,
        request.query.sourceId,
        request.query.includeWarnings === 'true',
      ),
    }),
  );

  app.get(
    '/api/observables/:observableId',
    { config: { access: 'observable.read' }, schema: { tags, params: ObservableIdParams, response: { 200: ObservableDetail } } },
    async (request) => {
      const detail = await observables.get(requireAuth(request).actor, request.params.observableId);
      return { ...detail, enrichment: enrichObservable(detail.type, detail.value) };
    },
  );

  app.patch(
    '/api/observables/:observableId',
    { config: { access: 'observable.write' }, schema: { tags, params: ObservableIdParams, body: ObservableMarkingInput, response: { 200: ObservableDetail } } },
    async (request) => {
      const actor = requireAuth(request).actor;
      await observables.setTlp(auditActorOf(actor), request.params.observableId, request.body.tlp, request.id);
      const detail = await observables.get(actor, request.params.observableId);
      return { ...detail, enrichment: enrichObservable(detail.type, detail.value) };
    },
  );
}
