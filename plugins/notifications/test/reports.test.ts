import { expect } from 'chai';

import { testEngines, type PluginTest } from '@preau/sdk/testing';

import { feedTitles, publish, startWithAnnonces } from './helpers.js';

for (const engine of testEngines()) {
  describe(`notifications: reporting an inappropriate item (${engine})`, () => {
    let test: PluginTest;
    let itemId: number;
    before(async () => {
      test = await startWithAnnonces(engine, ['a1', 'b1']);
      await publish(await test.actAs('enseignant.cm1a'), {
        title: 'Photo de classe',
        text: 'Une photo qui n’aurait pas dû être là.',
        classIds: [test.world.classes.cm1a],
      });
      itemId = (await (await test.actAs('parent.a1')).get('/items')).body.items[0].id;
    });
    after(() => test?.close());

    it('records the report and tells the école’s directeur with a « signalement »', async () => {
      const parent = await test.actAs('parent.a1');
      const response = await parent.post(`/items/${itemId}/report`, {
        reason: 'On voit le visage d’un enfant sans autorisation.',
      });
      expect(response.status, response.text).to.equal(201);
      expect(response.body.id).to.be.a('number');
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const feed = (await directeur.get('/items')).body.items;
      expect(feed[0]).to.include({
        type: 'signalement',
        title: 'Contenu signalé : Photo de classe',
        url: '/apps/notifications/signalements',
      });
      const items = (await parent.get('/items')).body.items;
      expect(items[0]).to.include({ id: itemId, reported: true });
    });

    it('lists it for the directeur, with who reported it and the item', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const response = await directeur.get('/reports?status=open');
      expect(response.status, response.text).to.equal(200);
      expect(response.body.reports).to.have.length(1);
      const [report] = response.body.reports;
      expect(report.reason).to.equal('On voit le visage d’un enfant sans autorisation.');
      expect(report.reporter).to.have.keys(['firstName', 'lastName']);
      expect(report.item).to.deep.equal({
        pluginName: 'Annonces d’essai',
        typeLabel: 'Nouvelle annonce',
        title: 'Photo de classe',
        text: 'Une photo qui n’aurait pas dû être là.',
        url: '/apps/annonces-notif/',
      });
      expect(report.handledAt).to.equal(null);
    });

    it('refuses a second report of the same item by the same person with a 409', async () => {
      const response = await (
        await test.actAs('parent.a1')
      ).post(`/items/${itemId}/report`, {
        reason: 'Encore une fois.',
      });
      expect(response.status).to.equal(409);
    });

    it('answers 404 for an item that is not mine, and 400 for a reason too short', async () => {
      const other = await test.actAs('parent2.a1');
      expect(
        (await other.post(`/items/${itemId}/report`, { reason: 'Pas bien du tout' })).status,
      ).to.equal(404);
      const parent = await test.actAs('eleve.cm1a');
      const [mine] = (await parent.get('/items')).body.items;
      const short = await parent.post(`/items/${mine.id}/report`, { reason: 'non' });
      expect(short.status).to.equal(400);
      expect(short.body.message).to.include('reason');
    });

    it('keeps each école’s reports to itself, and from parents', async () => {
      // A report made in B1 never reaches A1's directeur, nor their list.
      await publish(await test.actAs('enseignant.b1'), { title: 'Annonce de B1' });
      const parentB1 = await test.actAs('parent.b1');
      const [itemB1] = (await parentB1.get('/items')).body.items;
      expect(
        (await parentB1.post(`/items/${itemB1.id}/report`, { reason: 'Ceci est déplacé.' })).status,
      ).to.equal(201);
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const reports = (await directeur.get('/reports')).body.reports;
      expect(reports.map((r: { item: { title: string } }) => r.item.title)).to.deep.equal([
        'Photo de classe',
      ]);
      expect(await feedTitles(directeur)).not.to.include('Contenu signalé : Annonce de B1');
      // A parent may not see the list.
      expect((await (await test.actAs('parent.a1')).get('/reports')).status).to.equal(403);
      // An item id of B1 is unknown in A1.
      expect(
        (await directeur.post(`/items/${itemB1.id}/report`, { reason: 'Essai ici' })).status,
      ).to.equal(404);
    });

    it('lets the directeur handle it, once', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const [report] = (await directeur.get('/reports')).body.reports;
      expect((await directeur.post(`/reports/${report.id}/handle`)).status).to.equal(204);
      expect((await directeur.post(`/reports/${report.id}/handle`)).status).to.equal(409);
      expect((await directeur.get('/reports')).body.reports).to.deep.equal([]);
      const handled = (await directeur.get('/reports?status=handled')).body.reports;
      expect(handled).to.have.length(1);
      expect(handled[0].handledAt).to.equal(test.clock.now());
      expect(handled[0].handledBy).to.have.keys(['firstName', 'lastName']);
      expect((await directeur.post('/reports/999999/handle')).status).to.equal(404);
    });

    it('makes one report of a double click: the second answer is a 409', async () => {
      await publish(await test.actAs('enseignant.cm1a'), {
        title: 'Sortie au musée',
        text: 'Rendez-vous à 8 h 30 devant l’école.',
        classIds: [test.world.classes.cm1a],
      });
      const parent = await test.actAs('parent.a1');
      const [item] = (await parent.get('/items')).body.items;
      expect(item.title).to.equal('Sortie au musée');
      const reason = { reason: 'Le lieu de la sortie est affiché.' };
      const answers = await Promise.all([
        parent.post(`/items/${item.id}/report`, reason),
        parent.post(`/items/${item.id}/report`, reason),
      ]);
      expect(answers.map((answer) => answer.status).sort()).to.deep.equal([201, 409]);
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const open = (await directeur.get('/reports?status=open')).body.reports;
      expect(open.map((r: { item: { title: string } }) => r.item.title)).to.deep.equal([
        'Sortie au musée',
      ]);
    });
  });
}
