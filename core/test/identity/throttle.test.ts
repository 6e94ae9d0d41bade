import { expect } from 'chai';

import { afterFailure, type ThrottleState } from '../../src/identity/throttle.js';
import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { body, postLogin } from './http-helpers.js';

const MINUTE = 60_000;
const limits = {
  maxFailures: 3,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 60 * MINUTE,
};

describe('Throttle counting (afterFailure)', () => {
  const fail = (times: number, start: ThrottleState | undefined, now: number) => {
    let state = start;
    for (let i = 0; i < times; i++) state = afterFailure(state, now, limits);
    return state as ThrottleState;
  };

  it('counts failures without locking below the limit', () => {
    expect(fail(2, undefined, 0)).to.deep.equal({
      failures: 2,
      windowStartedAt: 0,
      lockedUntil: null,
    });
  });

  it('locks for lockMs at the limit', () => {
    expect(fail(3, undefined, 0).lockedUntil).to.equal(15 * MINUTE);
  });

  it('starts a new count once the window has passed', () => {
    const state = afterFailure(fail(2, undefined, 0), 15 * MINUTE, limits);
    expect(state).to.deep.equal({ failures: 1, windowStartedAt: 15 * MINUTE, lockedUntil: null });
  });

  it('doubles the lock when failures resume right after a lock', () => {
    const firstLock = fail(3, undefined, 0);
    const secondLock = fail(3, firstLock, 16 * MINUTE);
    expect(secondLock.lockedUntil).to.equal(16 * MINUTE + 30 * MINUTE);
  });

  it('never locks for longer than maxLockMs', () => {
    let state: ThrottleState | undefined;
    let now = 0;
    const minutes: number[] = [];
    for (let lock = 0; lock < 5; lock++) {
      state = fail(3, state, now);
      minutes.push(((state.lockedUntil ?? 0) - now) / MINUTE);
      now = (state.lockedUntil ?? 0) + MINUTE;
    }
    expect(minutes).to.deep.equal([15, 30, 60, 60, 60]);
  });

  it('does not count failures while locked', () => {
    const locked = fail(3, undefined, 0);
    expect(afterFailure(locked, MINUTE, limits)).to.equal(locked);
  });
});

for (const engine of testEngines()) {
  describe(`Login throttling of untrusted attempts per login (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const failTimes = async (
      login: string,
      times: number,
      ip: string | ((i: number) => string),
    ) => {
      for (let i = 0; i < times; i++) {
        const from = typeof ip === 'string' ? ip : ip(i);
        const response = await postLogin(core, login, `Mauvais-${i}-mot-de-passe`, from);
        expect(response.statusCode).to.equal(401);
      }
    };

    it('answers 429 with Retry-After after 5 failures from one address, even with the right password', async () => {
      await failTimes('enseignant.ce1', 5, '10.1.0.1');
      const response = await postLogin(core, 'enseignant.ce1', FIXTURE_PASSWORD, '10.1.0.1');
      expect(response.statusCode).to.equal(429);
      expect(response.headers['retry-after']).to.equal(String(15 * 60));
      expect(body(response).message).to.equal(
        'Trop de tentatives de connexion pour cet identifiant depuis cette adresse. ' +
          'Réessayez dans 15 minutes.',
      );
    });

    it('leaves the login open from another address after 5 failures from one', async () => {
      await failTimes('eleve.cm1a', 5, '10.1.9.1');
      const response = await postLogin(core, 'eleve.cm1a', FIXTURE_PASSWORD, '10.1.9.2');
      expect(response.statusCode).to.equal(200);
    });

    it('refuses the login from every address after 10 failures spread over addresses', async () => {
      await failTimes('eleve.psms', 10, (i) => `10.1.1.${i + 1}`);
      const response = await postLogin(core, 'eleve.psms', FIXTURE_PASSWORD, '10.1.1.200');
      expect(response.statusCode).to.equal(429);
      expect(body(response).message).to.equal(
        'Trop de tentatives de connexion pour cet identifiant. Réessayez dans 15 minutes. ' +
          'Depuis un appareil où vous vous êtes déjà connecté, la connexion reste possible.',
      );
    });

    it('never doubles the refusal of a login shared by every address', async () => {
      await failTimes('ien.a', 10, (i) => `10.1.10.${i + 1}`);
      core.clock.advance(15 * MINUTE);
      await failTimes('ien.a', 10, (i) => `10.1.11.${i + 1}`);
      const response = await postLogin(core, 'ien.a', FIXTURE_PASSWORD, '10.1.12.1');
      expect(response.statusCode).to.equal(429);
      expect(response.headers['retry-after']).to.equal(String(15 * 60));
    });

    it('lets the right password in again once the lock has passed', async () => {
      await failTimes('parent2.a1', 5, '10.1.2.1');
      core.clock.advance(15 * MINUTE);
      const response = await postLogin(core, 'parent2.a1', FIXTURE_PASSWORD, '10.1.2.1');
      expect(response.statusCode).to.equal(200);
    });

    it('doubles the lock of one address on one login when failures resume, up to an hour', async () => {
      await failTimes('atsem.a1', 5, '10.1.3.1');
      core.clock.advance(15 * MINUTE);
      await failTimes('atsem.a1', 5, '10.1.3.1');
      const response = await postLogin(core, 'atsem.a1', FIXTURE_PASSWORD, '10.1.3.1');
      expect(response.statusCode).to.equal(429);
      expect(response.headers['retry-after']).to.equal(String(30 * 60));
    });

    it('forgets the failures of a login after a success', async () => {
      await failTimes('partenaire.a1', 4, '10.1.4.1');
      expect(
        (await postLogin(core, 'partenaire.a1', FIXTURE_PASSWORD, '10.1.4.1')).statusCode,
      ).to.equal(200);
      await failTimes('partenaire.a1', 4, '10.1.4.1');
      const response = await postLogin(core, 'partenaire.a1', FIXTURE_PASSWORD, '10.1.4.1');
      expect(response.statusCode).to.equal(200);
    });

    it('locks an unknown login like a known one, so locks reveal no account', async () => {
      await failTimes('personne.inconnue', 5, '10.1.5.1');
      const response = await postLogin(core, 'personne.inconnue', 'Autre-essai-123', '10.1.5.1');
      expect(response.statusCode).to.equal(429);
    });

    it('counts the login whatever its case', async () => {
      await failTimes('ENSEIGNANT.A2', 3, '10.1.6.1');
      await failTimes('enseignant.a2', 2, '10.1.6.1');
      const response = await postLogin(core, 'Enseignant.A2', FIXTURE_PASSWORD, '10.1.6.1');
      expect(response.statusCode).to.equal(429);
    });

    it('audits a throttled attempt with the person and without the password', async () => {
      await failTimes('eleve.b1', 5, '10.1.7.1');
      await postLogin(core, 'eleve.b1', FIXTURE_PASSWORD, '10.1.7.1');
      const rows = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'login.throttled', ip: '10.1.7.1' });
      expect(rows).to.have.length(1);
      expect(Number(rows[0].actor_id)).to.equal(core.world.people['eleve.b1']);
      expect(JSON.parse(String(rows[0].details))).to.include({
        scope: 'login-ip',
        trustedDevice: false,
      });
      expect(JSON.stringify(rows)).not.to.contain(FIXTURE_PASSWORD);
    });

    it('does not extend the lock with attempts made while locked', async () => {
      await failTimes('parent.b1', 5, '10.1.8.1');
      for (let i = 0; i < 5; i++) await postLogin(core, 'parent.b1', 'Encore-faux-1', '10.1.8.1');
      core.clock.advance(15 * MINUTE);
      const response = await postLogin(core, 'parent.b1', FIXTURE_PASSWORD, '10.1.8.1');
      expect(response.statusCode).to.equal(200);
    });
  });

  describe(`Login throttling per address (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine, config: { throttle: { maxFailuresPerIp: 3 } } });
    });
    after(() => core?.close());

    it('locks an address that fails on several logins, for every login', async () => {
      for (const login of ['eleve.cm1a', 'eleve2.cm1a', 'eleve.ce1']) {
        expect((await postLogin(core, login, 'Mauvais-1', '10.2.0.1')).statusCode).to.equal(401);
      }
      const response = await postLogin(core, 'parent.a1', FIXTURE_PASSWORD, '10.2.0.1');
      expect(response.statusCode).to.equal(429);
      expect(Number(response.headers['retry-after'])).to.equal(15 * 60);
      expect(body(response).message).to.contain('depuis cette adresse');
    });

    it('leaves the same logins open from another address', async () => {
      for (const login of ['enseignant.cm1a', 'enseignant.ce1', 'ien.a']) {
        await postLogin(core, login, 'Mauvais-1', '10.2.1.1');
      }
      const response = await postLogin(core, 'enseignant.cm1a', FIXTURE_PASSWORD, '10.2.1.2');
      expect(response.statusCode).to.equal(200);
    });

    it('keeps counting an address’s failures after a success from it', async () => {
      await postLogin(core, 'atsem.a1', 'Mauvais-1', '10.2.2.1');
      await postLogin(core, 'atsem.a1', 'Mauvais-2', '10.2.2.1');
      expect((await postLogin(core, 'atsem.a1', FIXTURE_PASSWORD, '10.2.2.1')).statusCode).to.equal(
        200,
      );
      await postLogin(core, 'directeur.a1', 'Mauvais-3', '10.2.2.1');
      const response = await postLogin(core, 'directeur.a1', FIXTURE_PASSWORD, '10.2.2.1');
      expect(response.statusCode).to.equal(429);
    });
  });
}
