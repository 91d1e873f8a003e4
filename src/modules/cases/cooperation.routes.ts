// Routes of working across units. Visibility is decided in the service (the case's need-to-know,
// or the unit a support request is addressed to), not only by role.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '#kernel/http/index.ts';
import { CaseIdParams } from './cases.contract.ts';
import {
  CaseCooperation,
  CooperationRecordParams,
  ExternalCooperationInput,
  ExternalCooperationUpdate,
  ExternalCooperationView,
  InternationalRequestInput,
  InternationalRequestUpdate,
  InternationalRequestView,
  SupportAnswerInput,
  SupportRequestInput,
  SupportRequestList,
  SupportRequestListQuery,
  SupportRequestParams,
  SupportRequestView,
} from './cooperation.contract.ts';
import type { CooperationService } from './cooperation.service.ts';

const tags = ['cases', 'cooperation'];

export function registerCooperationRoutes(base: FastifyInstance, cooperation: CooperationService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/cases/:caseId/cooperation',
    { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, response: { 200: CaseCooperation } } },
    async (request) => cooperation.ofCase(requireAuth(request).actor, request.params.caseId, request.id),
  );
  app.post(
    '/api/cases/:caseId/support-requests',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: SupportRequestInput, response: { 201: SupportRequestView } } },
    async (request, reply) =>
      reply.status(201).send(await cooperation.requestSupport(requireAuth(request).actor, request.params.caseId, request.body, request.id)),
  );
  app.get(
    '/api/support-requests',
    { config: { access: 'case.read' }, schema: { tags, querystring: SupportRequestListQuery, response: { 200: SupportRequestList } } },
    async (request) => cooperation.supportAddressedTo(requireAuth(request).actor, request.query),
  );
  app.post(
    '/api/support-requests/:supportRequestId/answer',
    { config: { access: 'case.write' }, schema: { tags, params: SupportRequestParams, body: SupportAnswerInput, response: { 200: SupportRequestView } } },
    async (request) => cooperation.answerSupport(requireAuth(request).actor, request.params.supportRequestId, request.body, request.id),
  );
  app.post(
    '/api/cases/:caseId/external-cooperation',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: ExternalCooperationInput, response: { 201: ExternalCooperationView } } },
    async (request, reply) =>
      reply.status(201).send(await cooperation.recordExternal(requireAuth(request).actor, request.params.caseId, request.body, request.id)),
  );
  app.post(
    '/api/cases/:caseId/external-cooperation/:recordId/updates',
    {
      config: { access: 'case.write' },
      schema: { tags, params: CooperationRecordParams, body: ExternalCooperationUpdate, response: { 200: ExternalCooperationView } },
    },
    async (request) => cooperation.updateExternal(requireAuth(request).actor, request.params.caseId, request.params.recordId, request.body, request.id),
  );
  app.post(
    '/api/cases/:caseId/international-requests',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: InternationalRequestInput, response: { 201: InternationalRequestView } } },
    async (request, reply) =>
      reply.status(201).send(await cooperation.recordInternational(requireAuth(request).actor, request.params.caseId, request.body, request.id)),
  );
  app.post(
    '/api/cases/:caseId/international-requests/:recordId/updates',
    {
      config: { access: 'case.write' },
      schema: { tags, params: CooperationRecordParams, body: InternationalRequestUpdate, response: { 200: InternationalRequestView } },
    },
    async (request) => cooperation.updateInternational(requireAuth(request).actor, request.params.caseId, request.params.recordId, request.body, request.id),
  );
}
