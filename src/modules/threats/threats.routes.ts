// Threat catalogue, case attribution, ransomware profile and summary routes. Case need-to-know is
// decided by the cases module inside the service, not only by role.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '#kernel/errors.ts';
import { requireAuth } from '#kernel/http/index.ts';
import { CaseIdParams } from '#modules/cases/index.ts';
import {
  AliasInput,
  AttributionInput,
  AttributionParams,
  CaseAttributionList,
  RansomwareProfileInput,
  RansomwareProfileView,
  RansomwareSummary,
  RansomwareSummaryQuery,
  ThreatAliasParams,
  ThreatChanges,
  ThreatDetail,
  ThreatInput,
  ThreatList,
  ThreatListQuery,
  ThreatParams,
} from './threats.contract.ts';
import { threatErrors } from './threats.errors.ts';
import { tokyoRange } from './threats.range.ts';
import type { ThreatsService } from './threats.service.ts';

const tags = ['threats'];

export function registerThreatsRoutes(base: FastifyInstance, threats: ThreatsService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const detail = { 200: ThreatDetail };

  app.get(
    '/api/threats',
    { config: { access: 'threat.read' }, schema: { tags, querystring: ThreatListQuery, response: { 200: ThreatList } } },
    async (request) => threats.list(request.query),
  );
  app.post(
    '/api/threats',
    { config: { access: 'threat.manage' }, schema: { tags, body: ThreatInput, response: { 201: ThreatDetail } } },
    async (request, reply) => reply.status(201).send(await threats.create(requireAuth(request).actor, request.body, request.id)),
  );
  app.get(
    '/api/threats/ransomware-summary',
    { config: { access: 'stats.read' }, schema: { tags, querystring: RansomwareSummaryQuery, response: { 200: RansomwareSummary } } },
    async (request) => {
      const { from, to } = request.query;
      const range = tokyoRange(from, to);
      if (!range) throw new AppError(threatErrors.invalid_range, { from, to });
      return { from, to, ...(await threats.ransomwareSummary(range)) };
    },
  );
  app.get('/api/threats/:threatId', { config: { access: 'threat.read' }, schema: { tags, params: ThreatParams, response: detail } }, async (request) =>
    threats.detail(requireAuth(request).actor, request.params.threatId),
  );
  app.patch(
    '/api/threats/:threatId',
    { config: { access: 'threat.manage' }, schema: { tags, params: ThreatParams, body: ThreatChanges, response: detail } },
    async (request) => threats.update(requireAuth(request).actor, request.params.threatId, request.body, request.id),
  );
  app.post(
    '/api/threats/:threatId/aliases',
    { config: { access: 'threat.manage' }, schema: { tags, params: ThreatParams, body: AliasInput, response: detail } },
    async (request) => threats.addAlias(requireAuth(request).actor, request.params.threatId, request.body.alias, request.id),
  );
  app.delete(
    '/api/threats/:threatId/aliases/:alias',
    { config: { access: 'threat.manage' }, schema: { tags, params: ThreatAliasParams, response: detail } },
    async (request) => threats.removeAlias(requireAuth(request).actor, request.params.threatId, request.params.alias, request.id),
  );

  app.get(
    '/api/cases/:caseId/attributions',
    { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, response: { 200: CaseAttributionList } } },
    async (request) => threats.attributions(requireAuth(request).actor, request.params.caseId, request.id),
  );
  app.post(
    '/api/cases/:caseId/attributions',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: AttributionInput, response: { 200: CaseAttributionList } } },
    async (request) => threats.attribute(requireAuth(request).actor, request.params.caseId, request.body, request.id),
  );
  app.delete(
    '/api/cases/:caseId/attributions/:threatId',
    { config: { access: 'case.write' }, schema: { tags, params: AttributionParams, response: { 200: CaseAttributionList } } },
    async (request) => threats.removeAttribution(requireAuth(request).actor, request.params.caseId, request.params.threatId, request.id),
  );
  app.get(
    '/api/cases/:caseId/ransomware',
    { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, response: { 200: RansomwareProfileView } } },
    async (request) => threats.ransomwareProfile(requireAuth(request).actor, request.params.caseId, request.id),
  );
  app.put(
    '/api/cases/:caseId/ransomware',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, body: RansomwareProfileInput, response: { 200: RansomwareProfileView } } },
    async (request) => threats.saveRansomwareProfile(requireAuth(request).actor, request.params.caseId, request.body, request.id),
  );
}
