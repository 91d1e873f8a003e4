import { z } from 'zod';

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationList = z.object({ items: z.array(NotificationView), unread: z.number().int() });
export const NotificationIdParams = z.object({ notificationId: z.string().max(64) });
