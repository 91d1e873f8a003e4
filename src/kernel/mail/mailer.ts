// Sends plain-text mail through the SMTP relay named in config. Delivery failures are thrown, not
// logged and dropped: callers keep an outbox and retry.
import { createTransport } from 'nodemailer';

export type MailMessage = { to: string[]; subject: string; text: string };

export type Mailer = {
  /** False when no SMTP relay is configured; send() then delivers nothing. */
  readonly enabled: boolean;
  /** Rejects with the SMTP error, including when the relay refuses any one recipient. */
  send(message: MailMessage): Promise<{ delivered: boolean; messageId?: string }>;
  close(): void;
};

const disabledMailer: Mailer = {
  enabled: false,
  send: () => Promise.resolve({ delivered: false }),
  close() {},
};

/** `smtpUrl` is smtp:// (STARTTLS when offered) or smtps://; nodemailer reads options such as ?pool=true from it. */
export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  if (options.smtpUrl === undefined) return disabledMailer;
  const transport = createTransport(options.smtpUrl);
  return {
    enabled: true,
    async send({ to, subject, text }) {
      const info = await transport.sendMail({ from: options.from, to, subject, text });
      // nodemailer resolves when at least one recipient was accepted; a partial refusal is still a failure.
      if (info.rejected.length > 0) {
        throw new Error(`SMTP relay refused ${info.rejected.length} of ${to.length} recipients`, { cause: info.rejectedErrors });
      }
      return { delivered: true, messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
