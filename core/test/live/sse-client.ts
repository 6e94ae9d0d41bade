import { request, type IncomingHttpHeaders } from 'node:http';

/** One server-sent event as a browser would dispatch it. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * A server-sent events client over real HTTP, reading `GET /api/live` the way a browser's
 * EventSource does (fields, blank line per event, comments ignored), so the tests see the
 * stream and not hapi's inject buffer. Its `ended` settles when the server ends the response.
 */
export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  /** Everything received so far, raw (comments and `retry:` included). */
  raw(): string;
  /** The next event (waiting for it); events not yet read are queued. */
  next(): Promise<SseEvent>;
  /** Settles when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(
  baseUrl: string,
  cookie: string | null,
  path = '/api/live',
): Promise<SseClient> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        headers: {
          accept: 'text/event-stream',
          'accept-encoding': 'gzip, deflate',
          ...(cookie ? { cookie } : {}),
        },
      },
      (response) => {
        let text = '';
        let buffer = '';
        const queue: SseEvent[] = [];
        const waiting: Array<(event: SseEvent) => void> = [];
        let endedResolve: () => void = () => undefined;
        const ended = new Promise<void>((done) => (endedResolve = done));
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = parseBlock(block);
            if (!event) continue;
            const waiter = waiting.shift();
            if (waiter) waiter(event);
            else queue.push(event);
          }
        });
        response.on('end', endedResolve);
        response.on('close', endedResolve);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          raw: () => text,
          next: () => {
            const queued = queue.shift();
            if (queued) return Promise.resolve(queued);
            return new Promise((deliver) => waiting.push(deliver));
          },
          ended,
          close: () => outgoing.destroy(),
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** An event block's fields; null for a block with no data (a comment, `retry:` alone). */
function parseBlock(block: string): SseEvent | null {
  let event = 'message';
  const data: string[] = [];
  let id: string | null = null;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  return data.length > 0 ? { event, data: data.join('\n'), id } : null;
}
