import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { pluginFolder, sampleMenu, TUESDAY, WEDNESDAY, WEEK } from './helpers.js';

for (const engine of testEngines()) {
  describe(`menu-cantine: an école's settings (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
      await test.setSettings('a1', {
        showAllergens: false,
        serviceLabel: 'Cantine municipale',
        wednesdayMeals: true,
      });
      await (await test.actAs('COL')).put(`/menus/${TUESDAY}`, sampleMenu());
    });
    after(() => test?.close());

    it('accepts a Wednesday menu when the école serves meals on Wednesdays', async () => {
      const response = await (await test.actAs('COL')).put(`/menus/${WEDNESDAY}`, sampleMenu());
      expect(response.status).to.equal(201);
      const week = await (await test.actAs('TUT')).get(`/menus?week=${WEEK}`);
      expect(week.body.schoolDays).to.include(WEDNESDAY);
    });

    it('gives the widget no allergens when the école hides them, and its service’s name', async () => {
      test.clock.set(`${TUESDAY}T09:00:00+02:00`);
      const response = await (await test.actAs('TUT')).widgetData('menu-du-jour');
      expect(response.body).to.include({
        showAllergens: false,
        serviceLabel: 'Cantine municipale',
      });
      const dishes = Object.values(response.body.menu.courses).flat() as Array<{
        allergens: string[];
      }>;
      expect(dishes.length).to.be.greaterThan(0);
      for (const dish of dishes) expect(dish.allergens).to.deep.equal([]);
    });

    it('still gives the allergens through the API, to those who prepare the meals', async () => {
      const response = await (await test.actAs('COL')).get(`/menus/${TUESDAY}`);
      expect(response.body.courses.plat[0].allergens).to.deep.equal(['gluten', 'lait', 'celeri']);
    });

    it('gives Wednesday’s menu after Tuesday’s lunch when meals are served on Wednesdays', async () => {
      test.clock.set(`${TUESDAY}T15:00:00+02:00`);
      const response = await (await test.actAs('TUT')).widgetData('menu-du-jour');
      expect(response.body).to.include({ date: WEDNESDAY, when: 'next' });
    });
  });
}
