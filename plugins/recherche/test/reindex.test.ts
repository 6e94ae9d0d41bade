import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { menuCantineFolder, pluginFolder, search, titles } from './helpers.js';

const menu = (plat: string) => ({
  courses: { plat: [{ name: plat, allergens: [], labels: [] }] },
});
const menuPath = (date: string) => `/api/plugins/menu-cantine/menus/${date}`;

for (const engine of testEngines()) {
  describe(`recherche: content published before search was enabled (${engine})`, () => {
    let test: PluginTest;
    beforeEach(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [menuCantineFolder],
        enableFor: [],
      });
      await test.enable('a1', 'menu-cantine');
      await test.enable('a2', 'menu-cantine');
    });
    afterEach(() => test?.close());

    it('finds the menus published while recherche was disabled once it is enabled', async () => {
      const atsem = await test.actAs('COL');
      expect((await atsem.put(menuPath('2026-09-07'), menu('Hachis parmentier'))).status).to.equal(
        201,
      );
      expect((await atsem.put(menuPath('2026-09-08'), menu('Tarte aux poireaux'))).status).to.equal(
        201,
      );
      await test.enable('a1');
      const parent = await test.actAs('parent.a1');
      expect(titles(await search(parent, 'parmentier'))).to.deep.equal([
        'Menu du lundi 7 septembre',
      ]);
      expect(titles(await search(parent, 'poireaux'))).to.deep.equal(['Menu du mardi 8 septembre']);
    });

    it('indexes an école’s menus for that école only', async () => {
      const atsem = await test.actAs('COL');
      expect((await atsem.put(menuPath('2026-09-07'), menu('Lasagnes'))).status).to.equal(201);
      await test.enable('a2');
      await test.enable('a1');
      const inA2 = await test.actAs('enseignant.a2');
      expect(titles(await search(inA2, 'lasagnes'))).to.deep.equal([]);
      expect(titles(await search(await test.actAs('parent.a1'), 'lasagnes'))).to.deep.equal([
        'Menu du lundi 7 septembre',
      ]);
    });

    it('indexes a plugin’s content when it is enabled again where recherche is', async () => {
      const atsem = await test.actAs('COL');
      await atsem.put(menuPath('2026-09-07'), menu('Couscous'));
      await test.disable('a1', 'menu-cantine');
      await test.enable('a1');
      const parent = await test.actAs('parent.a1');
      // A disabled plugin's content is never shown.
      expect(titles(await search(parent, 'couscous'))).to.deep.equal([]);
      await test.enable('a1', 'menu-cantine');
      expect(titles(await search(parent, 'couscous'))).to.deep.equal(['Menu du lundi 7 septembre']);
    });

    it('no longer shows the menus of menu-cantine once it is disabled for the école', async () => {
      await test.enable('a1');
      const atsem = await test.actAs('COL');
      await atsem.put(menuPath('2026-09-07'), menu('Blanquette'));
      const parent = await test.actAs('parent.a1');
      expect(titles(await search(parent, 'blanquette'))).to.deep.equal([
        'Menu du lundi 7 septembre',
      ]);
      await test.disable('a1', 'menu-cantine');
      expect(titles(await search(parent, 'blanquette'))).to.deep.equal([]);
    });
  });

  describe(`recherche: menus deleted at the change of school year (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      // menu-cantine is the plugin under test here, so that `test.hooks` are its hooks.
      test = await startPluginTest({
        plugin: menuCantineFolder,
        engine,
        plugins: [pluginFolder],
        enableFor: ['a1'],
      });
      await test.enable('a1', 'recherche');
    });
    after(() => test?.close());

    it('leaves the search index along with the menus older than a year', async () => {
      const atsem = await test.actAs('COL');
      expect((await atsem.put(menuPath('2026-09-07'), menu('Gratin dauphinois'))).status).to.equal(
        201,
      );
      expect(
        (await atsem.put(menuPath('2026-09-08'), menu('Gratin de chou-fleur'))).status,
      ).to.equal(201);
      test.clock.set('2027-09-08T06:00:00Z');
      const parent = await test.actAs('parent.a1');
      const gratin = () => parent.get('/api/plugins/recherche/?q=gratin');
      expect(titles(await gratin())).to.have.length(2);
      await test.hooks.yearRollover!({ id: test.world.ecoles.a1, uai: '0350101V' }, '2027-2028');
      // 7 September 2026 is more than 365 days old; 8 September 2026 is kept a day more.
      expect(titles(await gratin())).to.deep.equal(['Menu du mardi 8 septembre']);
      const atsemNow = await test.actAs('COL');
      expect((await atsemNow.get(menuPath('2026-09-07'))).status).to.equal(404);
    });
  });
}
