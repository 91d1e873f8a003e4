// Case workspace routes. Visibility is decided in the service (need-to-know), not only by role.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '#kernel/http/index.ts';
import {
  AccessDecisionInput,
  AccessRequestInput,
  AccessRequestList,
  AccessRequestParams,
  AccessRequestView,
  CaseObservables,
  CaseObservablesInput,
  CaseDetail,
  CaseIdParams,
  CaseRefParams,
  CaseList,
  CaseListQuery,
  CaseMemberParams,
  CaseNoteInput,
  CaseTaskInput,
  CaseTaskParams,
  CreateCaseInput,
  MemberInput,
  SupportUnitInput,
  TransitionInput,
  UpdateCaseInput,
} from './cases.contract.ts';
import type { CasesService } from './cases.service.ts';

const tags = ['cases'];

export function registerCasesRoutes(base: FastifyInstance, cases: CasesService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const response = { 200: CaseDetail };

  app.get('/api/cases', { config: { access: 'case.read' }, schema: { tags, querystring: CaseListQuery, response: { 200: CaseList } } }, async (request) =>
    cases.list(requireAuth(request).actor, request.query),
  );
  app.post('/api/cases', { config: { access: 'case.open' }, schema: { tags, body: CreateCaseInput, response: { 201: CaseDetail } } }, async (request, reply) =>
    reply.status(201).send(await cases.create(requireAuth(request).actor, request.body, request.id)),
  );
  app.get('/api/cases/:caseId', { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, response } }, async (request) =>
    cases.detail(requireAuth(request).actor, request.params.caseId, request.id),
  );
  app.patch(
    '/api/cases/:caseId',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: UpdateCaseInput, response } },
    async (request) => cases.update(requireAuth(request).actor, request.params.caseId, request.body, request.id),
  );
  app.post(
    '/api/cases/:caseId/status',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: TransitionInput, response } },
    async (request) =>
      cases.transition(requireAuth(request).actor, request.params.caseId, request.body.to, request.body.reason, request.body.version, request.id),
  );
  app.post(
    '/api/cases/:caseId/members',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: MemberInput, response } },
    async (request) => cases.addMember(requireAuth(request).actor, request.params.caseId, request.body.userId, request.id),
  );
  app.delete(
    '/api/cases/:caseId/members/:userId',
    { config: { access: 'case.write' }, schema: { tags, params: CaseMemberParams, response } },
    async (request) => cases.removeMember(requireAuth(request).actor, request.params.caseId, request.params.userId, request.id),
  );
  app.post(
    '/api/cases/:caseId/support-units',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: SupportUnitInput, response } },
    async (request) => cases.addSupportUnit(requireAuth(request).actor, request.params.caseId, request.body.unitId, request.id),
  );
  app.delete(
    '/api/cases/:caseId/support-units/:unitId',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams.extend({ unitId: SupportUnitInput.shape.unitId }), response } },
    async (request) => cases.removeSupportUnit(requireAuth(request).actor, request.params.caseId, request.params.unitId, request.id),
  );
  app.post(
    '/api/cases/:caseId/notes',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: CaseNoteInput, response } },
    async (request) => cases.addNote(requireAuth(request).actor, request.params.caseId, request.body.body, request.id),
  );
  app.post(
    '/api/cases/:caseId/tasks',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: CaseTaskInput, response } },
    async (request) => cases.addTask(requireAuth(request).actor, request.params.caseId, request.body, request.id),
  );
  app.get(
    '/api/cases/:caseId/observables',
    { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, response: { 200: CaseObservables } } },
    async (request) => cases.observables(requireAuth(request).actor, request.params.caseId),
  );
  app.post(
    '/api/cases/:caseId/observables',
    {
      bodyLimit: 20 * 1024 * 1024,
      config: { access: 'case.write' },
      schema: { tags, params: CaseIdParams, body: CaseObservablesInput, response: { 200: CaseObservables } },
    },
    async (request) => cases.recordObservables(requireAuth(request).actor, request.params.caseId, request.body.text, request.id),
  );
  app.post(
    '/api/cases/:caseId/access-requests',
    { config: { access: 'case.read' }, schema: { tags, params: CaseRefParams, body: AccessRequestInput, response: { 201: AccessRequestView } } },
    async (request, reply) =>
      reply.status(201).send(await cases.requestAccess(requireAuth(request).actor, request.params.caseId, request.body.reason, request.id)),
  );
  app.get(
    '/api/cases/:caseId/access-requests',
    { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, response: { 200: AccessRequestList } } },
    async (request) => cases.accessRequests(requireAuth(request).actor, request.params.caseId),
  );
  app.post(
    '/api/cases/:caseId/access-requests/:requestId',
    { config: { access: 'case.write' }, schema: { tags, params: AccessRequestParams, body: AccessDecisionInput, response: { 200: AccessRequestView } } },
    async (request) => cases.decideAccess(requireAuth(request).actor, request.params.caseId, request.params.requestId, request.body.decision, request.id),
  );
  app.post('/api/cases/:caseId/tasks/:taskId/done', { config: { access: 'case.write' }, schema: { tags, params: CaseTaskParams, response } }, async (request) =>
    cases.completeTask(requireAuth(request).actor, request.params.caseId, request.params.taskId, request.id),
  );
}
