// Outgoing mail (duty-desk alerts, report receipts, advisories) through one SMTP relay. It sends
// plain text only and keeps no outbox: callers record what to send and retry on failure.
export { createMailer, type MailMessage, type Mailer } from './mailer.ts';
