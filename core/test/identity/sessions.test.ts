import { expect } from 'chai';

import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { body, postLogin, sessionCookie, sessionSetCookie, withCookie } from './http-helpers.js';

const MINUTE = 60_000;

for (const engine of testEngines()) {
  describe(`Sessions: logout and expiry (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const logIn = async (login: string) => {
      const response = await postLogin(core, login, FIXTURE_PASSWORD);
      expect(response.statusCode).to.equal(200);
      return sessionCookie(core, response) as string;
    };

    it('logs out with 204 and clears the cookie', async () => {
      const cookie = await logIn('parent.a1');
      const response = await withCookie(core, cookie, 'POST', '/api/auth/logout');
      expect(response.statusCode).to.equal(204);
      expect(sessionSetCookie(core, response)).to.match(/^preau_sid=;.*Max-Age=0/);
    });

    it('refuses the old cookie after logout', async () => {
      const cookie = await logIn('parent2.a1');
      await withCookie(core, cookie, 'POST', '/api/auth/logout');
      const response = await withCookie(core, cookie, 'GET', '/api/me');
      expect(response.statusCode).to.equal(401);
    });

    it('audits the logout', async () => {
      const cookie = await logIn('enseignant.a2');
      await withCookie(core, cookie, 'POST', '/api/auth/logout');
      const rows = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'logout', actor_id: core.world.people['enseignant.a2'] });
      expect(rows).to.have.length(1);
    });

    it('answers 204 to a logout without a session', async () => {
      const response = await core.anonymous().post('/api/auth/logout');
      expect(response.statusCode).to.equal(204);
    });

    it('ends the session replaced by a new login in the same browser', async () => {
      const first = await logIn('eleve.cm1a');
      const second = await withCookie(core, first, 'POST', '/api/auth/login', {
        login: 'eleve.cm1a',
        password: FIXTURE_PASSWORD,
      });
      expect(second.statusCode).to.equal(200);
      expect((await withCookie(core, first, 'GET', '/api/me')).statusCode).to.equal(401);
      const renewed = sessionCookie(core, second) as string;
      expect((await withCookie(core, renewed, 'GET', '/api/me')).statusCode).to.equal(200);
    });

    it('ends a session left unused for idleMinutes', async () => {
      const cookie = await logIn('enseignant.cm1a');
      const { idleMinutes } = core.preau.ctx.config.sessions;
      core.clock.advance(idleMinutes * MINUTE - MINUTE);
      expect((await withCookie(core, cookie, 'GET', '/api/me')).statusCode).to.equal(200);
      core.clock.advance(idleMinutes * MINUTE);
      const response = await withCookie(core, cookie, 'GET', '/api/me');
      expect(response.statusCode).to.equal(401);
      expect(body(response).message).to.equal('Votre session a expiré : reconnectez-vous.');
    });

    it('ends a session absoluteHours after login, even when used all along', async () => {
      const cookie = await logIn('directeur.a1');
      const { idleMinutes, absoluteHours } = core.preau.ctx.config.sessions;
      const step = (idleMinutes / 2) * MINUTE;
      let elapsed = 0;
      while (elapsed + step < absoluteHours * 60 * MINUTE) {
        core.clock.advance(step);
        elapsed += step;
        expect((await withCookie(core, cookie, 'GET', '/api/me')).statusCode).to.equal(200);
      }
      core.clock.advance(absoluteHours * 60 * MINUTE - elapsed);
      expect((await withCookie(core, cookie, 'GET', '/api/me')).statusCode).to.equal(401);
    });
  });
}
