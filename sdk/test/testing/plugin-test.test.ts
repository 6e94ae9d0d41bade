import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import {
  FIXTURE_MEMBERSHIPS,
  startPluginTest,
  testEngines,
  type PluginTest,
} from '../../src/testing/index.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const bonjour = `${fixtures}plugin-bonjour`;

for (const engine of testEngines()) {
  describe(`startPluginTest: acting as fixture people (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: bonjour, engine, enableFor: 'all' });
    });
    after(() => test?.close());

    it('gives the plugin id and engine it runs on', () => {
      expect(test.pluginId).to.equal('bonjour');
      expect(test.manifest.version).to.equal('1.0.0');
      expect(test.engine).to.equal(engine);
    });

    it('acts as every documented membership, in its école and profile', async () => {
      for (const membership of FIXTURE_MEMBERSHIPS) {
        const client = await test.actAs(membership.login, membership);
        const response = await client.get('/whoami');
        expect(response.status, membership.login).to.equal(200);
        expect(response.body.user, membership.login).to.deep.equal({
          personId: test.world.people[membership.login],
          ecoleId: test.world.ecoles[membership.ecole],
          profile: membership.profile,
        });
      }
    });

    it('acts by profile as the documented person of A1', async () => {
      const directeur = await test.actAs('DIR');
      expect(directeur.login).to.equal('directeur.a1');
      const response = await directeur.get('/whoami');
      expect(response.body.user.profile).to.equal('DIR');
      expect(response.body.ecole.id).to.equal(test.world.ecoles.a1);
    });

    it('acts by profile in another école when asked', async () => {
      const parent = await test.actAs('TUT', { ecole: 'b1' });
      expect(parent.login).to.equal('parent.b1');
      const response = await parent.get('/whoami');
      expect(response.body.user.ecoleId).to.equal(test.world.ecoles.b1);
    });

    it('refuses, in French, a profile nobody holds in the école', async () => {
      const error = await test.actAs('DOC').then(
        () => null,
        (caught: Error) => caught,
      );
      expect(error?.message).to.contain('aucune personne des fixtures n’a le profil DOC');
    });

    it('refuses a login that is not a fixture account', async () => {
      const error = await test.actAs('inconnu.a1').then(
        () => null,
        (caught: Error) => caught,
      );
      expect(error?.message).to.contain('inconnu.a1');
    });

    it('sends paths starting with /api/ as they are, and others under the plugin', async () => {
      const client = await test.actAs('ENS');
      expect((await client.get('/api/health')).body.status).to.equal('ok');
      expect((await client.get('/api/plugins/bonjour/whoami')).status).to.equal(200);
      expect((await client.get('whoami')).status).to.equal(200);
    });

    it('answers 401 to the anonymous client on a session route', async () => {
      const response = await test.anonymous().get('/whoami');
      expect(response.status).to.equal(401);
      expect(response.body.message).to.be.a('string');
    });

    it('reads JSON bodies and gives statuses as they are', async () => {
      const teacher = await test.actAs('ENS');
      const created = await teacher.post('/notes', { text: 'Sortie au musée' });
      expect(created.status).to.equal(201);
      expect(created.body.id).to.be.a('number');
      expect(String(created.headers['content-type'])).to.contain('application/json');
      expect((await (await test.actAs('TUT')).post('/notes', { text: 'x' })).status).to.equal(403);
    });

    it('moves the clock the plugin reads, by date or by milliseconds', async () => {
      test.clock.set('2026-12-24T18:00:00+01:00');
      // After moving the clock: a session opened months earlier would have expired.
      const client = await test.actAs('ENS');
      expect((await client.get('/whoami')).body.now).to.equal(Date.UTC(2026, 11, 24, 17));
      test.clock.advance(60_000);
      expect((await client.widgetData('horloge')).body.now).to.equal(Date.UTC(2026, 11, 24, 17, 1));
      expect(test.clock.now()).to.equal(Date.UTC(2026, 11, 24, 17, 1));
    });

    it('refuses a date it cannot read', () => {
      expect(() => test.clock.set('bientôt')).to.throw('clock.set');
    });

    it('gives the widget’s data as the dashboard would fetch it', async () => {
      const parent = await test.actAs('TUT');
      const response = await parent.widgetData('horloge');
      expect(response.status).to.equal(200);
      expect(response.body.personId).to.equal(test.world.people['parent.a1']);
    });

    it('exposes the plugin’s hooks', () => {
      expect(test.hooks.onEnable).to.be.a('function');
      expect(test.hooks.exportUser).to.equal(undefined);
    });
  });

  describe(`startPluginTest: enabling, settings and migrations (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: bonjour, engine });
    });
    after(() => test?.close());

    it('enables the plugin for École A1 only, by default', async () => {
      expect((await (await test.actAs('ENS')).get('/whoami')).status).to.equal(200);
      expect((await (await test.actAs('ENS', { ecole: 'a2' })).get('/whoami')).status).to.equal(
        404,
      );
      expect((await (await test.actAs('ENS', { ecole: 'b1' })).get('/whoami')).status).to.equal(
        404,
      );
    });

    it('enables and disables it for an école', async () => {
      const teacherA2 = await test.actAs('ENS', { ecole: 'a2' });
      await test.enable('a2');
      expect((await teacherA2.get('/whoami')).status).to.equal(200);
      await test.disable('a2');
      expect((await teacherA2.get('/whoami')).status).to.equal(404);
    });

    it('sets an école’s settings, which the plugin then reads', async () => {
      await test.setSettings('a1', { greeting: 'Salut' });
      const response = await (await test.actAs('ELV')).get('/greeting');
      expect(response.body.greeting).to.equal('Salut');
    });

    it('refuses settings the manifest’s schema rejects, saying so in French', async () => {
      const error = await test.setSettings('a1', { greeting: 42 }).then(
        () => null,
        (caught: Error) => caught,
      );
      expect(error?.message).to.contain('Impossible d’enregistrer les réglages de « bonjour »');
    });

    it('runs the plugin’s migrations down and up again, emptying its tables', async () => {
      const teacher = await test.actAs('ENS');
      await teacher.post('/notes', { text: 'Avant' });
      await test.migrations.down();
      await test.migrations.up();
      const notes = await teacher.get('/notes');
      expect(notes.status).to.equal(200);
      expect(notes.body).to.deep.equal([]);
    });
  });

  describe(`startPluginTest: plugins core refuses (${engine})`, () => {
    it('rejects with core’s reason when the plugin asks for another plugin API', async () => {
      const error = await startPluginTest({ plugin: `${fixtures}plugin-refuse`, engine }).then(
        async (test) => {
          await test.close();
          return null;
        },
        (caught: Error) => caught,
      );
      expect(error?.message).to.contain('refusé le plugin « refuse »');
      expect(error?.message).to.contain('^9.0.0');
    });
  });
}

describe('startPluginTest: a folder without a plugin', () => {
  it('says the manifest is missing, before starting anything', async () => {
    const error = await startPluginTest({ plugin: fixtures }).then(
      () => null,
      (caught: Error) => caught,
    );
    expect(error?.message).to.contain('manifest.json illisible');
  });
});
