import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { pluginFolder, sampleMenu, THURSDAY, FRIDAY } from './helpers.js';

/** The first-party notifications plugin, loaded beside menu-cantine. */
const notificationsFolder = fileURLToPath(
  new URL('../../../../plugins/notifications', import.meta.url),
);
const FEED = '/api/plugins/notifications/items';

const titlesOf = (body: { items: Array<{ title: string }> }) => body.items.map((i) => i.title);

for (const engine of testEngines()) {
  describe(`menu-cantine: a new menu notifies the école (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [notificationsFolder],
        enableFor: ['a1', 'b1'],
      });
      await test.enable('a1', 'notifications');
      await test.enable('b1', 'notifications');
    });
    after(() => test?.close());

    it('tells families and staff of the école, not the publisher, not another école', async () => {
      const atsem = await test.actAs('atsem.a1');
      const put = await atsem.put(`/menus/${THURSDAY}`, sampleMenu());
      expect(put.status, put.text).to.equal(201);
      const parent = await test.actAs('parent.a1');
      const feed = await parent.get(FEED);
      expect(feed.status, feed.text).to.equal(200);
      expect(feed.body.items[0]).to.include({
        pluginId: 'menu-cantine',
        pluginName: 'Menus de la cantine',
        type: 'menu-publie',
        typeLabel: 'Nouveau menu de la cantine',
        title: 'Menu du jeudi 3 septembre publié',
        url: '/apps/menu-cantine/?semaine=2026-W36',
      });
      expect(titlesOf((await (await test.actAs('eleve.ce1')).get(FEED)).body)).to.have.length(1);
      expect(titlesOf((await atsem.get(FEED)).body)).to.deep.equal([]);
      expect(titlesOf((await (await test.actAs('parent.b1')).get(FEED)).body)).to.deep.equal([]);
    });

    it('does not notify again when the same day’s menu is corrected', async () => {
      const atsem = await test.actAs('atsem.a1');
      expect((await atsem.put(`/menus/${THURSDAY}`, sampleMenu('Poisson pané'))).status).to.equal(
        200,
      );
      const parent = await test.actAs('parent.a1');
      expect(titlesOf((await parent.get(FEED)).body)).to.have.length(1);
    });

    it('offers the type in « Mes notifications » with its manifest default', async () => {
      const parent = await test.actAs('parent.a1');
      const { types } = (await parent.get('/api/plugins/notifications/preferences')).body;
      expect(types).to.deep.include({
        pluginId: 'menu-cantine',
        pluginName: 'Menus de la cantine',
        type: 'menu-publie',
        label: 'Nouveau menu de la cantine',
        description: 'Quand le menu d’un jour est publié',
        defaultChannel: 'in-app',
        channel: 'in-app',
      });
    });

    it('still publishes when notifications is not enabled for the école, telling nobody', async () => {
      await test.disable('a1', 'notifications');
      try {
        const atsem = await test.actAs('atsem.a1');
        expect((await atsem.put(`/menus/${FRIDAY}`, sampleMenu())).status).to.equal(201);
      } finally {
        await test.enable('a1', 'notifications');
      }
      const parent = await test.actAs('parent.a1');
      expect(titlesOf((await parent.get(FEED)).body)).to.deep.equal([
        'Menu du jeudi 3 septembre publié',
      ]);
    });

    it('reaches a parent’s open page at once, with the new unread count', async () => {
      const page = test.liveMessages('parent.a1');
      try {
        const atsem = await test.actAs('atsem.a1');
        expect((await atsem.put('/menus/2026-09-08', sampleMenu())).status).to.equal(201);
        // The Thursday menu of the first test is still unread: this one makes two.
        expect(page.messages).to.have.length(1);
        expect(page.messages[0]).to.deep.include({ type: 'notifications.changed' });
        expect(page.messages[0]!.data).to.deep.include({ unread: 2 });
      } finally {
        page.stop();
      }
    });
  });
}
