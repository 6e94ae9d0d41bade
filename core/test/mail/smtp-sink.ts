import type { AddressInfo } from 'node:net';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps what it receives. */
export interface SmtpSink {
  url: string;
  /** Messages received, parsed, with the envelope's recipients. */
  received: Array<{ rcptTo: string[]; mail: ParsedMail }>;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on 127.0.0.1, on a free port. A message is in `received` before the
 * server answers the DATA command, so once `send` resolves it can be inspected. Recipients in
 * `refuse` are rejected (550), as a full mailbox would be.
 */
export async function startSmtpSink(refuse: readonly string[] = []): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address)) {
        const error = new Error('Boîte aux lettres pleine') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ rcptTo: session.envelope.rcptTo.map((to) => to.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
