import { expect } from 'chai';
import type { MigrationContext } from '@preau/sdk';
// White-box test of recherche's own index: it calls the service recherche provides and reads its
// tables on both engines, below anything the SDK's test harness offers a plugin.
// eslint-disable-next-line no-restricted-imports
import { startTestCore, testEngines, type TestCore } from '@preau/core/testing';

import type { RechercheService } from '../src/index.js';
import { fold } from '../src/server/fold.js';
import { migrations } from '../src/server/migrations.js';
import { ecoleWords } from '../src/server/mysql-index.js';
import { annoncesFolder, pluginFolder } from './helpers.js';

describe('recherche: MariaDB words carry their école', () => {
  it('prefixes each word long enough to be indexed with its école, and drops the others', () => {
    expect(ecoleWords(12, fold('Fête de l’École à la cantine'))).to.equal(
      'e12xfete e12xecole e12xcantine',
    );
  });
});

// The data migration only does something on MariaDB: the folded copies exist there alone.
const engines = testEngines().filter((engine) => engine === 'mariadb');
for (const engine of engines) {
  describe(`recherche: migration 0002 folds older rows again (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine, plugins: [pluginFolder, annoncesFolder] });
      const admin = await core.as('admin.plateforme');
      for (const id of ['recherche', 'annonces-essai']) {
        const response = await admin.put(`/api/admin/ecoles/${core.world.ecoles.a1}/plugins/${id}`);
        expect(response.statusCode).to.equal(200);
      }
      const service = core.preau.services.plugins.get('recherche')!.service as RechercheService;
      await service.index('annonces-essai', {
        ecoleId: core.world.ecoles.a1,
        provider: 'annonces',
        id: 'fete',
        title: 'Fête de l’École',
        text: 'Toutes les familles sont invitées dans la cour.',
        url: '/apps/annonces-essai/fete',
        audience: 'ecole',
      });
    });
    after(() => core?.close());

    const found = async () => {
      const parent = await core.as('parent.a1');
      const response = await parent.get('/api/plugins/recherche/?q=familles');
      const body = JSON.parse(response.payload) as { groups: unknown[] };
      return body.groups.length;
    };
    const context = (): MigrationContext => {
      const knex = core.preau.ctx.knex;
      return {
        get schema() {
          return knex.schema;
        },
        tableName: (name) => `recherche_${name}`,
        table: (name) => knex(`recherche_${name}`),
        engine: 'mysql',
      };
    };

    it('makes a document indexed before it findable again, and down undoes it', async () => {
      expect(await found()).to.equal(1);
      await migrations[1]!.down(context());
      expect(await found(), 'the old folded form is not searched').to.equal(0);
      await migrations[1]!.up(context());
      expect(await found()).to.equal(1);
    });
  });
}
