import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { menuCantineFolder, pluginFolder, search, titles } from './helpers.js';

const MONDAY = '/api/plugins/menu-cantine/menus/2026-09-07';
const menu = (plat: string) => ({
  courses: { plat: [{ name: plat, allergens: [], labels: [] }] },
  note: 'Repas de la rentrée',
});

for (const engine of testEngines()) {
  describe(`recherche: the menus of menu-cantine (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [menuCantineFolder],
        enableFor: ['a1'],
      });
      await test.enable('a1', 'menu-cantine');
      await test.enable('a2', 'menu-cantine');
    });
    after(() => test?.close());

    it('finds a menu as soon as it is published, with its day as title', async () => {
      const atsem = await test.actAs('COL');
      expect((await atsem.put(MONDAY, menu('Hachis parmentier'))).status).to.equal(201);
      const found = await search(await test.actAs('parent.a1'), 'parmentier');
      expect(found.body.groups).to.deep.equal([
        {
          pluginId: 'menu-cantine',
          pluginName: 'Menus de la cantine',
          results: [
            {
              title: 'Menu du lundi 7 septembre',
              snippet: 'Hachis parmentier, Repas de la rentrée',
              url: '/apps/menu-cantine/?semaine=2026-W37',
            },
          ],
        },
      ]);
    });

    it('finds the new dishes of a replaced menu, not the old ones', async () => {
      const atsem = await test.actAs('COL');
      await atsem.put(MONDAY, menu('Hachis parmentier'));
      await atsem.put(MONDAY, menu('Gratin de courgettes'));
      const parent = await test.actAs('parent.a1');
      expect(titles(await search(parent, 'parmentier'))).to.deep.equal([]);
      expect(titles(await search(parent, 'courgette'))).to.deep.equal([
        'Menu du lundi 7 septembre',
      ]);
    });

    it('forgets a deleted menu', async () => {
      const atsem = await test.actAs('COL');
      await atsem.put(MONDAY, menu('Poisson pané'));
      expect((await atsem.delete(MONDAY)).status).to.equal(204);
      expect(titles(await search(await test.actAs('parent.a1'), 'poisson'))).to.deep.equal([]);
    });

    it('still publishes menus in an école where recherche is not enabled', async () => {
      await test.disable('a1');
      const atsem = await test.actAs('COL');
      try {
        expect((await atsem.put(MONDAY, menu('Couscous'))).status).to.be.oneOf([200, 201]);
        expect((await atsem.get(MONDAY)).body.courses.plat[0].name).to.equal('Couscous');
        expect((await search(atsem, 'couscous')).status).to.equal(404);
      } finally {
        await test.enable('a1');
      }
      // Enabling recherche again indexed the menus published meanwhile (searchReindex).
      expect(titles(await search(atsem, 'couscous'))).to.deep.equal(['Menu du lundi 7 septembre']);
    });
  });
}
