import type { z } from 'zod';
import type { NotificationView } from '../../../../src/modules/notifications/notifications.contract.ts';
import { NotificationList } from '../../../../src/modules/notifications/notifications.contract.ts';
import { api } from '../../app/api.ts';

export type Notice = z.infer<typeof NotificationView>;
export type Notices = z.infer<typeof NotificationList>;

export const notificationsApi = {
  list: () => api.get('/api/notifications', NotificationList),
  markRead: (notificationId: string) => api.command('POST', `/api/notifications/${encodeURIComponent(notificationId)}/read`),
};
