import { PLUGIN_API_VERSION } from '@preau/sdk';
import { expect } from 'chai';
import { pino } from 'pino';

import { loadConfig } from '../../src/config/load.js';
import { describePlugins } from '../../src/plugins/host.js';
import { createPreau } from '../../src/server.js';
import {
  createTestDatabase,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { ALL_FIXTURE_PLUGINS, fixturePlugin } from './fixtures.js';

for (const engine of testEngines()) {
  describe(`Plugin host start (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine, plugins: ALL_FIXTURE_PLUGINS.map(fixturePlugin) });
    });
    after(() => core?.close());

    const statusOf = (id: string) =>
      core.preau.services.plugins.installed().find((plugin) => plugin.id === id);

    it('starts the good plugin and the one depending on it, in dependency order', () => {
      expect(core.preau.services.plugins.list().map((plugin) => plugin.id)).to.deep.equal([
        'carnet-essai',
        'carnet-suivi',
      ]);
    });

    it('refuses an invalid manifest, saying which field is wrong', () => {
      expect(statusOf('Mauvais_Id')).to.include({ status: 'refused' });
      expect(statusOf('Mauvais_Id')?.reason).to.match(/^son manifeste est invalide \(id : /);
    });

    it('refuses a plugin asking for another plugin API, naming its range and ours', () => {
      expect(statusOf('api-future')).to.include({
        status: 'refused',
        reason: `il demande l’API de plugins ^2.0.0, Préau fournit ${PLUGIN_API_VERSION}`,
      });
    });

    it('refuses a plugin whose dependency is not installed, naming it', () => {
      expect(statusOf('orphelin')?.reason).to.equal(
        'il dépend du plugin « absent » (^1.0.0), qui n’est pas installé',
      );
    });

    it('refuses a plugin whose register() throws, with the error', () => {
      expect(statusOf('register-casse')?.reason).to.equal(
        'son register() a échoué (Panne au démarrage du plugin)',
      );
    });

    it('refuses a plugin depending on one refused at start', () => {
      expect(statusOf('apres-casse')?.reason).to.equal(
        'il dépend du plugin « register-casse », qui a été refusé',
      );
    });

    it('mounts none of the routes a plugin registered before its register() threw', () => {
      const paths = core.preau.server.table().map((route) => route.path);
      expect(paths.filter((path) => path.startsWith('/api/plugins/register-casse'))).to.be.empty;
      expect(paths).to.include('/api/plugins/carnet-essai/notes');
    });

    it('describes every plugin for `preau plugins list`', () => {
      const rows = describePlugins(core.preau.services.plugins);
      expect(rows.map((row) => [row.id, row.status])).to.have.deep.members([
        ['Mauvais_Id', 'refused'],
        ['api-future', 'refused'],
        ['orphelin', 'refused'],
        ['register-casse', 'refused'],
        ['apres-casse', 'refused'],
        ['carnet-essai', 'started'],
        ['carnet-suivi', 'started'],
      ]);
    });

    it('shows statuses and reasons to an administrator at GET /api/admin/plugins', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.get('/api/admin/plugins');
      expect(response.statusCode).to.equal(200);
      const body = JSON.parse(response.payload) as {
        pluginApiVersion: string;
        plugins: Array<{ id: string; status: string; reason: string | null }>;
      };
      expect(body.pluginApiVersion).to.equal(PLUGIN_API_VERSION);
      expect(body.plugins.find((p) => p.id === 'api-future')).to.include({
        status: 'refused',
        reason: `il demande l’API de plugins ^2.0.0, Préau fournit ${PLUGIN_API_VERSION}`,
      });
      expect(body.plugins.find((p) => p.id === 'carnet-essai')).to.include({
        status: 'started',
        reason: null,
      });
    });

    it('hides GET /api/admin/plugins from someone who administers nothing', async () => {
      const teacher = await core.as('enseignant.cm1a');
      expect((await teacher.get('/api/admin/plugins')).statusCode).to.equal(404);
    });

    it('documents each plugin route with the plugin id as its tag', () => {
      const route = core.preau.server
        .table()
        .find((r) => r.path === '/api/plugins/carnet-essai/notes' && r.method === 'post');
      expect(route?.settings.plugins)
        .to.have.nested.property('preau.tags')
        .that.deep.equals(['carnet-essai']);
    });
  });

  describe(`Plugin refusals in the log (${engine})`, () => {
    it('logs one sentence per refused plugin, naming it, its API range and ours', async () => {
      const lines: string[] = [];
      const database = await createTestDatabase(engine);
      const config = loadConfig({
        env: {},
        cwd: process.cwd(),
        overrides: {
          database: { url: database.url },
          log: { level: 'warn' },
          server: { host: '127.0.0.1', port: 0, publicUrl: 'http://localhost' },
          plugins: [fixturePlugin('api-future'), fixturePlugin('carnet-essai')],
        },
      });
      const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
      try {
        const preau = await createPreau({ config, logger });
        await preau.stop();
      } finally {
        await database.drop();
      }
      const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages).to.include(
        `Plugin « api-future » refusé : il demande l’API de plugins ^2.0.0, Préau fournit ${PLUGIN_API_VERSION}`,
      );
      expect(messages.filter((m) => m.includes('carnet-essai'))).to.be.empty;
    });
  });
}
