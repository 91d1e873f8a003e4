import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '#kernel/http/index.ts';
import { ApiTokenList, CreateApiTokenInput, CreatedApiToken, TokenIdParams } from './accounts.contract.ts';
import type { TokensService } from './tokens.service.ts';

const tags = ['tokens'];

export function registerTokensRoutes(base: FastifyInstance, tokens: TokensService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get('/api/tokens', { config: { access: 'token.own' }, schema: { tags, response: { 200: ApiTokenList } } }, async (request) => ({
    items: await tokens.list(requireAuth(request).actor),
  }));

  app.post(
    '/api/tokens',
    { config: { access: 'token.own' }, schema: { tags, body: CreateApiTokenInput, response: { 201: CreatedApiToken } } },
    async (request, reply) => reply.status(201).send(await tokens.create(requireAuth(request).actor, request.body, request.id)),
  );

  app.delete(
    '/api/tokens/:tokenId',
    { config: { access: 'token.own' }, schema: { tags, params: TokenIdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await tokens.revoke(requireAuth(request).actor, request.params.tokenId, request.id);
      return reply.status(204).send(null);
    },
  );
}
