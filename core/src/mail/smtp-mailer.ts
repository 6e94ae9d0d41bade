import type { MailMessage, MailOutcome } from '@preau/sdk';
import type { Knex } from 'knex';

import type { Mailer } from './mailer.js';
import { checkMessage } from './message-checks.js';
import { findRecipient } from './recipients.js';
import type { MailTransport } from './transport.js';

/**
 * Core's mailer: checks the message, looks the recipient up in the directory (plugins never
 * see addresses), refuses pupils, people without an address and non-members of the école, and
 * hands the message to the transport with the platform's sender.
 *
 * @example
 * ```ts
 * const mailer = new SmtpMailer(knex, config.mail.from, createMailTransport(config, log, clock));
 * await mailer.send({ ecoleId, toPersonId, subject: 'Bonjour', text: '…' });
 * ```
 */
export class SmtpMailer implements Mailer {
  constructor(
    private readonly knex: Knex,
    private readonly from: string,
    private readonly transport: MailTransport,
  ) {}

  async send(message: MailMessage): Promise<MailOutcome> {
    const headers = checkMessage(message);
    const recipient = await findRecipient(this.knex, message.toPersonId, message.ecoleId);
    if ('refused' in recipient) return { sent: false, reason: recipient.refused };
    await this.transport.deliver({
      from: this.from,
      to: recipient.address,
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
      headers,
    });
    return { sent: true };
  }

  close(): void {
    this.transport.close();
  }
}
