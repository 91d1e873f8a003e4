// A sharing group's MISP feed over HTTP (M5.1, M5.4c): what `koban misp feed` writes to a
// directory — manifest.json, one <uuid>.json per event, hashes.csv — served at
// /misp-feeds/<group id>/ for a MISP instance to subscribe to. MISP sends the member's token in an
// Authorization header configured on the feed (bearer, or basic with the token as password), the
// same token as for TAXII; a member reads only its own group's feed.
import type { FastifyInstance } from 'fastify';
import { AppError } from '#kernel/errors.ts';
import { mispFeedFiles } from './misp/index.ts';
import { sharingErrors } from './sharing.errors.ts';
import type { SharingService } from './sharing.service.ts';
import { resolvePrincipal } from './taxii/taxii.auth.ts';

const FILE = /^(?:manifest\.json|hashes\.csv|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json)$/;

export function registerMispFeedRoutes(app: FastifyInstance, sharing: SharingService): void {
  app.get<{ Params: { groupId: string; file: string } }>(
    '/misp-feeds/:groupId/:file',
    { config: { access: 'public', ownBearerTokens: true } },
    async (request, reply) => {
      const { groupId, file } = request.params;
      const principal = await resolvePrincipal(request, (token) => sharing.groups.authenticate(token));
      // Another group's feed answers as if it did not exist, so that members cannot find groups.
      if (principal.kind === 'member' && principal.member.groupId !== groupId) throw new AppError(sharingErrors.group_not_found, { groupId });
      if (!FILE.test(file)) throw new AppError(sharingErrors.group_not_found, { groupId });
      const files = mispFeedFiles(await sharing.mispEvents(groupId));
      const content = files.get(file);
      if (content === undefined) throw new AppError(sharingErrors.group_not_found, { groupId });
      return reply.header('content-type', file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8').send(content);
    },
  );
}
