import { expect } from 'chai';

import { testEngines, type PluginTest } from '@preau/sdk/testing';

import { feedTitles, publish, startWithAnnonces } from './helpers.js';

for (const engine of testEngines()) {
  describe(`notifications: personal data and retention (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startWithAnnonces(engine);
      await publish(await test.actAs('enseignant.cm1a'), {
        title: 'Sortie au zoo',
        classIds: [test.world.classes.cm1a],
      });
      const parent = await test.actAs('parent.a1');
      await parent.put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'annonce', channel: 'digest-daily' }],
        extraQuietHours: [{ from: { day: 3, time: '12:00' }, to: { day: 3, time: '14:00' } }],
      });
      const [item] = (await parent.get('/items')).body.items;
      await parent.post(`/items/${item.id}/report`, { reason: 'Pas pour tout le monde.' });
    });
    after(() => test?.close());

    it('exports what a person received, chose and reported', async () => {
      const files = await test.hooks.exportUser!(test.world.people['parent.a1']);
      expect(files.map((file) => file.path)).to.deep.equal(['notifications/notifications.json']);
      const data = JSON.parse(String(files[0]!.content));
      expect(data.notificationsRecues[0]).to.include({ titre: 'Sortie au zoo', canal: 'in-app' });
      expect(data.canaux[0]).to.include({ type: 'annonce', canal: 'digest-daily' });
      expect(data.heuresDeSilence[0].intervalles).to.have.length(1);
      expect(data.signalements[0]).to.include({ motif: 'Pas pour tout le monde.' });
    });

    it('exports nothing for someone the plugin knows nothing about', async () => {
      expect(await test.hooks.exportUser!(test.world.people['enseignant.b1'])).to.deep.equal([]);
    });

    it('erases a person’s feed and choices, and keeps their report without their name', async () => {
      const parentId = test.world.people['parent.a1'];
      await test.hooks.eraseUser!(parentId);
      expect(await feedTitles(await test.actAs('parent.a1'))).to.deep.equal([]);
      expect(await test.hooks.exportUser!(parentId)).to.deep.equal([]);
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const [report] = (await directeur.get('/reports')).body.reports;
      expect(report.reporter).to.deep.equal({ firstName: 'Compte', lastName: 'supprimé' });
      // Others keep theirs.
      expect(await feedTitles(await test.actAs('eleve.cm1a'))).to.deep.equal(['Sortie au zoo']);
    });

    it('purges items after 90 days, with the daily purge job', async () => {
      test.clock.advance(89 * 24 * 3600_000);
      await test.runJobs();
      expect(await feedTitles(await test.actAs('eleve.cm1a'))).to.deep.equal(['Sortie au zoo']);
      test.clock.advance(2 * 24 * 3600_000);
      await test.runJobs();
      expect(await feedTitles(await test.actAs('eleve.cm1a'))).to.deep.equal([]);
    });

    it('purges a handled report a year after it was handled, not before', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const [report] = (await directeur.get('/reports')).body.reports;
      expect((await directeur.post(`/reports/${report.id}/handle`)).status).to.equal(204);
      test.clock.advance(364 * 24 * 3600_000);
      await test.runJobs();
      const handled = async () =>
        (
          await (
            await test.actAs('directeur.a1', { profile: 'DIR' })
          ).get('/reports?status=handled')
        ).body.reports;
      expect(await handled()).to.have.length(1);
      test.clock.advance(2 * 24 * 3600_000);
      await test.runJobs();
      expect(await handled()).to.deep.equal([]);
    });
  });

  describe(`notifications: migrations (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startWithAnnonces(engine);
    });
    after(() => test?.close());

    it('go down and up again', async () => {
      await test.migrations.down();
      await test.migrations.up();
      await publish(await test.actAs('enseignant.cm1a'), { title: 'Après migration' });
      expect(await feedTitles(await test.actAs('parent.a1'))).to.deep.equal(['Après migration']);
    });
  });
}
