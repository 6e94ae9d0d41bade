import type { PluginMigration } from '@preau/sdk';
import { expect } from 'chai';

import {
  completedPluginMigrations,
  migratePluginDown,
  migratePluginUp,
  pluginMigrationsTable,
} from '../../src/plugins/migrations.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { fixturePlugin } from './fixtures.js';

for (const engine of testEngines()) {
  describe(`Plugin migrations (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine, plugins: [fixturePlugin('carnet-essai')] });
    });
    after(() => core?.close());

    const hasTables = async () => ({
      notes: await core.preau.ctx.knex.schema.hasTable('carnet_essai_notes'),
      journal: await core.preau.ctx.knex.schema.hasTable('carnet_essai_journal'),
    });
    const recorded = async () =>
      (await core.preau.ctx
        .knex('carnet_essai_migrations')
        .orderBy('id')
        .pluck('name')) as string[];

    it('ran at start, recorded in the plugin’s own migrations table', async () => {
      expect(pluginMigrationsTable('carnet-essai')).to.equal('carnet_essai_migrations');
      expect(await hasTables()).to.deep.equal({ notes: true, journal: true });
      expect(await recorded()).to.deep.equal(['0001-notes', '0002-journal']);
    });

    it('go down, up and down again: tables gone, migrations table empty, then back', async () => {
      const plugins = core.preau.services.plugins;
      expect(await plugins.migrate('carnet-essai', 'down')).to.deep.equal([
        '0002-journal',
        '0001-notes',
      ]);
      expect(await hasTables()).to.deep.equal({ notes: false, journal: false });
      expect(await recorded()).to.deep.equal([]);

      await plugins.migrate('carnet-essai', 'up');
      expect(await hasTables()).to.deep.equal({ notes: true, journal: true });
      expect(await recorded()).to.deep.equal(['0001-notes', '0002-journal']);
    });

    it('leave working tables after going down and up again', async () => {
      const plugins = core.preau.services.plugins;
      await plugins.migrate('carnet-essai', 'down');
      await plugins.migrate('carnet-essai', 'up');
      const admin = await core.as('admin.a');
      await admin.put(`/api/admin/ecoles/${core.world.ecoles.a1}/plugins/carnet-essai`);
      const teacher = await core.as('enseignant.cm1a');
      const response = await teacher.post('/api/plugins/carnet-essai/notes', { texte: 'Encore' });
      expect(response.statusCode).to.equal(201);
    });

    it('can go down twice in a row', async () => {
      const plugins = core.preau.services.plugins;
      await plugins.migrate('carnet-essai', 'down');
      expect(await plugins.migrate('carnet-essai', 'down')).to.deep.equal([]);
      await plugins.migrate('carnet-essai', 'up');
    });

    it('run data migrations through table() and only once each', async () => {
      const migrations: PluginMigration[] = [
        {
          name: '0001-compteurs',
          up: async ({ schema, tableName }) =>
            schema.createTable(
              tableName('compteurs'),
              (t: { string(n: string): unknown; integer(n: string): unknown }) => {
                t.string('nom');
                t.integer('valeur');
              },
            ),
          down: async ({ schema, tableName }) => schema.dropTable(tableName('compteurs')),
        },
        {
          name: '0002-premier-compteur',
          up: async ({ table }) => table('compteurs').insert({ nom: 'visites', valeur: 0 }),
          down: async ({ table }) => table('compteurs').delete(),
        },
      ];
      const plugin = { id: 'essai-donnees', migrations };
      const { knex } = core.preau.ctx;
      expect(await migratePluginUp(knex, plugin)).to.deep.equal([
        '0001-compteurs',
        '0002-premier-compteur',
      ]);
      expect(await migratePluginUp(knex, plugin)).to.deep.equal([]);
      expect(await knex('essai_donnees_compteurs').count({ n: '*' }).first()).to.deep.equal({
        n: 1,
      });
      expect(await completedPluginMigrations(knex, plugin)).to.deep.equal([
        '0001-compteurs',
        '0002-premier-compteur',
      ]);
      await migratePluginDown(knex, plugin);
      expect(await knex.schema.hasTable('essai_donnees_compteurs')).to.equal(false);
    });
  });
}
