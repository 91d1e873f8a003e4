import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActorOf } from '#kernel/auth/index.ts';
import { requireAuth } from '#kernel/http/index.ts';
import { CreateUserInput, UpdateUserInput, UserIdParams, UserList, UserSummary, UserWithPassword } from './accounts.contract.ts';
import type { UsersService } from './users.service.ts';

const tags = ['users'];

export function registerUsersRoutes(base: FastifyInstance, users: UsersService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get('/api/users', { config: { access: 'user.read' }, schema: { tags, response: { 200: UserList } } }, async () => ({ items: await users.list() }));

  app.get('/api/users/:userId', { config: { access: 'user.read' }, schema: { tags, params: UserIdParams, response: { 200: UserSummary } } }, async (request) =>
    users.get(request.params.userId),
  );

  app.post(
    '/api/users',
    { config: { access: 'user.manage' }, schema: { tags, body: CreateUserInput, response: { 201: UserWithPassword } } },
    async (request, reply) => {
      const created = await users.create(auditActorOf(requireAuth(request).actor), request.body, request.id);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/users/:userId',
    { config: { access: 'user.manage' }, schema: { tags, params: UserIdParams, body: UpdateUserInput, response: { 200: UserSummary } } },
    async (request) =>
      users.update(auditActorOf(requireAuth(request).actor), requireAuth(request).actor.userId, request.params.userId, request.body, request.id),
  );

  app.post(
    '/api/users/:userId/reset-password',
    { config: { access: 'user.manage' }, schema: { tags, params: UserIdParams, response: { 200: UserWithPassword } } },
    async (request) => users.resetPassword(auditActorOf(requireAuth(request).actor), request.params.userId, request.id),
  );
}
