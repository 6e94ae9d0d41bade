import { expect } from 'chai';

import { InProcessEventBus } from '../../src/events/bus.js';

describe('In-process event bus', () => {
  const silent = { error: () => undefined };

  it('delivers an event to every subscriber', async () => {
    const bus = new InProcessEventBus(silent);
    const heard: number[] = [];
    bus.subscribe('plugin.enabled', ({ ecoleId }) => void heard.push(ecoleId));
    bus.subscribe('plugin.enabled', ({ ecoleId }) => void heard.push(ecoleId * 10));
    await bus.publish('plugin.enabled', { pluginId: 'x', ecoleId: 3 });
    expect(heard).to.deep.equal([3, 30]);
  });

  it('keeps delivering when one subscriber fails, and logs the failure', async () => {
    const logged: string[] = [];
    const bus = new InProcessEventBus({ error: (_details, message) => void logged.push(message) });
    let delivered = false;
    bus.subscribe('session.closed', () => {
      throw new Error('boom');
    });
    bus.subscribe('session.closed', () => {
      delivered = true;
    });
    await bus.publish('session.closed', { personId: 1 });
    expect(delivered).to.equal(true);
    expect(logged).to.have.length(1);
  });

  it('stops delivering after unsubscribe', async () => {
    const bus = new InProcessEventBus(silent);
    let count = 0;
    const unsubscribe = bus.subscribe('session.closed', () => void count++);
    await bus.publish('session.closed', { personId: 1 });
    unsubscribe();
    await bus.publish('session.closed', { personId: 1 });
    expect(count).to.equal(1);
  });
});
