import { expect } from 'chai';

import { CORE_PURGE_EVERY_MS } from '../../src/jobs/core-purge.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

for (const engine of testEngines()) {
  describe(`The core/purge job (${engine})`, () => {
    let core: TestCore;

    beforeEach(async () => {
      core = await startTestCore({ engine });
    });
    afterEach(() => core?.close());

    const session = async (id: string, times: { lastSeen: number; expires: number }) => {
      const now = core.clock.now();
      await core.preau.ctx.knex('sessions').insert({
        id,
        person_id: core.world.people['parent.a1'],
        ecole_id: core.world.ecoles.a1,
        profile: 'TUT',
        created_at: now - 2 * HOUR,
        last_seen_at: now - times.lastSeen,
        expires_at: now + times.expires,
      });
    };
    const sessionIds = async () =>
      (await core.preau.ctx.knex('sessions').orderBy('id').pluck('id')) as string[];

    it('removes expired and idle sessions only, once an hour', async () => {
      // Defaults: 120 idle minutes, 12 hours at most.
      await session('expiree', { lastSeen: MINUTE, expires: -MINUTE });
      await session('inactive', { lastSeen: 121 * MINUTE, expires: 6 * HOUR });
      await session('vivante', { lastSeen: 5 * MINUTE, expires: 6 * HOUR });

      await core.runJobs();
      expect(await sessionIds(), 'not yet its turn').to.have.length(3);

      core.clock.advance(CORE_PURGE_EVERY_MS);
      await session('vivante-apres', { lastSeen: 0, expires: 11 * HOUR });
      await core.runJobs();

      // One hour later « vivante » is still within its 120 idle minutes.
      expect(await sessionIds()).to.deep.equal(['vivante', 'vivante-apres']);
    });

    it('removes stale login-throttle rows and keeps locks and recent failures', async () => {
      core.clock.advance(CORE_PURGE_EVERY_MS);
      const now = core.clock.now();
      await core.preau.ctx.knex('login_throttle').insert([
        { key: 'login:ancien', failures: 2, window_started_at: now - HOUR, locked_until: null },
        { key: 'login:recent', failures: 2, window_started_at: now - MINUTE, locked_until: null },
        {
          key: 'ip:192.0.2.1',
          failures: 500,
          window_started_at: now + 10 * MINUTE,
          locked_until: now + 10 * MINUTE,
        },
      ]);

      await core.runJobs();

      const keys = await core.preau.ctx.knex('login_throttle').orderBy('key').pluck('key');
      expect(keys).to.deep.equal(['ip:192.0.2.1', 'login:recent']);
    });

    it('leaves an expired session in place when its hour has not come', async () => {
      await session('expiree', { lastSeen: MINUTE, expires: -MINUTE });
      core.clock.advance(CORE_PURGE_EVERY_MS - 1);

      await core.runJobs();

      expect(await sessionIds()).to.deep.equal(['expiree']);
    });
  });
}
