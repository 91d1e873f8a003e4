// Link graph routes (M2.2a). What a node shows is decided in the service by need-to-know.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '#kernel/http/index.ts';
import { GraphAccessRequestInput, GraphAccessRequestView, Neighbourhood, NeighboursQuery } from './graph.contract.ts';
import type { GraphService } from './graph.service.ts';

const tags = ['graph'];

export function registerGraphRoutes(base: FastifyInstance, graph: GraphService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/graph/neighbours',
    { config: { access: 'case.read' }, schema: { tags, querystring: NeighboursQuery, response: { 200: Neighbourhood } } },
    async (request) => graph.neighbours(requireAuth(request).actor, request.query.node, request.query.limit, request.id),
  );
  app.post(
    '/api/graph/access-requests',
    { config: { access: 'case.read' }, schema: { tags, body: GraphAccessRequestInput, response: { 201: GraphAccessRequestView } } },
    async (request, reply) => reply.status(201).send(await graph.requestAccess(requireAuth(request).actor, request.body.node, request.body.reason, request.id)),
  );
}
