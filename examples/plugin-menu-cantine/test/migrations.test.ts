import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { MONDAY, pluginFolder, sampleMenu, WEEK } from './helpers.js';

for (const engine of testEngines()) {
  describe(`menu-cantine: migrations (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
    });
    after(() => test?.close());

    it('goes up, down and up again, leaving working, empty tables', async () => {
      const atsem = await test.actAs('COL');
      expect((await atsem.put(`/menus/${MONDAY}`, sampleMenu())).status).to.equal(201);

      await test.migrations.down();
      await test.migrations.up();

      const week = await atsem.get(`/menus?week=${WEEK}`);
      expect(week.status).to.equal(200);
      expect(week.body.days).to.deep.equal([]);
      expect((await atsem.put(`/menus/${MONDAY}`, sampleMenu())).status).to.equal(201);
      expect((await atsem.get(`/menus/${MONDAY}`)).body.courses.plat[0].name).to.equal(
        'Lasagnes à la bolognaise',
      );
    });

    it('can be undone twice in a row without failing', async () => {
      await test.migrations.down();
      await test.migrations.down();
      await test.migrations.up();
      const week = await (await test.actAs('TUT')).get(`/menus?week=${WEEK}`);
      expect(week.status).to.equal(200);
    });
  });
}
