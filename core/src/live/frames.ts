import type { LiveMessage } from '@preau/sdk';

/**
 * The text of server-sent events (WHATWG HTML, « Server-sent events »): fields one per line,
 * a blank line ending each event. Only what `GET /api/live` writes.
 */

/** How long a browser waits before reconnecting after the stream dropped. */
export const RETRY_MS = 3000;

/** A comment line: browsers ignore it, proxies see traffic. */
export const PING_FRAME = ': ping\n\n';

/** The first frame: the reconnection delay, and `ready` so that the page knows it is listening. */
export function readyFrame(): string {
  return `retry: ${RETRY_MS}\nevent: ready\ndata: {}\n\n`;
}

/**
 * One message as an event. `JSON.stringify` leaves no raw line break in `data`; a type with a
 * line break would forge other fields, so it is refused (the plugin chose it, not the person).
 * Throws when the type is unsafe or the data is not JSON.
 */
export function eventFrame(message: LiveMessage, id: number): string {
  if (!/^[\w.-]+$/.test(message.type)) {
    throw new Error(`type de message « ${message.type} » invalide (lettres, chiffres, . - _)`);
  }
  const data = JSON.stringify(message.data ?? null) ?? 'null';
  return `event: ${message.type}\ndata: ${data}\nid: ${id}\n\n`;
}
