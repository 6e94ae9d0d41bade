import { expect } from 'chai';

import { testEngines, type PluginTest } from '@preau/sdk/testing';

import { startWithAnnonces } from './helpers.js';

interface TypeView {
  pluginId: string;
  type: string;
  label: string;
  defaultChannel: string;
  channel: string;
}

const typeOf = (body: { types: TypeView[] }, pluginId: string, type: string) =>
  body.types.find((t) => t.pluginId === pluginId && t.type === type);

for (const engine of testEngines()) {
  describe(`notifications: « Mes notifications » (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startWithAnnonces(engine);
    });
    after(() => test?.close());

    it('lists the types of enabled plugins one may receive, with defaults from the manifests', async () => {
      const response = await (await test.actAs('parent.a1')).get('/preferences');
      expect(response.status, response.text).to.equal(200);
      expect(response.body.emailAllowed).to.equal(true);
      expect(response.body.timeZone).to.equal('Europe/Paris');
      expect(typeOf(response.body, 'annonces-notif', 'urgent')).to.include({
        label: 'Annonce urgente',
        defaultChannel: 'email-immediate',
        channel: 'email-immediate',
      });
      // The reports type needs notifications.reports.manage: not for a parent.
      expect(typeOf(response.body, 'notifications', 'signalement')).to.equal(undefined);
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      expect(typeOf((await directeur.get('/preferences')).body, 'notifications', 'signalement')).to
        .exist;
    });

    it('gives the école’s quiet hours, and mine with my additions', async () => {
      const parent = await test.actAs('parent2.a1');
      const extra = [{ from: { day: 3, time: '12:00' }, to: { day: 3, time: '14:00' } }];
      const put = await parent.put('/preferences', { extraQuietHours: extra });
      expect(put.status, put.text).to.equal(200);
      const { quietHours } = put.body;
      expect(quietHours.ecole).to.have.length(5);
      expect(quietHours.ecole).to.deep.include({
        from: { day: 5, time: '20:00' },
        to: { day: 1, time: '07:00' },
      });
      expect(quietHours.extra).to.deep.equal(extra);
      expect(quietHours.mine).to.deep.equal([...quietHours.ecole, ...extra]);
      expect((await parent.get('/preferences')).body.quietHours.extra).to.deep.equal(extra);
    });

    it('saves a channel and shows it back', async () => {
      const parent = await test.actAs('parent.a1');
      const put = await parent.put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'annonce', channel: 'digest-weekly' }],
      });
      expect(put.status, put.text).to.equal(200);
      expect(typeOf(put.body, 'annonces-notif', 'annonce')?.channel).to.equal('digest-weekly');
      const again = await parent.get('/preferences');
      expect(typeOf(again.body, 'annonces-notif', 'annonce')?.channel).to.equal('digest-weekly');
    });

    it('refuses an e-mail channel for a pupil with a 400, changing nothing', async () => {
      const pupil = await test.actAs('eleve.cm1a');
      const before = await pupil.get('/preferences');
      expect(before.body.emailAllowed).to.equal(false);
      // A pupil's e-mail defaults show as « in-app ».
      expect(typeOf(before.body, 'annonces-notif', 'urgent')?.channel).to.equal('in-app');
      const response = await pupil.put('/preferences', {
        channels: [
          { pluginId: 'annonces-notif', type: 'annonce', channel: 'never' },
          { pluginId: 'annonces-notif', type: 'urgent', channel: 'email-immediate' },
        ],
      });
      expect(response.status).to.equal(400);
      expect(response.body.message).to.include('Les élèves ne reçoivent pas d’e-mail');
      const after = await pupil.get('/preferences');
      expect(typeOf(after.body, 'annonces-notif', 'annonce')?.channel).to.equal('in-app');
    });

    it('refuses an unknown type with a 400', async () => {
      const response = await (
        await test.actAs('parent.a1')
      ).put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'inconnu', channel: 'never' }],
      });
      expect(response.status).to.equal(400);
      expect(response.body.message).to.include('inconnu');
    });

    it('refuses a type one may not receive (reports, for a parent) with a 400', async () => {
      const response = await (
        await test.actAs('parent.a1')
      ).put('/preferences', {
        channels: [{ pluginId: 'notifications', type: 'signalement', channel: 'never' }],
      });
      expect(response.status).to.equal(400);
    });

    it('refuses an unknown channel and a malformed time with a 400 naming the field', async () => {
      const parent = await test.actAs('parent.a1');
      const channel = await parent.put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'annonce', channel: 'pigeon' }],
      });
      expect(channel.status).to.equal(400);
      expect(channel.body.message).to.include('channel');
      const time = await parent.put('/preferences', {
        extraQuietHours: [{ from: { day: 3, time: '25:00' }, to: { day: 3, time: '14:00' } }],
      });
      expect(time.status).to.equal(400);
      expect(time.body.message).to.include('time');
    });

    it('refuses more than 20 quiet intervals', async () => {
      const interval = { from: { day: 3, time: '12:00' }, to: { day: 3, time: '14:00' } };
      const response = await (
        await test.actAs('parent.a1')
      ).put('/preferences', {
        extraQuietHours: Array.from({ length: 21 }, () => interval),
      });
      expect(response.status).to.equal(400);
    });

    it('lets only those allowed read and set the école’s quiet hours', async () => {
      const parent = await test.actAs('parent.a1');
      expect((await parent.get('/ecole/quiet-hours')).status).to.equal(403);
      expect((await parent.put('/ecole/quiet-hours', { quietHours: [] })).status).to.equal(403);
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const got = await directeur.get('/ecole/quiet-hours');
      expect(got.status).to.equal(200);
      expect(got.body.quietHours).to.have.length(5);
      const quietHours = [{ from: { day: 5, time: '18:00' }, to: { day: 1, time: '08:00' } }];
      const put = await directeur.put('/ecole/quiet-hours', { quietHours });
      expect(put.status, put.text).to.equal(200);
      expect(put.body).to.deep.equal({ quietHours });
      expect((await parent.get('/preferences')).body.quietHours.ecole).to.deep.equal(quietHours);
    });
  });
}
