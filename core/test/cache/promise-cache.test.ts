import { expect } from 'chai';

import { PromiseCache } from '../../src/cache/promise-cache.js';
import { ManualClock } from '../../src/clock.js';

describe('Promise cache', () => {
  const counting = () => {
    let loads = 0;
    return { load: async () => ++loads, loads: () => loads };
  };

  it('loads once while the value is fresh, and again after the TTL', async () => {
    const clock = new ManualClock();
    const cache = new PromiseCache<string, number>(clock, { ttlMs: 1000 });
    const source = counting();
    expect(await cache.get('a', source.load)).to.equal(1);
    expect(await cache.get('a', source.load)).to.equal(1);
    clock.advance(1000);
    expect(await cache.get('a', source.load)).to.equal(2);
  });

  it('shares one load between concurrent readers', async () => {
    const cache = new PromiseCache<string, number>(new ManualClock(), { ttlMs: 1000 });
    const source = counting();
    const [first, second] = await Promise.all([
      cache.get('a', source.load),
      cache.get('a', source.load),
    ]);
    expect([first, second, source.loads()]).to.deep.equal([1, 1, 1]);
  });

  it('forgets a failed load, so the next reader tries again', async () => {
    const cache = new PromiseCache<string, number>(new ManualClock(), { ttlMs: 1000 });
    await cache
      .get('a', () => Promise.reject(new Error('base injoignable')))
      .catch(() => undefined);
    expect(await cache.get('a', async () => 7)).to.equal(7);
  });

  it('does not keep values it is told not to keep', async () => {
    const cache = new PromiseCache<string, number | null>(new ManualClock(), {
      ttlMs: 1000,
      keep: (value) => value !== null,
    });
    expect(await cache.get('a', async () => null)).to.equal(null);
    await Promise.resolve();
    expect(await cache.get('a', async () => 3)).to.equal(3);
  });

  it('drops the oldest entry beyond its size', async () => {
    const cache = new PromiseCache<string, string>(new ManualClock(), {
      ttlMs: 1000,
      maxEntries: 2,
    });
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a2')).to.equal('a2');
    expect(await cache.get('c', async () => 'c2')).to.equal('c1');
  });

  it('clears the entries a predicate selects, or everything', async () => {
    const cache = new PromiseCache<string, string>(new ManualClock(), { ttlMs: 1000 });
    await cache.get('1:x', async () => 'old');
    await cache.get('2:x', async () => 'old');
    cache.clear((key) => key.startsWith('1:'));
    expect(await cache.get('1:x', async () => 'new')).to.equal('new');
    expect(await cache.get('2:x', async () => 'new')).to.equal('old');
    cache.clear();
    expect(await cache.get('2:x', async () => 'new')).to.equal('new');
  });
});
