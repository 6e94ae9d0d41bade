import { PassThrough } from 'node:stream';

import type { LiveMessage } from '@preau/sdk';

import type { LiveHub } from './hub.js';
import { eventFrame, PING_FRAME, readyFrame } from './frames.js';

/** What ends with the HTTP exchange: hapi's raw response (`request.raw.res`). */
export interface ClosingResponse {
  once(event: 'close', listener: () => void): unknown;
  /** Whether it is already over: the page may leave while its session is being checked. */
  readonly destroyed?: boolean;
  readonly socket?: { readonly destroyed: boolean } | null;
}

export interface LiveStreamsOptions {
  /** Whether a session (its stored id) is still open: checked at each ping and on logout. */
  sessionOpen(sessionId: string): Promise<boolean>;
  /** Reports a message that could not be sent (its data is not JSON). */
  onDropped(type: string, error: unknown): void;
  /** Streams kept per person; opening one more closes the oldest. */
  maxPerPerson?: number;
  /** Between two `: ping` comments. */
  pingMs?: number;
}

/** At most this many open pages per person (tabs, devices): a bound on memory per account. */
export const MAX_STREAMS_PER_PERSON = 10;
/** Proxies commonly cut a silent connection after 30 to 60 s: a comment every 25 s keeps it. */
export const PING_MS = 25_000;
/** The longest `closeAll` waits for the ended responses to leave. */
export const CLOSE_WAIT_MS = 2_000;

/**
 * The open server-sent event streams of this process, by person: each one listens to the
 * `LiveHub` for its person, writes a comment now and then so that proxies keep it open, and
 * ends when the page goes away, when its session closes, or when the server stops.
 */
export class LiveStreams {
  private readonly open = new Map<number, OpenStream[]>();
  private readonly maxPerPerson: number;
  private readonly pingMs: number;

  constructor(
    private readonly hub: LiveHub,
    private readonly options: LiveStreamsOptions,
  ) {
    this.maxPerPerson = options.maxPerPerson ?? MAX_STREAMS_PER_PERSON;
    this.pingMs = options.pingMs ?? PING_MS;
  }

  /** Opens a stream for a session's person, ended with `response` (the page went away). */
  start(personId: number, sessionId: string, response: ClosingResponse): PassThrough {
    const mine = this.open.get(personId) ?? [];
    this.open.set(personId, mine);
    while (mine.length >= this.maxPerPerson) mine[0]?.close();

    const body = new PassThrough();
    let nextId = 0;
    let ended = false;
    const gone = new Promise<void>((resolve) => {
      // 'close' already fired would never fire again: the stream would listen for nobody.
      if (response.destroyed || response.socket?.destroyed) resolve();
      else response.once('close', resolve);
    });
    const stream: OpenStream = {
      sessionId,
      gone,
      close: () => {
        if (ended) return;
        ended = true;
        clearInterval(ping);
        unlisten();
        const index = mine.indexOf(stream);
        if (index >= 0) mine.splice(index, 1);
        if (mine.length === 0 && this.open.get(personId) === mine) this.open.delete(personId);
        body.end();
      },
    };
    const send = (message: LiveMessage) => {
      if (ended) return;
      let frame: string;
      try {
        frame = eventFrame(message, ++nextId);
      } catch (error) {
        this.options.onDropped(message.type, error);
        return;
      }
      body.write(frame);
    };
    const unlisten = this.hub.listen(personId, send, stream.close);
    const ping = setInterval(() => {
      body.write(PING_FRAME);
      void this.closeIfSessionEnded(stream);
    }, this.pingMs);
    // A timer must never keep the process alive on its own.
    ping.unref();
    void gone.then(stream.close);
    mine.push(stream);
    body.write(readyFrame());
    return body;
  }

  /** A session of `personId` closed: ends the streams whose session is gone. */
  async sessionClosed(personId: number): Promise<void> {
    await Promise.all([...(this.open.get(personId) ?? [])].map((s) => this.closeIfSessionEnded(s)));
  }

  /**
   * Ends every stream and waits until their responses are over (server stopping), at most
   * `CLOSE_WAIT_MS`: hapi runs no stop timeout during `onPreStop`, so a socket that never says
   * it closed must not hold the stop forever.
   */
  async closeAll(): Promise<void> {
    const all = [...this.open.values()].flat();
    for (const stream of all) stream.close();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_WAIT_MS);
      timer.unref();
    });
    await Promise.race([Promise.all(all.map((stream) => stream.gone)), cap]);
    clearTimeout(timer);
  }

  /** How many streams are open for a person. */
  count(personId: number): number {
    return this.open.get(personId)?.length ?? 0;
  }

  private async closeIfSessionEnded(stream: OpenStream): Promise<void> {
    let open: boolean;
    try {
      open = await this.options.sessionOpen(stream.sessionId);
    } catch {
      // The database did not answer: the next ping asks again.
      return;
    }
    if (!open) stream.close();
  }
}

// Module-private helpers.

interface OpenStream {
  sessionId: string;
  /** Settles when the HTTP response is over (sent in full, or the connection lost). */
  gone: Promise<void>;
  close(): void;
}
