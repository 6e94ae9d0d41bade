/**
 * The browser side of live messages (`ctx.live.push` on the server): one server-sent events
 * stream per page, `GET /api/live`, opened when the first element subscribes and closed when the
 * last one leaves, shared by the shell and every plugin through the import map.
 */

/**
 * The type handed to subscribers after the stream came back from a drop (network lost, server
 * restarted). Messages sent meanwhile are not replayed: reload what you show.
 *
 * @example
 * ```ts
 * onLive(LIVE_RECONNECTED, () => void this.reload());
 * ```
 */
export const LIVE_RECONNECTED = 'preau.reconnected';

/** What a subscriber receives: the message's `data`, parsed from JSON. */
export type LiveHandler = (data: unknown) => void;

/**
 * Calls `handler` with the data of every live message of `type` pushed to the person while the
 * page is open; returns the function that unsubscribes (call it in `disconnectedCallback`). Also
 * subscribe to `LIVE_RECONNECTED` to reload after a drop.
 *
 * @example
 * ```ts
 * import { LIVE_RECONNECTED, onLive, PreauWidget } from '@preau/sdk/widget';
 *
 * class NonLues extends PreauWidget<{ unread: number }> {
 *   private stops: Array<() => void> = [];
 *   override connectedCallback() {
 *     super.connectedCallback();
 *     this.stops = [
 *       // The message is a hint: reload the widget's data rather than trusting it.
 *       onLive('notifications.new', () => void this.reload()),
 *       onLive(LIVE_RECONNECTED, () => void this.reload()),
 *     ];
 *   }
 *   override disconnectedCallback() {
 *     super.disconnectedCallback();
 *     for (const stop of this.stops) stop();
 *   }
 * }
 * ```
 */
export function onLive(type: string, handler: LiveHandler): () => void {
  let handlers = internals.handlers.get(type);
  if (!handlers) {
    handlers = new Set();
    internals.handlers.set(type, handlers);
  }
  // A wrapper per subscription, so that one handler subscribed twice unsubscribes twice.
  const subscription: LiveHandler = (data) => handler(data);
  handlers.add(subscription);
  internals.connect();
  internals.listenFor(type);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    handlers.delete(subscription);
    if (handlers.size === 0) internals.handlers.delete(type);
    if (internals.handlers.size === 0) internals.disconnect();
  };
}

/** Where the page's stream comes from. */
export const LIVE_URL = '/api/live';
/** The longest wait between two manual reopenings of a stream the browser gave up. */
export const LIVE_MAX_BACKOFF_MS = 30_000;

// Module-private state: one stream per page (module instances are shared by the import map).
const internals = {
  handlers: new Map<string, Set<LiveHandler>>(),
  source: null as EventSource | null,
  /** The types the current source has a listener for. */
  listened: new Set<string>(),
  /** Whether a stream of this page was ever ready: the next `ready` is then a reconnection. */
  wasReady: false,
  failures: 0,
  reopen: undefined as ReturnType<typeof setTimeout> | undefined,

  connect(): void {
    if (internals.source || internals.reopen !== undefined) return;
    const EventSourceClass = (globalThis as { EventSource?: typeof EventSource }).EventSource;
    if (!EventSourceClass) return; // No browser (server-side rendering, unit tests).
    const source = new EventSourceClass(LIVE_URL);
    internals.source = source;
    internals.listened = new Set();
    source.addEventListener('ready', () => {
      internals.failures = 0;
      if (internals.wasReady) internals.dispatch(LIVE_RECONNECTED, null);
      internals.wasReady = true;
    });
    source.addEventListener('error', () => {
      // CONNECTING: the browser retries by itself (`retry:`). CLOSED: it gave up (a 401, a 502
      // from a proxy…), so reopen later, waiting longer after each failure.
      if (source.readyState !== EventSourceClass.CLOSED || internals.source !== source) return;
      source.close();
      internals.source = null;
      const delay = Math.min(LIVE_MAX_BACKOFF_MS, 1000 * 2 ** internals.failures);
      internals.failures += 1;
      internals.reopen = setTimeout(() => {
        internals.reopen = undefined;
        if (internals.handlers.size === 0) return;
        internals.connect();
        for (const type of internals.handlers.keys()) internals.listenFor(type);
      }, delay);
    });
  },

  listenFor(type: string): void {
    const source = internals.source;
    if (!source || type === LIVE_RECONNECTED || internals.listened.has(type)) return;
    internals.listened.add(type);
    source.addEventListener(type, (event) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data)) as unknown;
      } catch {
        // Core writes JSON: anything else is no message.
        return;
      }
      internals.dispatch(type, data);
    });
  },

  dispatch(type: string, data: unknown): void {
    for (const handler of [...(internals.handlers.get(type) ?? [])]) {
      try {
        handler(data);
      } catch (error) {
        // One failing element must not deprive the others of the message.
        // eslint-disable-next-line no-console
        console.error(`onLive('${type}') :`, error);
      }
    }
  },

  disconnect(): void {
    internals.source?.close();
    internals.source = null;
    internals.listened = new Set();
    clearTimeout(internals.reopen);
    internals.reopen = undefined;
    internals.wasReady = false;
    internals.failures = 0;
  },
};
