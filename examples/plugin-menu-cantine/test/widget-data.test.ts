import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { FRIDAY, NEXT_MONDAY, pluginFolder, sampleMenu, THURSDAY, TUESDAY } from './helpers.js';

for (const engine of testEngines()) {
  describe(`menu-cantine: data of the « Menu du jour » widget (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
      const atsem = await test.actAs('COL');
      await atsem.put(`/menus/${TUESDAY}`, sampleMenu('Hachis parmentier'));
      await atsem.put(`/menus/${THURSDAY}`, sampleMenu('Poisson pané'));
    });
    after(() => test?.close());

    it('gives today’s menu in the morning of a school day', async () => {
      test.clock.set(`${TUESDAY}T11:30:00+02:00`);
      const response = await (await test.actAs('TUT')).widgetData('menu-du-jour');
      expect(response.status).to.equal(200);
      expect(response.body).to.include({
        date: TUESDAY,
        when: 'today',
        serviceLabel: 'Restaurant scolaire',
        showAllergens: true,
      });
      expect(response.body.menu.courses.plat).to.deep.equal([
        { name: 'Hachis parmentier', allergens: ['gluten', 'lait', 'celeri'], labels: [] },
      ]);
      expect(response.body.menu.note).to.equal('Repas de la rentrée');
    });

    it('gives the next school day’s menu from 14:00, skipping Wednesday, and says so', async () => {
      test.clock.set(`${TUESDAY}T14:00:00+02:00`);
      const response = await (await test.actAs('ELV')).widgetData('menu-du-jour');
      expect(response.body).to.include({ date: THURSDAY, when: 'next' });
      expect(response.body.menu.courses.plat[0].name).to.equal('Poisson pané');
    });

    it('gives Monday’s menu on a Friday afternoon, and null when none is published', async () => {
      test.clock.set(`${FRIDAY}T15:00:00+02:00`);
      const response = await (await test.actAs('ENS')).widgetData('menu-du-jour');
      expect(response.body).to.include({ date: NEXT_MONDAY, when: 'next' });
      expect(response.body.menu).to.equal(null);
    });

    it('reads the time in Paris: at 12:30 UTC, 14:30 in Paris, lunch is over', async () => {
      test.clock.set(`${TUESDAY}T12:30:00Z`);
      const response = await (await test.actAs('DIR')).widgetData('menu-du-jour');
      expect(response.body).to.include({ date: THURSDAY, when: 'next' });
    });

    it('reads the date in Paris: at 22:30 UTC on Monday it is already Tuesday there', async () => {
      test.clock.set('2026-08-31T22:30:00Z');
      const response = await (await test.actAs('DIR')).widgetData('menu-du-jour');
      expect(response.body).to.include({ date: TUESDAY, when: 'today' });
    });

    it('is not given to a parent of an école where the plugin is not enabled', async () => {
      const parentB1 = await test.actAs('TUT', { ecole: 'b1' });
      expect((await parentB1.widgetData('menu-du-jour')).status).to.equal(404);
    });
  });
}
