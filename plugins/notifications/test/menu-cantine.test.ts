import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { feedTitles, menuCantineFolder, pluginFolder } from './helpers.js';

const MENU = {
  courses: {
    plat: [{ name: 'Hachis parmentier', allergens: ['lait'] }],
    dessert: [{ name: 'Pomme', allergens: [] }],
  },
};

for (const engine of testEngines()) {
  describe(`notifications: menu-cantine, the SDK example, notifies (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [menuCantineFolder],
        enableFor: ['a1'],
      });
      await test.enable('a1', 'menu-cantine');
    });
    after(() => test?.close());

    it('puts a new menu in the families’ feed, with the publisher left out', async () => {
      const atsem = await test.actAs('atsem.a1');
      const put = await atsem.put('/api/plugins/menu-cantine/menus/2026-09-03', MENU);
      expect(put.status, put.text).to.equal(201);
      expect(await feedTitles(await test.actAs('parent.a1'))).to.deep.equal([
        'Menu du jeudi 3 septembre publié',
      ]);
      expect(await feedTitles(atsem)).to.deep.equal([]);
    });

    it('lets menu-cantine publish when notifications is disabled, notifying nobody', async () => {
      await test.disable('a1');
      try {
        const atsem = await test.actAs('atsem.a1');
        const put = await atsem.put('/api/plugins/menu-cantine/menus/2026-09-04', MENU);
        expect(put.status, put.text).to.equal(201);
      } finally {
        await test.enable('a1');
      }
      expect(await feedTitles(await test.actAs('parent.a1'))).to.deep.equal([
        'Menu du jeudi 3 septembre publié',
      ]);
    });
  });
}
