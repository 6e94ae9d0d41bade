import { expect } from 'chai';

import { DirectoryBuilder } from '../../src/directory/builder.js';
import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { body, postLogin, sessionCookie, sessionSetCookie, withCookie } from './http-helpers.js';

for (const engine of testEngines()) {
  describe(`POST /api/auth/login (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
      const build = new DirectoryBuilder(core.preau.ctx.knex, core.clock);
      // An account created but never activated: no password yet.
      await build.person({ firstName: 'Jamais', lastName: 'ACTIVE', login: 'jamais.active' });
      const blocked = await build.person({
        firstName: 'Compte',
        lastName: 'BLOQUE',
        login: 'compte.bloque',
        password: FIXTURE_PASSWORD,
      });
      await core.preau.ctx
        .knex('accounts')
        .where('person_id', blocked)
        .update({ blocked_at: core.clock.now() });
    });
    after(() => core?.close());

    it('opens a session with the right password and answers like GET /api/me', async () => {
      const response = await postLogin(core, 'parent.a1', FIXTURE_PASSWORD, '10.0.1.1');
      expect(response.statusCode).to.equal(200);
      const cookie = sessionCookie(core, response);
      expect(cookie).to.be.a('string');
      const me = await withCookie(core, cookie as string, 'GET', '/api/me');
      expect(me.statusCode).to.equal(200);
      expect(body(response)).to.deep.equal(body(me));
    });

    it('lands in the first membership (école and profile)', async () => {
      const response = await postLogin(core, 'directeur.a1', FIXTURE_PASSWORD, '10.0.1.2');
      const current = body<{ current: { ecole: { id: number }; profile: string } }>(
        response,
      ).current;
      expect(current.ecole.id).to.equal(core.world.ecoles.a1);
      expect(current.profile).to.equal('DIR');
    });

    it('opens a session without école for an administrator who has no membership', async () => {
      const response = await postLogin(core, 'admin.a', FIXTURE_PASSWORD, '10.0.1.3');
      expect(response.statusCode).to.equal(200);
      expect(body(response).current).to.deep.equal({
        ecole: null,
        profile: null,
        profileLabel: null,
      });
    });

    it('matches the login whatever its case', async () => {
      const response = await postLogin(core, '  Enseignant.CM1A ', FIXTURE_PASSWORD, '10.0.1.4');
      expect(response.statusCode).to.equal(200);
      expect(body<{ login: string }>(response).login).to.equal('enseignant.cm1a');
    });

    it('sets an HttpOnly, SameSite=Lax session cookie for the whole site', async () => {
      const response = await postLogin(core, 'atsem.a1', FIXTURE_PASSWORD, '10.0.1.5');
      const setCookie = sessionSetCookie(core, response);
      expect(setCookie).to.match(/; HttpOnly/);
      expect(setCookie).to.match(/; SameSite=Lax/);
      expect(setCookie).to.match(/; Path=\//);
    });

    it('answers a wrong password with the generic 401 and nothing else', async () => {
      const response = await postLogin(core, 'parent2.a1', 'Mauvais-mot-de-passe-1', '10.0.2.1');
      expect(response.statusCode).to.equal(401);
      expect(body(response)).to.deep.equal({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Identifiant ou mot de passe incorrect.',
      });
      expect(response.headers['www-authenticate']).to.equal(undefined);
      expect(sessionCookie(core, response)).to.equal(undefined);
    });

    it('answers an unknown login exactly like a wrong password', async () => {
      const wrong = await postLogin(core, 'eleve2.cm1a', 'Mauvais-mot-de-passe-1', '10.0.2.2');
      const unknown = await postLogin(core, 'personne.inconnue', FIXTURE_PASSWORD, '10.0.2.2');
      expect(unknown.statusCode).to.equal(401);
      expect(unknown.payload).to.equal(wrong.payload);
      expect(Object.keys(unknown.headers).sort()).to.deep.equal(Object.keys(wrong.headers).sort());
    });

    it('answers a never-activated account like a wrong password', async () => {
      const response = await postLogin(core, 'jamais.active', FIXTURE_PASSWORD, '10.0.2.3');
      expect(response.statusCode).to.equal(401);
      expect(body(response).message).to.equal('Identifiant ou mot de passe incorrect.');
    });

    it('answers a blocked account like a wrong password, even with the right one', async () => {
      const response = await postLogin(core, 'compte.bloque', FIXTURE_PASSWORD, '10.0.2.4');
      expect(response.statusCode).to.equal(401);
      expect(body(response).message).to.equal('Identifiant ou mot de passe incorrect.');
      const audit = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'login.failed', target: 'compte.bloque' })
        .first();
      expect(JSON.parse(audit.details)).to.deep.equal({ reason: 'blocked', trustedDevice: false });
    });

    it('audits a success with the person, the address and no password', async () => {
      await postLogin(core, 'enseignant.ce1', FIXTURE_PASSWORD, '10.0.3.1');
      const rows = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'login.succeeded', ip: '10.0.3.1' });
      expect(rows).to.have.length(1);
      expect(Number(rows[0].actor_id)).to.equal(core.world.people['enseignant.ce1']);
      expect(rows[0].target).to.equal('enseignant.ce1');
      expect(JSON.stringify(rows[0])).not.to.contain(FIXTURE_PASSWORD);
    });

    it('audits a failure with its reason and without the password typed', async () => {
      await postLogin(core, 'eleve.ce1', 'Secret-tape-par-erreur-9', '10.0.3.2');
      const rows = await core.preau.ctx.knex('audit_log').where({ ip: '10.0.3.2' });
      expect(rows.map((row) => row.action)).to.deep.equal(['login.failed']);
      expect(Number(rows[0].actor_id)).to.equal(core.world.people['eleve.ce1']);
      expect(JSON.parse(rows[0].details)).to.deep.equal({
        reason: 'wrong-password',
        trustedDevice: false,
      });
      expect(JSON.stringify(rows)).not.to.contain('Secret-tape-par-erreur-9');
    });

    it('audits an unknown login without an actor', async () => {
      await postLogin(core, 'fantome', 'Nimporte-quoi-42', '10.0.3.3');
      const row = await core.preau.ctx.knex('audit_log').where({ ip: '10.0.3.3' }).first();
      expect(row.actor_id).to.equal(null);
      expect(JSON.parse(row.details)).to.deep.equal({
        reason: 'unknown-login',
        trustedDevice: false,
      });
    });

    it('rejects a body without password, naming the field in French', async () => {
      const response = await core.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'parent.a1' },
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain('password : ce champ est obligatoire');
    });

    it('rejects an unexpected field, naming it', async () => {
      const response = await core.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'parent.a1', password: FIXTURE_PASSWORD, remember: true },
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain('remember : ce champ n’est pas attendu');
    });

    it('rejects a login of the wrong type, naming it', async () => {
      const response = await core.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 42, password: FIXTURE_PASSWORD },
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.match(/login : .*string/);
    });

    it('rejects a body that is not JSON, in French', async () => {
      const response = await core.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{"login": "parent.a1",',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.equal('Le corps de la requête n’est pas du JSON valide.');
    });

    it('opens no session and writes no audit row for a malformed body', async () => {
      const sessionsBefore = await core.preau.ctx.knex('sessions').count({ n: '*' }).first();
      const auditBefore = await core.preau.ctx.knex('audit_log').count({ n: '*' }).first();
      await core.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'x' } });
      const sessionsAfter = await core.preau.ctx.knex('sessions').count({ n: '*' }).first();
      const auditAfter = await core.preau.ctx.knex('audit_log').count({ n: '*' }).first();
      expect(Number(sessionsAfter?.n)).to.equal(Number(sessionsBefore?.n));
      expect(Number(auditAfter?.n)).to.equal(Number(auditBefore?.n));
    });
  });
}
