// One search box over cases, reports and notes (M2.2a, M3.2): each module searches what the viewer
// may open, so a hit never reveals a case or report beyond the viewer's need-to-know.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '#kernel/auth/index.ts';
import { requireAuth } from '#kernel/http/index.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { IntakeService } from '#modules/intake/index.ts';
import { SearchQuery, SearchResults } from './search.contract.ts';

export function registerSearchRoutes(base: FastifyInstance, cases: CasesService, intake: IntakeService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/search',
    { config: { access: 'session' }, schema: { tags: ['search'], querystring: SearchQuery, response: { 200: SearchResults } } },
    async (request) => {
      const { actor } = requireAuth(request);
      const { q, limit } = request.query;
      const kinds = new Set(request.query.kinds.split(','));
      const items = [
        ...(kinds.has('case') && can(actor, 'case.read') ? await cases.search(actor, q, limit) : []),
        ...(kinds.has('report') && can(actor, 'intake.read') ? await intake.search(actor, q, limit) : []),
      ];
      return { items: items.slice(0, limit) };
    },
  );
}
