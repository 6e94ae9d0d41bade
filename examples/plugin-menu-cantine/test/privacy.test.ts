import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { MONDAY, pluginFolder, sampleMenu, THURSDAY, TUESDAY } from './helpers.js';

for (const engine of testEngines()) {
  describe(`menu-cantine: personal data hooks (${engine})`, () => {
    let test: PluginTest;
    let ecoleA1: { id: number; uai: string };
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
      ecoleA1 = { id: test.world.ecoles.a1, uai: '0350101V' };
      await (await test.actAs('COL')).put(`/menus/${MONDAY}`, sampleMenu());
      await (await test.actAs('COL')).put(`/menus/${TUESDAY}`, sampleMenu());
      await (await test.actAs('DIR')).put(`/menus/${THURSDAY}`, sampleMenu());
    });
    after(() => test?.close());

    it('exports the menus a person published last, and nothing for someone who published none', async () => {
      const files = await test.hooks.exportUser?.(test.world.people['atsem.a1']);
      expect(files).to.have.length(1);
      expect(files?.[0]?.path).to.equal('menu-cantine/menus-publies.json');
      const content = JSON.parse(String(files?.[0]?.content));
      expect(content.menus.map((menu: { date: string }) => menu.date)).to.deep.equal([
        MONDAY,
        TUESDAY,
      ]);
      expect(content.menus[0].ecoleId).to.equal(test.world.ecoles.a1);
      expect(await test.hooks.exportUser?.(test.world.people['parent.a1'])).to.deep.equal([]);
    });

    it('forgets who published on erasure, and keeps the menus for families', async () => {
      await test.hooks.eraseUser?.(test.world.people['directeur.a1']);
      expect(await test.hooks.exportUser?.(test.world.people['directeur.a1'])).to.deep.equal([]);
      const read = await (await test.actAs('TUT')).get(`/menus/${THURSDAY}`);
      expect(read.status).to.equal(200);
      expect(read.body.courses.plat[0].name).to.equal('Lasagnes à la bolognaise');
    });

    it('deletes, at the change of year, the menus dated more than a year ago', async () => {
      const atsem = await test.actAs('COL');
      await atsem.put('/menus/2025-06-02', sampleMenu());
      await atsem.put('/menus/2025-09-02', sampleMenu());
      await test.hooks.yearRollover?.(ecoleA1, '2026-2027');
      expect((await atsem.get('/menus/2025-06-02')).status).to.equal(404);
      expect((await atsem.get('/menus/2025-09-02')).status).to.equal(200);
      expect((await atsem.get(`/menus/${MONDAY}`)).status).to.equal(200);
    });
  });
}
