import type { ServerInjectResponse } from '@hapi/hapi';
import { expect } from 'chai';

import { deviceCookieName } from '../../src/identity/device-cookie.js';
import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { body, countRows } from './http-helpers.js';

const DAY = 24 * 3_600_000;

for (const engine of testEngines()) {
  describe(`Trusted devices against lock-out (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    /** A login from `ip`, sending the device cookie `device` when given. */
    const login = (name: string, password: string, ip: string, device?: string) =>
      core.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: name, password },
        remoteAddress: ip,
        ...(device ? { headers: { cookie: `${deviceCookieName(core.preau.ctx)}=${device}` } } : {}),
      });

    /** The device cookie value a successful login hands the browser. */
    const deviceOf = (response: ServerInjectResponse): string => {
      const header = response.headers['set-cookie'];
      const cookies = Array.isArray(header) ? header : [String(header)];
      const prefix = `${deviceCookieName(core.preau.ctx)}=`;
      const cookie = cookies.find((c) => c.startsWith(prefix));
      expect(cookie, 'cookie d’appareil').to.be.a('string');
      return cookie!.split(';')[0]!.slice(prefix.length);
    };

    /** A stranger's wrong passwords, each from its own address and without device cookie. */
    const attack = async (name: string, times: number, ip: (i: number) => string) => {
      for (let i = 0; i < times; i++) {
        const response = await login(name, `Devine-${i}-essai`, ip(i));
        expect([401, 429]).to.include(response.statusCode);
      }
    };

    it('stops a stranger guessing from many addresses, yet lets the person in from their browser', async () => {
      const device = deviceOf(await login('enseignant.ce1', FIXTURE_PASSWORD, '10.3.0.1'));
      await attack('enseignant.ce1', 30, (i) => `10.3.1.${i + 1}`);

      const stranger = await login('enseignant.ce1', FIXTURE_PASSWORD, '10.3.2.1');
      expect(stranger.statusCode).to.equal(429);
      expect(Number(stranger.headers['retry-after'])).to.be.at.most(15 * 60);

      const person = await login('enseignant.ce1', FIXTURE_PASSWORD, '10.3.0.1', device);
      expect(person.statusCode).to.equal(200);
    });

    it('lets the person in from their browser at a new address (mobile, other school)', async () => {
      const device = deviceOf(await login('parent.a1', FIXTURE_PASSWORD, '10.3.3.1'));
      await attack('parent.a1', 12, (i) => `10.3.4.${i + 1}`);
      const person = await login('parent.a1', FIXTURE_PASSWORD, '10.3.4.1', device);
      expect(person.statusCode).to.equal(200);
    });

    it('lets the other pupils behind the same school address log in while one is attacked', async () => {
      const nat = '10.3.5.1';
      await attack('eleve.cm1a', 12, () => nat);
      expect((await login('eleve.cm1a', FIXTURE_PASSWORD, nat)).statusCode).to.equal(429);
      const classmate = await login('eleve2.cm1a', FIXTURE_PASSWORD, nat);
      expect(classmate.statusCode).to.equal(200);
    });

    it('holds a trusted browser to its own budget: 5 failures lock that browser only', async () => {
      const device = deviceOf(await login('atsem.a1', FIXTURE_PASSWORD, '10.3.6.1'));
      for (let i = 0; i < 5; i++) {
        expect((await login('atsem.a1', `Faute-${i}`, '10.3.6.1', device)).statusCode).to.equal(
          401,
        );
      }
      const locked = await login('atsem.a1', FIXTURE_PASSWORD, '10.3.6.1', device);
      expect(locked.statusCode).to.equal(429);
      expect(body(locked).message).to.contain('depuis cet appareil');
      // The browser's failures are not the account's: another browser still logs in.
      expect((await login('atsem.a1', FIXTURE_PASSWORD, '10.3.6.2')).statusCode).to.equal(200);
    });

    it('treats a tampered cookie, or one issued for another login, as untrusted', async () => {
      const own = deviceOf(await login('directeur.a1', FIXTURE_PASSWORD, '10.3.7.1'));
      const other = deviceOf(await login('eleve.ce1', FIXTURE_PASSWORD, '10.3.7.2'));
      await attack('directeur.a1', 12, (i) => `10.3.8.${i + 1}`);
      const tampered = own.slice(0, -2) + (own.endsWith('AA') ? 'BB' : 'AA');
      expect(
        (await login('directeur.a1', FIXTURE_PASSWORD, '10.3.7.1', tampered)).statusCode,
      ).to.equal(429);
      expect(
        (await login('directeur.a1', FIXTURE_PASSWORD, '10.3.7.1', other)).statusCode,
      ).to.equal(429);
      expect((await login('directeur.a1', FIXTURE_PASSWORD, '10.3.7.1', own)).statusCode).to.equal(
        200,
      );
    });

    it('remembers every pupil of a shared classroom computer', async () => {
      const first = deviceOf(await login('eleve.psms', FIXTURE_PASSWORD, '10.3.9.1'));
      const both = deviceOf(await login('partenaire.a1', FIXTURE_PASSWORD, '10.3.9.1', first));
      await attack('eleve.psms', 12, (i) => `10.3.10.${i + 1}`);
      await attack('partenaire.a1', 12, (i) => `10.3.11.${i + 1}`);
      expect((await login('eleve.psms', FIXTURE_PASSWORD, '10.3.9.1', both)).statusCode).to.equal(
        200,
      );
      expect(
        (await login('partenaire.a1', FIXTURE_PASSWORD, '10.3.9.1', both)).statusCode,
      ).to.equal(200);
    });

    it('does not show the login in the cookie and signs with one persisted server secret', async () => {
      const device = deviceOf(await login('enseignant.a2', FIXTURE_PASSWORD, '10.3.12.1'));
      expect(device).not.to.contain('enseignant');
      expect(await countRows(core, 'server_secrets', { name: 'device-cookie' })).to.equal(1);
    });

    it('stops trusting a browser 180 days after its last login there', async () => {
      const device = deviceOf(await login('parent2.a1', FIXTURE_PASSWORD, '10.3.13.1'));
      core.clock.advance(181 * DAY);
      await attack('parent2.a1', 12, (i) => `10.3.14.${i + 1}`);
      expect(
        (await login('parent2.a1', FIXTURE_PASSWORD, '10.3.13.1', device)).statusCode,
      ).to.equal(429);
    });

    it('audits the attempts of a trusted browser as such', async () => {
      const device = deviceOf(await login('enseignant.b1', FIXTURE_PASSWORD, '10.3.15.1'));
      await login('enseignant.b1', 'Faute-1', '10.3.15.1', device);
      const row = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'login.failed', target: 'enseignant.b1' })
        .first();
      expect(JSON.parse(String(row.details))).to.include({ trustedDevice: true });
    });
  });
}
