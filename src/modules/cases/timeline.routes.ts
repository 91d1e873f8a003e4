// The case timeline: GET /api/cases/:caseId/timeline?kinds=…&limit=…&before=… (newest first).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '#kernel/http/index.ts';
import { CaseIdParams } from './cases.contract.ts';
import { CaseTimeline, TimelineQuery } from './timeline.contract.ts';
import type { CaseTimelineService } from './timeline.service.ts';

const tags = ['cases'];

export function registerCaseTimelineRoutes(base: FastifyInstance, timeline: CaseTimelineService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/cases/:caseId/timeline',
    { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, querystring: TimelineQuery, response: { 200: CaseTimeline } } },
    async (request) => timeline.ofCase(requireAuth(request).actor, request.params.caseId, request.query, request.id),
  );
}
