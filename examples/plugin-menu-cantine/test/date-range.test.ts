import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { pluginFolder, sampleMenu, THURSDAY } from './helpers.js';

/*
 * Menus are accepted for the years 2000 to 2099 only. Before, weeks of the years 0 to 999 and
 * 9999 answered 500 to any reader (`Date.UTC` reads 0–99 as 1900–1999, years were not padded),
 * and a menu for 9999-12-31 was stored and notified to the école.
 */

const notificationsFolder = fileURLToPath(
  new URL('../../../../plugins/notifications', import.meta.url),
);
const FEED = '/api/plugins/notifications/items';

for (const engine of testEngines()) {
  describe(`menu-cantine: dates outside 2000–2099 are refused with 400 (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [notificationsFolder],
      });
      await test.enable('a1', 'notifications');
    });
    after(() => test?.close());

    for (const week of [
      '0999-W01',
      '0000-W01',
      '0050-W10',
      '0099-W52',
      '1999-W52',
      '2100-W01',
      '9999-W52',
    ]) {
      it(`answers a reader 400 naming the years accepted for week ${week}`, async () => {
        const parent = await test.actAs('parent.a1');
        const response = await parent.get(`/menus?week=${week}`);
        expect(response.status, response.text).to.equal(400);
        expect(response.body.message).to.equal(
          `week : la semaine ${week} est hors des années acceptées (2000 à 2099) ; ` +
            'choisissez-en une entre 2000-W01 et 2099-W52.',
        );
      });
    }

    it('answers the first and last weeks of the range, and this week (positive control)', async () => {
      const parent = await test.actAs('parent.a1');
      for (const week of ['2000-W01', '2099-W52', '2026-W36']) {
        const response = await parent.get(`/menus?week=${week}`);
        expect(response.status, `${week} ${response.text}`).to.equal(200);
        expect(response.body.week).to.equal(week);
        expect(response.body.days).to.be.an('array');
      }
    });

    it('refuses a menu for 9999-12-31, stores nothing and notifies nobody', async () => {
      const atsem = await test.actAs('atsem.a1');
      const response = await atsem.put('/menus/9999-12-31', sampleMenu());
      expect(response.status, response.text).to.equal(400);
      expect(response.body.message).to.equal(
        'date : le 9999-12-31 est hors des dates acceptées, du 2000-01-01 au 2099-12-31.',
      );
      expect((await atsem.get('/menus/9999-12-31')).status).to.equal(400);
      const parent = await test.actAs('parent.a1');
      expect((await parent.get(FEED)).body.items).to.deep.equal([]);
    });

    it('refuses a menu for a year 0–99 date instead of filing it under 1900–1999', async () => {
      const atsem = await test.actAs('atsem.a1');
      const response = await atsem.put('/menus/0050-03-01', sampleMenu());
      expect(response.status, response.text).to.equal(400);
      expect(response.body.message).to.contain('du 2000-01-01 au 2099-12-31');
    });

    it('publishes and notifies a menu inside the range (positive control)', async () => {
      const atsem = await test.actAs('atsem.a1');
      expect((await atsem.put(`/menus/${THURSDAY}`, sampleMenu())).status).to.equal(201);
      const parent = await test.actAs('parent.a1');
      expect((await parent.get(FEED)).body.items).to.have.length(1);
    });
  });
}
