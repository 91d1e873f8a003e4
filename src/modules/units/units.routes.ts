import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActorOf } from '#kernel/auth/index.ts';
import { requireAuth } from '#kernel/http/index.ts';
import { CreateUnitInput, GeneralManagerView, SetLiaisonInput, UnitDetail, UnitIdParams, UnitList, UnitView, UpdateUnitInput } from './units.contract.ts';
import type { UnitsService } from './units.service.ts';

const tags = ['units'];

export function registerUnitsRoutes(base: FastifyInstance, units: UnitsService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get('/api/units', { config: { access: 'unit.read' }, schema: { tags, response: { 200: UnitList } } }, async () => ({ items: await units.list() }));

  app.get('/api/units/general-manager', { config: { access: 'unit.read' }, schema: { tags, response: { 200: GeneralManagerView } } }, async () =>
    units.getGeneralManager(),
  );

  app.put(
    '/api/units/general-manager',
    { config: { access: 'unit.liaison.manage' }, schema: { tags, body: SetLiaisonInput, response: { 200: GeneralManagerView } } },
    async (request) => units.setGeneralManager(auditActorOf(requireAuth(request).actor), request.body.userId, request.id),
  );

  app.get('/api/units/:unitId', { config: { access: 'unit.read' }, schema: { tags, params: UnitIdParams, response: { 200: UnitDetail } } }, async (request) =>
    units.getWithMembers(request.params.unitId),
  );

  app.post('/api/units', { config: { access: 'unit.manage' }, schema: { tags, body: CreateUnitInput, response: { 201: UnitView } } }, async (request, reply) =>
    reply.status(201).send(await units.create(auditActorOf(requireAuth(request).actor), request.body, request.id)),
  );

  app.patch(
    '/api/units/:unitId',
    { config: { access: 'unit.manage' }, schema: { tags, params: UnitIdParams, body: UpdateUnitInput, response: { 200: UnitView } } },
    async (request) => units.update(auditActorOf(requireAuth(request).actor), request.params.unitId, request.body, request.id),
  );

  app.put(
    '/api/units/:unitId/liaison',
    { config: { access: 'unit.liaison.manage' }, schema: { tags, params: UnitIdParams, body: SetLiaisonInput, response: { 200: UnitView } } },
    async (request) => units.setLiaison(auditActorOf(requireAuth(request).actor), request.params.unitId, request.body.userId, request.id),
  );
}
