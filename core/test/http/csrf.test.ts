import type { ServerInjectResponse } from '@hapi/hapi';
import { expect } from 'chai';

import { toHapiRoute } from '../../src/http/route.js';
import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestClient,
  type TestCore,
} from '../../src/testing/index.js';

type Headers = Record<string, string>;
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

for (const engine of testEngines()) {
  describe(`Writes from other pages than Préau's (CSRF) (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    describe('a directeur’s « reset communication rules »', () => {
      let admin: TestClient;
      const url = () => `/api/admin/ecoles/${core.world.ecoles.a1}/communication-rules`;
      /** POSTs the reset with the admin's cookie and the given headers. */
      const reset = (headers: Headers, payload?: string) =>
        core.inject({
          method: 'POST',
          url: `${url()}/reset`,
          headers: { cookie: cookieOf(core, admin), ...headers },
          ...(payload === undefined ? {} : { payload }),
        });
      const isDefault = async () =>
        (JSON.parse((await admin.get(url())).payload) as { isDefault: boolean }).isDefault;
      beforeEach(async () => {
        admin = await core.as('admin.a');
        // Edited rules: a reset that went through would show as isDefault true.
        expect((await admin.put(url(), { rules: [] })).statusCode).to.equal(200);
      });
      after(() => core.preau.services.communication.reset(core.world.ecoles.a1));

      it('refuses an HTML form’s body with 415 and a French message, and resets nothing', async () => {
        const response = await reset(FORM_TYPE, 'confirm=1');
        expect(response.statusCode).to.equal(415);
        expect(messageOf(response)).to.contain('n’accepte que du JSON');
        expect(await isDefault()).to.equal(false);
      });

      it('refuses a write without a body that does not say JSON (no-cors fetch)', async () => {
        expect((await reset({})).statusCode).to.equal(415);
        expect((await reset({ 'content-type': 'text/plain' }, '')).statusCode).to.equal(415);
        expect(await isDefault()).to.equal(false);
      });

      for (const site of ['same-site', 'cross-site']) {
        it(`refuses JSON sent with Sec-Fetch-Site: ${site} with 403, and resets nothing`, async () => {
          const response = await reset({ ...JSON_TYPE, 'sec-fetch-site': site });
          expect(response.statusCode).to.equal(403);
          expect(messageOf(response)).to.contain('vient d’une autre page que Préau');
          expect(await isDefault()).to.equal(false);
        });
      }

      it('refuses JSON from a page on another port (Origin, no Sec-Fetch-Site)', async () => {
        for (const origin of ['http://localhost:8080', 'http://ecole.localhost', 'null']) {
          const response = await reset({ ...JSON_TYPE, origin });
          expect(response.statusCode, origin).to.equal(403);
        }
        expect(await isDefault()).to.equal(false);
      });

      it('resets from Préau’s own page (Sec-Fetch-Site: same-origin)', async () => {
        const response = await reset({ ...JSON_TYPE, 'sec-fetch-site': 'same-origin' });
        expect(response.statusCode, response.payload).to.equal(200);
        expect(await isDefault()).to.equal(true);
      });

      it('resets from an older browser whose Origin is the public URL', async () => {
        const response = await reset({ ...JSON_TYPE, origin: 'http://localhost' });
        expect(response.statusCode, response.payload).to.equal(200);
        expect(await isDefault()).to.equal(true);
      });

      it('resets from a client that sends neither header (curl, a script)', async () => {
        const response = await reset({ 'content-type': 'application/json; charset=utf-8' });
        expect(response.statusCode, response.payload).to.equal(200);
        expect(await isDefault()).to.equal(true);
      });
    });

    describe('login (login CSRF)', () => {
      const login = (headers: Headers, payload: string) =>
        core.inject({ method: 'POST', url: '/api/auth/login', headers, payload });
      const credentials = JSON.stringify({ login: 'parent.a1', password: FIXTURE_PASSWORD });
      const sessionCount = async () =>
        Number((await core.preau.ctx.knex('sessions').count({ n: '*' }).first())?.n ?? 0);

      it('refuses a cross-site HTML form with 415, opening no session', async () => {
        const before = await sessionCount();
        const form = `login=parent.a1&password=${encodeURIComponent(FIXTURE_PASSWORD)}`;
        const response = await login({ ...FORM_TYPE, 'sec-fetch-site': 'cross-site' }, form);
        expect(response.statusCode).to.equal(415);
        expect(response.headers['set-cookie']).to.equal(undefined);
        expect(await sessionCount()).to.equal(before);
      });

      it('refuses JSON from another site or port with 403, opening no session', async () => {
        const before = await sessionCount();
        for (const headers of [
          { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
          { ...JSON_TYPE, 'sec-fetch-site': 'same-site' },
          { ...JSON_TYPE, origin: 'http://localhost:3001' },
        ]) {
          const response = await login(headers, credentials);
          expect(response.statusCode, JSON.stringify(headers)).to.equal(403);
          expect(response.headers['set-cookie']).to.equal(undefined);
        }
        expect(await sessionCount()).to.equal(before);
      });

      it('logs in from the login page (same-origin) and with the README’s curl', async () => {
        for (const headers of [{ ...JSON_TYPE, 'sec-fetch-site': 'same-origin' }, JSON_TYPE]) {
          const response = await login(headers, credentials);
          expect(response.statusCode, JSON.stringify(headers)).to.equal(200);
          expect(String(response.headers['set-cookie'])).to.contain('preau_sid=');
        }
      });
    });
  });
}

describe('The uploads route option', () => {
  let core: TestCore;
  const body =
    '--limite\r\nContent-Disposition: form-data; name="photo"; filename="a.txt"\r\n' +
    'Content-Type: text/plain\r\n\r\nbonjour\r\n--limite--\r\n';
  const multipart = { 'content-type': 'multipart/form-data; boundary=limite' };
  before(async () => {
    core = await startTestCore();
    for (const [path, uploads] of [
      ['/api/essai/fichiers', true],
      ['/api/essai/sans-fichiers', false],
    ] as const) {
      core.preau.server.route(
        toHapiRoute({
          method: 'POST',
          path,
          summary: 'Essai',
          access: 'public',
          uploads,
          schemas: { payload: { type: 'object' } },
          handler: (request) => ({
            size: String((request.payload as { photo?: Buffer }).photo ?? '').length,
          }),
        }),
      );
    }
  });
  after(() => core?.close());
  const send = (path: string, headers: Headers) =>
    core.inject({ method: 'POST', url: path, headers, payload: body });

  it('accepts a file from Préau’s page on a route that declares uploads', async () => {
    const response = await send('/api/essai/fichiers', {
      ...multipart,
      'sec-fetch-site': 'same-origin',
    });
    expect(response.statusCode, response.payload).to.equal(200);
    expect(JSON.parse(response.payload)).to.deep.equal({ size: 7 });
  });

  it('still refuses the file from another site (403) and on other routes (415)', async () => {
    const crossSite = { ...multipart, 'sec-fetch-site': 'cross-site' };
    expect((await send('/api/essai/fichiers', crossSite)).statusCode).to.equal(403);
    expect((await send('/api/essai/sans-fichiers', multipart)).statusCode).to.equal(415);
  });
});

describe('The crossSite « token » route option', () => {
  it('is refused on a route that reads the session', () => {
    const route = (access: 'session' | 'optional' | 'public') => () =>
      toHapiRoute({
        method: 'POST',
        path: '/api/essai',
        summary: 'Essai',
        access,
        crossSite: 'token',
        handler: () => null,
      });
    expect(route('session')).to.throw('réservé aux routes publiques');
    expect(route('optional')).to.throw('réservé aux routes publiques');
    expect(route('public')).not.to.throw();
  });
});

// Module-private helpers.

function cookieOf(core: TestCore, client: TestClient): string {
  return `${core.preau.ctx.config.sessions.cookieName}=${client.cookie}`;
}

function messageOf(response: ServerInjectResponse): string {
  return String((JSON.parse(response.payload) as { message?: unknown }).message);
}
