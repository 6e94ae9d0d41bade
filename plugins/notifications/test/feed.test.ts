import { expect } from 'chai';

import { testEngines, type PluginTest } from '@preau/sdk/testing';

import { feedTitles, publish, startWithAnnonces, unread } from './helpers.js';

for (const engine of testEngines()) {
  describe(`notifications: who receives what (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startWithAnnonces(engine, ['a1', 'b1']);
      const teacher = await test.actAs('enseignant.cm1a');
      await publish(teacher, { title: 'Sortie au musée', classIds: [test.world.classes.cm1a] });
      await publish(await test.actAs('directeur.a1', { profile: 'DIR' }), {
        title: 'Fête de l’école',
      });
    });
    after(() => test?.close());

    it('reaches the class’s pupils and their parents, not another class’s families', async () => {
      expect(await feedTitles(await test.actAs('eleve.cm1a'))).to.include('Sortie au musée');
      expect(await feedTitles(await test.actAs('parent.a1'))).to.include('Sortie au musée');
      expect(await feedTitles(await test.actAs('parent2.a1'))).not.to.include('Sortie au musée');
      expect(await feedTitles(await test.actAs('eleve.ce1'))).not.to.include('Sortie au musée');
    });

    it('reaches the whole école for an école audience, and never another école', async () => {
      expect(await feedTitles(await test.actAs('parent2.a1'))).to.deep.equal(['Fête de l’école']);
      expect(await feedTitles(await test.actAs('parent.b1'))).to.deep.equal([]);
      expect(await feedTitles(await test.actAs('enseignant.b1'))).to.deep.equal([]);
    });

    it('does not tell the author of their own action', async () => {
      expect(await feedTitles(await test.actAs('enseignant.cm1a'))).to.deep.equal([
        'Fête de l’école',
      ]);
      expect(await feedTitles(await test.actAs('directeur.a1', { profile: 'DIR' }))).not.to.include(
        'Fête de l’école',
      );
    });

    it('leaves out those who lack the type’s permission', async () => {
      // annonces-notif.annonces.read is not granted to partners (PRT) nor to the IEN (ACA).
      expect(await feedTitles(await test.actAs('partenaire.a1'))).to.deep.equal([]);
      expect(await feedTitles(await test.actAs('ien.a', { ecole: 'a1' }))).to.deep.equal([]);
    });

    it('respects a person who chose « never » for a type', async () => {
      const parent = await test.actAs('parent2.a1');
      const put = await parent.put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'annonce', channel: 'never' }],
      });
      expect(put.status, put.text).to.equal(200);
      await publish(await test.actAs('directeur.a1', { profile: 'DIR' }), {
        title: 'Kermesse',
      });
      expect(await feedTitles(parent)).not.to.include('Kermesse');
      expect(await feedTitles(await test.actAs('parent.a1'))).to.include('Kermesse');
    });

    it('shows each item with its service, type and page', async () => {
      const response = await (await test.actAs('parent.a1')).get('/items?limit=1');
      expect(response.body.items[0]).to.include({
        pluginId: 'annonces-notif',
        pluginName: 'Annonces d’essai',
        type: 'annonce',
        typeLabel: 'Nouvelle annonce',
        url: '/apps/annonces-notif/',
        readAt: null,
        reported: false,
      });
      expect(response.body.items[0].createdAt).to.equal(test.clock.now());
    });
  });

  describe(`notifications: the feed and the bell (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startWithAnnonces(engine);
      const teacher = await test.actAs('enseignant.cm1a');
      for (let i = 1; i <= 25; i += 1) {
        await publish(teacher, { title: `Annonce ${i}`, classIds: [test.world.classes.cm1a] });
        test.clock.advance(60_000);
      }
    });
    after(() => test?.close());

    it('pages the feed newest first, 20 at a time unless asked', async () => {
      const parent = await test.actAs('parent.a1');
      const first = await parent.get('/items');
      expect(first.body.items).to.have.length(20);
      expect(first.body.items[0].title).to.equal('Annonce 25');
      expect(first.body.unread).to.equal(25);
      const second = await parent.get(`/items?before=${first.body.nextBefore}&limit=10`);
      expect(second.body.items.map((item: { title: string }) => item.title)).to.deep.equal([
        'Annonce 5',
        'Annonce 4',
        'Annonce 3',
        'Annonce 2',
        'Annonce 1',
      ]);
      expect(second.body.nextBefore).to.equal(null);
    });

    it('refuses a limit above 50 with a 400 naming the field', async () => {
      const response = await (await test.actAs('parent.a1')).get('/items?limit=51');
      expect(response.status).to.equal(400);
      expect(response.body.message).to.include('limit');
    });

    it('marks one item read, then all, and counts what is left', async () => {
      const pupil = await test.actAs('eleve.cm1a');
      expect(await unread(pupil)).to.equal(25);
      const [newest] = (await pupil.get('/items?limit=1')).body.items;
      expect((await pupil.post(`/items/${newest.id}/read`)).status).to.equal(204);
      expect(await unread(pupil)).to.equal(24);
      const again = (await pupil.get('/items?limit=1')).body.items[0];
      expect(again.readAt).to.equal(test.clock.now());
      expect((await pupil.post('/items/read-all')).status).to.equal(204);
      expect(await unread(pupil)).to.equal(0);
      // The other pupil's bell is theirs.
      expect(await unread(await test.actAs('eleve2.cm1a'))).to.equal(25);
    });

    it('answers 404 when marking read an item that is not mine', async () => {
      const [item] = (await (await test.actAs('parent.a1')).get('/items?limit=1')).body.items;
      const other = await test.actAs('eleve2.cm1a');
      expect((await other.post(`/items/${item.id}/read`)).status).to.equal(404);
      expect((await other.post('/items/999999/read')).status).to.equal(404);
    });

    it('gives the dashboard widget the unread count and the latest items', async () => {
      const response = await (await test.actAs('parent.a1')).widgetData('quoi-de-neuf');
      expect(response.status, response.text).to.equal(200);
      expect(response.body.items).to.have.length(5);
      expect(response.body.unread).to.be.a('number');
    });
  });

  describe(`notifications: a plugin calling ctx.notifications when it is off (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startWithAnnonces(engine);
      await test.disable('a1');
    });
    after(() => test?.close());

    it('publishes anyway, and nobody’s feed gets the item', async () => {
      await publish(await test.actAs('enseignant.cm1a'), { title: 'En silence' });
      await test.enable('a1');
      expect(await feedTitles(await test.actAs('parent.a1'))).to.deep.equal([]);
    });
  });
}
