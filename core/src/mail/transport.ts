import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

import type { Clock } from '../clock.js';
import type { PreauConfig } from '../config/schema.js';

/** A fully addressed message, as core hands it to the transport. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
}

/** Where messages go: an SMTP server, or the local outbox folder. */
export interface MailTransport {
  /** Resolves once the message is handed over; rejects when the SMTP server fails. */
  deliver(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The transport the configuration asks for: pooled SMTP when `mail.smtpUrl` is set; otherwise
 * (the embedded demo) each message is written as an .eml file in `<dataDir>/outbox/`, so one can
 * open what would have gone out in any mail client.
 */
export function createMailTransport(config: PreauConfig, log: Logger, clock: Clock): MailTransport {
  return config.mail.smtpUrl
    ? smtpTransport(config.mail.smtpUrl)
    : outboxTransport(join(config.dataDir, 'outbox'), log, clock);
}

function smtpTransport(url: string): MailTransport {
  // A pool keeps a few connections open: digests send many messages in a row. Short timeouts:
  // an unreachable server must fail the job's turn quickly (it retries), not hold it for minutes.
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  return {
    async deliver(mail) {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

function outboxTransport(folder: string, log: Logger, clock: Clock): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async deliver(mail) {
      const info = await transporter.sendMail(mail);
      await mkdir(folder, { recursive: true });
      // Sortable by time; the random part keeps two messages of one millisecond apart.
      const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
      const file = join(folder, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await writeFile(file, info.message as Buffer);
      log.info(
        { file, subject: mail.subject },
        'E-mail écrit dans la boîte d’envoi locale (aucun serveur SMTP configuré)',
      );
    },
    close: () => transporter.close(),
  };
}
