import { expect } from 'chai';

import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { body, postLogin, sessionCookie, withCookie } from './http-helpers.js';

const STRONG = 'Cerf-volant du Mardi 7!';

for (const engine of testEngines()) {
  describe(`POST /api/me/password (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const logIn = async (login: string, password = FIXTURE_PASSWORD, ip = '127.0.0.1') => {
      const response = await postLogin(core, login, password, ip);
      expect(response.statusCode, response.payload).to.equal(200);
      return sessionCookie(core, response) as string;
    };
    const change = (cookie: string, currentPassword: string, newPassword: string) =>
      withCookie(core, cookie, 'POST', '/api/me/password', { currentPassword, newPassword });

    it('refuses a weak password with 400 and the reasons', async () => {
      const cookie = await logIn('parent.a1');
      const response = await change(cookie, FIXTURE_PASSWORD, 'soleil');
      expect(response.statusCode).to.equal(400);
      const reasons = body<{ reasons: string[] }>(response).reasons;
      expect(reasons[0]).to.match(/^Ajoutez des caractères : 8 caractères/);
      expect(reasons.some((reason) => reason.includes('trop vite deviné'))).to.equal(true);
      expect(reasons.some((reason) => reason.includes('plus courants'))).to.equal(true);
      expect(body(response).message).to.contain(reasons[0]);
    });

    it('keeps the old password working after a refusal', async () => {
      const cookie = await logIn('parent2.a1');
      await change(cookie, FIXTURE_PASSWORD, 'court');
      expect((await postLogin(core, 'parent2.a1', FIXTURE_PASSWORD)).statusCode).to.equal(200);
      expect((await postLogin(core, 'parent2.a1', 'court')).statusCode).to.equal(401);
    });

    it('holds administrators to 80 bits', async () => {
      const cookie = await logIn('admin.a');
      const response = await change(cookie, FIXTURE_PASSWORD, 'Tx7#qL2!mP9&');
      expect(response.statusCode).to.equal(400);
      expect(body<{ reasons: string[] }>(response).reasons[0]).to.contain('13 caractères');
    });

    it('lets a pupil’s account take a simple password', async () => {
      const cookie = await logIn('eleve.psms');
      expect((await change(cookie, FIXTURE_PASSWORD, 'lapin')).statusCode).to.equal(204);
      expect((await postLogin(core, 'eleve.psms', 'lapin')).statusCode).to.equal(200);
    });

    it('refuses a password containing the person’s name', async () => {
      const cookie = await logIn('enseignant.ce1');
      const response = await change(cookie, FIXTURE_PASSWORD, 'Enseignant du village 2026');
      expect(response.statusCode).to.equal(400);
      expect(body<{ reasons: string[] }>(response).reasons).to.deep.equal([
        'N’utilisez pas votre prénom ni votre nom dans le mot de passe.',
      ]);
    });

    it('accepts a strong password: the new one logs in, the old one no longer does', async () => {
      const cookie = await logIn('enseignant.cm1a');
      expect((await change(cookie, FIXTURE_PASSWORD, STRONG)).statusCode).to.equal(204);
      expect((await postLogin(core, 'enseignant.cm1a', STRONG)).statusCode).to.equal(200);
      expect((await postLogin(core, 'enseignant.cm1a', FIXTURE_PASSWORD)).statusCode).to.equal(401);
    });

    it('ends the person’s other sessions and keeps the one that changed it', async () => {
      const here = await logIn('atsem.a1');
      const elsewhere = await logIn('atsem.a1');
      const otherPerson = await logIn('ien.a');
      expect((await change(here, FIXTURE_PASSWORD, STRONG)).statusCode).to.equal(204);
      expect((await withCookie(core, elsewhere, 'GET', '/api/me')).statusCode).to.equal(401);
      expect((await withCookie(core, here, 'GET', '/api/me')).statusCode).to.equal(200);
      expect((await withCookie(core, otherPerson, 'GET', '/api/me')).statusCode).to.equal(200);
    });

    it('audits the change without either password', async () => {
      const cookie = await logIn('partenaire.a1');
      await change(cookie, FIXTURE_PASSWORD, STRONG);
      const rows = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'password.changed', actor_id: core.world.people['partenaire.a1'] });
      expect(rows).to.have.length(1);
      expect(JSON.stringify(rows)).not.to.contain(STRONG).and.not.to.contain(FIXTURE_PASSWORD);
    });

    it('refuses a wrong current password with 400, changing nothing', async () => {
      const cookie = await logIn('eleve.cm1a');
      const response = await change(cookie, 'Pas-le-bon-1234', STRONG);
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.equal('Le mot de passe actuel est incorrect.');
      expect((await postLogin(core, 'eleve.cm1a', FIXTURE_PASSWORD)).statusCode).to.equal(200);
    });

    it('counts wrong current passwords towards the login throttle', async () => {
      const cookie = await logIn('eleve2.cm1a', FIXTURE_PASSWORD, '10.3.0.1');
      for (let i = 0; i < 5; i++) await change(cookie, `Pas-le-bon-${i}`, STRONG);
      const locked = await change(cookie, FIXTURE_PASSWORD, STRONG);
      expect(locked.statusCode).to.equal(429);
      expect(locked.headers['retry-after']).to.equal(String(15 * 60));
      // The same counters as a login from that address (127.0.0.1) without a trusted browser.
      const login = await postLogin(core, 'eleve2.cm1a', FIXTURE_PASSWORD);
      expect(login.statusCode).to.equal(429);
    });

    it('refuses a body missing the new password, naming the field', async () => {
      const cookie = await logIn('eleve.ce1');
      const response = await withCookie(core, cookie, 'POST', '/api/me/password', {
        currentPassword: FIXTURE_PASSWORD,
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain('newPassword : ce champ est obligatoire');
    });

    it('requires a session', async () => {
      const response = await core.anonymous().post('/api/me/password', {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: STRONG,
      });
      expect(response.statusCode).to.equal(401);
    });
  });
}
