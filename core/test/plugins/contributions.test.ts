import { expect } from 'chai';

import { InProcessEventBus } from '../../src/events/bus.js';
import { noScheduler } from '../../src/jobs/scheduler.js';
import { PendingContributions, pluginEventBus } from '../../src/plugins/contributions.js';

// Jobs held back until a plugin is accepted are proven with the real scheduler and database in
// atomic-start.test.ts; here, the subscriptions' own bookkeeping on the real in-process bus.
const silent = { error: () => undefined };

describe('Event subscriptions a plugin makes while it registers', () => {
  it('drops them when the plugin is refused, and ignores later ones', async () => {
    const bus = new InProcessEventBus(silent);
    const pending = new PendingContributions('essai', noScheduler, bus);
    const heard: string[] = [];
    pending.subscribe('session.closed', () => void heard.push('avant'));
    pending.discard();
    pending.commit();
    pending.subscribe('session.closed', () => void heard.push('après'));
    await bus.publish('session.closed', { personId: 1 });
    expect(heard).to.deep.equal([]);
  });

  it('keeps a handler unsubscribed before commit away from the bus, and unsubscribes after', async () => {
    const bus = new InProcessEventBus(silent);
    const pending = new PendingContributions('essai', noScheduler, bus);
    const heard: string[] = [];
    const early = pending.subscribe('session.closed', () => void heard.push('tôt'));
    const kept = pending.subscribe('session.closed', () => void heard.push('gardé'));
    early();
    pending.commit();
    await bus.publish('session.closed', { personId: 1 });
    kept();
    await bus.publish('session.closed', { personId: 2 });
    expect(heard).to.deep.equal(['gardé']);
  });

  it('refuses a handler that is not a function, in French', () => {
    const pending = new PendingContributions('essai', noScheduler, new InProcessEventBus(silent));
    expect(() => pending.subscribe('session.closed', 'oups' as never)).to.throw(
      'ctx.events.subscribe() : attendu le nom d’un événement et une fonction qui le reçoit',
    );
  });

  it('publishes nothing for a discarded plugin, even its own events', async () => {
    const bus = new InProcessEventBus(silent);
    const pending = new PendingContributions('essai', noScheduler, bus);
    const events = pluginEventBus('essai', bus, pending);
    const heard: string[] = [];
    bus.subscribe('essai.x' as 'session.closed', () => void heard.push('x'));
    await events.publish('essai.x' as 'session.closed', { personId: 1 });
    pending.discard();
    await events.publish('essai.x' as 'session.closed', { personId: 1 });
    expect(heard).to.deep.equal(['x']);
  });
});
