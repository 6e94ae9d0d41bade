import type { AddressInfo } from 'node:net';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An SMTP server on loopback, for the tests: it keeps what arrives, or fails on demand. */
export interface SmtpSink {
  url: string;
  /** What arrived, parsed, with the envelope's recipient. */
  messages: Array<{ to: string; mail: ParsedMail }>;
  /** While true, every message is refused with a temporary error (a server in trouble). */
  failing: boolean;
  /** The messages to one address. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

/** Starts the sink on 127.0.0.1, on a free port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    messages: [],
    failing: false,
    to: (address) => sink.messages.filter((m) => m.to === address).map((m) => m.mail),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!sink.failing) return callback();
      const error = new Error('Service temporairement indisponible') as Error & {
        responseCode: number;
      };
      error.responseCode = 421;
      return callback(error);
    },
    onData(stream, session, callback) {
      // Parsed before the server answers: once the sender's promise resolves, it is here.
      simpleParser(stream).then(
        (mail) => {
          for (const to of session.envelope.rcptTo) sink.messages.push({ to: to.address, mail });
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
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
