// Notifications: in-app notices per user and an e-mail outbox delivered over SMTP with retries.
// Other modules write notices inside their own transactions through `notify`.
export * from './notifications.contract.ts';
export { registerNotificationsRoutes } from './notifications.routes.ts';
export { createNotificationsService, type Notice, type NotificationsService } from './notifications.service.ts';
