import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { MONDAY, pluginFolder, sampleMenu, WEEK } from './helpers.js';

for (const engine of testEngines()) {
  describe(`menu-cantine: each école sees its own menus only (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      // Enabled for A1 only, as startPluginTest does by default.
      test = await startPluginTest({ plugin: pluginFolder, engine });
      await (await test.actAs('COL')).put(`/menus/${MONDAY}`, sampleMenu());
    });
    after(() => test?.close());

    it('answers 404 to a teacher of A2 while the plugin is not enabled there', async () => {
      const teacherA2 = await test.actAs('ENS', { ecole: 'a2' });
      expect((await teacherA2.get(`/menus?week=${WEEK}`)).status).to.equal(404);
      expect((await teacherA2.get(`/menus/${MONDAY}`)).status).to.equal(404);
    });

    it('answers 404 to a parent of B1, in another collectivité, while it is not enabled there', async () => {
      const parentB1 = await test.actAs('TUT', { ecole: 'b1' });
      expect((await parentB1.get(`/menus?week=${WEEK}`)).status).to.equal(404);
      expect((await parentB1.get('/menus/today')).status).to.equal(404);
    });

    it('answers 404 to the IEN acting in A2, although the same person reads A1’s menus', async () => {
      const ienInA2 = await test.actAs('ien.a', { ecole: 'a2' });
      expect((await ienInA2.get(`/menus/${MONDAY}`)).status).to.equal(404);
      const ienInA1 = await test.actAs('ien.a', { ecole: 'a1' });
      expect((await ienInA1.get(`/menus/${MONDAY}`)).status).to.equal(200);
    });

    it('shows none of A1’s menus to B1 once enabled there', async () => {
      await test.enable('b1');
      try {
        const parentB1 = await test.actAs('TUT', { ecole: 'b1' });
        const week = await parentB1.get(`/menus?week=${WEEK}`);
        expect(week.status).to.equal(200);
        expect(week.body.days).to.deep.equal([]);
        expect((await parentB1.get(`/menus/${MONDAY}`)).status).to.equal(404);
      } finally {
        await test.disable('b1');
      }
    });

    it('shows none of A1’s menus to A2 once enabled there, in the same collectivité', async () => {
      await test.enable('a2');
      try {
        const teacherA2 = await test.actAs('ENS', { ecole: 'a2' });
        const week = await teacherA2.get(`/menus?week=${WEEK}`);
        expect(week.status).to.equal(200);
        expect(week.body.days).to.deep.equal([]);
      } finally {
        await test.disable('a2');
      }
    });

    it('answers 404 in A1 once the plugin is disabled there, and keeps the menus', async () => {
      await test.disable('a1');
      try {
        const parent = await test.actAs('TUT');
        expect((await parent.get(`/menus/${MONDAY}`)).status).to.equal(404);
      } finally {
        await test.enable('a1');
      }
      const parent = await test.actAs('TUT');
      expect((await parent.get(`/menus/${MONDAY}`)).status).to.equal(200);
    });
  });
}
