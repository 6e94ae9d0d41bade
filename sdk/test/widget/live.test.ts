import { expect } from 'chai';

import { LIVE_MAX_BACKOFF_MS, LIVE_RECONNECTED, LIVE_URL, onLive } from '../../src/widget/live.js';

/**
 * The browser's EventSource, at the edge: Node has none. It records what the client listens
 * to, and the test plays the server (`emit`) and the network (`fail`).
 */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];

  readyState = FakeEventSource.CONNECTING;
  private readonly listeners = new Map<string, Array<(event: { data: string }) => void>>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }

  emit(type: string, data: string): void {
    if (type === 'ready') this.readyState = FakeEventSource.OPEN;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }

  /** The connection dropped; `gaveUp` when the browser will not retry (a 401, a 502…). */
  fail(gaveUp: boolean): void {
    this.readyState = gaveUp ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    for (const listener of this.listeners.get('error') ?? []) listener({ data: '' });
  }
}

const globals = globalThis as unknown as Record<string, unknown>;

describe('@preau/sdk/widget: onLive', () => {
  let stops: Array<() => void> = [];
  const subscribe = (type: string, handler: (data: unknown) => void) => {
    const stop = onLive(type, handler);
    stops.push(stop);
    return stop;
  };
  const current = () => FakeEventSource.opened.at(-1) as FakeEventSource;

  beforeEach(() => {
    FakeEventSource.opened = [];
    globals.EventSource = FakeEventSource;
  });
  afterEach(() => {
    for (const stop of stops) stop();
    stops = [];
    delete globals.EventSource;
  });

  it('opens one stream for the page at the first subscription, shared by every element', () => {
    expect(FakeEventSource.opened).to.have.length(0);
    subscribe('notifications.new', () => undefined);
    subscribe('notifications.new', () => undefined);
    subscribe('messagerie.nouveau', () => undefined);
    expect(FakeEventSource.opened.map((source) => source.url)).to.deep.equal([LIVE_URL]);
  });

  it('closes the stream when the last subscriber leaves, and only then', () => {
    const first = subscribe('notifications.new', () => undefined);
    const second = subscribe('messagerie.nouveau', () => undefined);
    first();
    expect(current().readyState).to.not.equal(FakeEventSource.CLOSED);
    second();
    expect(current().readyState).to.equal(FakeEventSource.CLOSED);
  });

  it('hands each handler the parsed data of its own type', () => {
    const seen: unknown[] = [];
    subscribe('notifications.new', (data) => seen.push(['cloche', data]));
    subscribe('messagerie.nouveau', (data) => seen.push(['messagerie', data]));
    current().emit('notifications.new', '{"unread":3}');
    expect(seen).to.deep.equal([['cloche', { unread: 3 }]]);
  });

  it('stops calling a handler once unsubscribed', () => {
    const seen: unknown[] = [];
    subscribe('notifications.new', () => undefined);
    const stop = subscribe('notifications.new', (data) => seen.push(data));
    stop();
    current().emit('notifications.new', '1');
    expect(seen).to.deep.equal([]);
  });

  it('keeps calling the other handlers when one throws', () => {
    const seen: unknown[] = [];
    const consoleError = console.error;
    console.error = () => undefined;
    try {
      subscribe('notifications.new', () => {
        throw new Error('élément cassé');
      });
      subscribe('notifications.new', (data) => seen.push(data));
      current().emit('notifications.new', '2');
    } finally {
      console.error = consoleError;
    }
    expect(seen).to.deep.equal([2]);
  });

  it('tells LIVE_RECONNECTED subscribers when the stream comes back, not when it first opens', () => {
    let reconnections = 0;
    subscribe(LIVE_RECONNECTED, () => (reconnections += 1));
    current().emit('ready', '{}');
    expect(reconnections).to.equal(0);
    current().fail(false); // The browser retries by itself…
    current().emit('ready', '{}'); // …and the server says ready again.
    expect(reconnections).to.equal(1);
    expect(FakeEventSource.opened).to.have.length(1);
  });

  it('reopens a stream the browser gave up, waiting longer after each failure up to 30 s', () => {
    const delays: number[] = [];
    const timers: Array<() => void> = [];
    const realSetTimeout = globalThis.setTimeout;
    globals.setTimeout = (run: () => void, delay: number) => {
      delays.push(delay);
      timers.push(run);
      return 0;
    };
    let reconnections = 0;
    try {
      const seen: unknown[] = [];
      subscribe('notifications.new', (data) => seen.push(data));
      subscribe(LIVE_RECONNECTED, () => (reconnections += 1));
      current().emit('ready', '{}');
      for (let i = 0; i < 7; i += 1) {
        current().fail(true);
        timers.shift()?.();
      }
      expect(delays).to.deep.equal([1000, 2000, 4000, 8000, 16000, LIVE_MAX_BACKOFF_MS, 30000]);
      expect(FakeEventSource.opened).to.have.length(8);
      current().emit('ready', '{}');
      expect(reconnections).to.equal(1);
      // The reopened stream carries the types subscribed before.
      current().emit('notifications.new', '5');
      expect(seen).to.deep.equal([5]);
      // Once ready, the next failure waits one second again.
      current().fail(true);
      expect(delays.at(-1)).to.equal(1000);
    } finally {
      globals.setTimeout = realSetTimeout;
    }
  });

  it('does nothing outside a browser', () => {
    delete globals.EventSource;
    const stop = onLive('notifications.new', () => undefined);
    stop();
    expect(FakeEventSource.opened).to.have.length(0);
  });
});
