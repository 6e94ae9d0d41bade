import type { MailMessage, MailOutcome } from '@preau/sdk';

/**
 * Core's e-mail sender (`ctx.mail` forwards to it once it has checked the plugin is enabled for
 * the école): looks the address up, refuses pupils, people without an address and non-members,
 * and sends through the configured SMTP server.
 */
export interface Mailer {
  send(message: MailMessage): Promise<MailOutcome>;
  /** Closes the SMTP connections. */
  close(): void;
}

/** A mailer that sends nothing (tools that build a Préau without mail); see SmtpMailer. */
export const noMailer: Mailer = {
  send: async () => ({ sent: false, reason: 'no-address' }),
  close: () => undefined,
};
