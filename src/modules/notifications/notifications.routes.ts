import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '#kernel/http/index.ts';
import { NotificationIdParams, NotificationList } from './notifications.contract.ts';
import type { NotificationsService } from './notifications.service.ts';

const tags = ['notifications'];

export function registerNotificationsRoutes(base: FastifyInstance, notifications: NotificationsService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get('/api/notifications', { config: { access: 'notification.read' }, schema: { tags, response: { 200: NotificationList } } }, async (request) =>
    notifications.listFor(requireAuth(request).actor.userId),
  );
  app.post(
    '/api/notifications/read-all',
    { config: { access: 'notification.read' }, schema: { tags, response: { 200: z.object({ updated: z.number().int() }) } } },
    async (request) => ({
      updated: await notifications.markAllRead(requireAuth(request).actor.userId),
    }),
  );
  app.post(
    '/api/notifications/:notificationId/read',
    { config: { access: 'notification.read' }, schema: { tags, params: NotificationIdParams, response: { 200: z.object({ updated: z.boolean() }) } } },
    async (request) => ({ updated: await notifications.markRead(requireAuth(request).actor.userId, request.params.notificationId) }),
  );
}
