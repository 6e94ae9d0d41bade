import { EventEmitter } from 'node:events';

import { expect } from 'chai';

import { LiveHub } from '../../src/live/hub.js';
import { LiveStreams } from '../../src/live/streams.js';

/** A raw HTTP response as far as LiveStreams cares: it closes, or is already closed. */
function response(destroyed = false) {
  return Object.assign(new EventEmitter(), { destroyed, socket: { destroyed } });
}

describe('LiveStreams', () => {
  const streamsWith = (sessionOpen: (id: string) => Promise<boolean>, pingMs = 25_000) => {
    const hub = new LiveHub();
    const streams = new LiveStreams(hub, { sessionOpen, onDropped: () => undefined, pingMs });
    return { hub, streams };
  };

  it('does not keep listening for a page that left before its stream opened', async () => {
    const { hub, streams } = streamsWith(async () => true);
    const body = streams.start(7, 'session', response(true));
    await until(() => streams.count(7) === 0);
    expect(hub.openPages(7)).to.equal(0);
    expect(body.writableEnded).to.equal(true);
  });

  it('ends a stream at its next ping once its session is gone (expired, password changed)', async () => {
    let open = true;
    const { hub, streams } = streamsWith(async () => open, 5);
    const raw = response();
    const body = streams.start(7, 'session', raw);
    let text = '';
    body.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await until(() => text.includes(': ping'));
    expect(streams.count(7)).to.equal(1);
    open = false;
    await until(() => streams.count(7) === 0);
    expect(hub.openPages(7)).to.equal(0);
    raw.emit('close');
  });

  it('keeps a stream when its session cannot be checked (database busy)', async () => {
    let checks = 0;
    const { streams } = streamsWith(async () => {
      checks += 1;
      throw new Error('base indisponible');
    }, 5);
    const raw = response();
    streams.start(7, 'session', raw);
    await until(() => checks >= 2);
    expect(streams.count(7)).to.equal(1);
    raw.emit('close');
    await until(() => streams.count(7) === 0);
  });
});

/** Waits until `condition` holds (what happens on timers and sockets is not awaited). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
