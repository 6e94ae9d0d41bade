import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { pluginFolder, WEEK } from './helpers.js';

/** The first-party notifications plugin, loaded beside menu-cantine. */
const notificationsFolder = fileURLToPath(
  new URL('../../../../plugins/notifications', import.meta.url),
);

const datesOf = (body: { days: Array<{ date: string }> }) => body.days.map((day) => day.date);

for (const engine of testEngines()) {
  describe(`menu-cantine: the demo's sample menus (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [notificationsFolder],
      });
      await test.enable('a1', 'notifications');
      // Outside quiet hours (Tuesday 10:00 in Paris): the notification is visible at once.
      await test.hooks.demoContent!({ id: test.world.ecoles.a1, uai: '0000001A' });
    });
    after(() => test?.close());

    it('publishes the menus of every school day of this week and the next', async () => {
      const parent = await test.actAs('parent.a1');
      const thisWeek = await parent.get(`/menus?week=${WEEK}`);
      expect(datesOf(thisWeek.body)).to.deep.equal(thisWeek.body.schoolDays);
      const nextWeek = await parent.get('/menus?week=2026-W37');
      expect(datesOf(nextWeek.body)).to.deep.equal([
        '2026-09-07',
        '2026-09-08',
        '2026-09-10',
        '2026-09-11',
      ]);
    });

    it('tells families once, about the next school day’s menu (no meal on Wednesdays)', async () => {
      const parent = await test.actAs('parent.a1');
      const feed = await parent.get('/api/plugins/notifications/items');
      expect(feed.body.items.map((item: { title: string }) => item.title)).to.deep.equal([
        'Menu du jeudi 3 septembre publié',
      ]);
    });

    it('changes nothing when the demo is installed again', async () => {
      const parent = await test.actAs('parent.a1');
      const before = (await parent.get(`/menus?week=${WEEK}`)).body;
      await test.hooks.demoContent!({ id: test.world.ecoles.a1, uai: '0000001A' });
      expect((await parent.get(`/menus?week=${WEEK}`)).body).to.deep.equal(before);
      const feed = await parent.get('/api/plugins/notifications/items');
      expect(feed.body.items).to.have.length(1);
    });

    it('adds nothing to an école without a directeur to sign the menus', async () => {
      await test.enable('b1');
      await test.hooks.demoContent!({ id: test.world.ecoles.b1, uai: '0000003C' });
      const parent = await test.actAs('parent.b1');
      expect((await parent.get(`/menus?week=${WEEK}`)).body.days).to.deep.equal([]);
    });
  });
}
