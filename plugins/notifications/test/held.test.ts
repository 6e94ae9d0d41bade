import { expect } from 'chai';

import { testEngines, type PluginTest, type PluginTestClient } from '@preau/sdk/testing';

import { feedTitles, publish, startWithAnnonces, unread } from './helpers.js';

for (const engine of testEngines()) {
  describe(`notifications: held during quiet hours, shown when they end (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startWithAnnonces(engine);
    });
    after(() => test?.close());

    // Sessions expire as the clock moves: each step signs in again at the time it looks.
    const as = (login: string): Promise<PluginTestClient> => test.actAs(login);

    /** Publishes at a time (for CM1 A's families), then looks at the parent's feed at others. */
    const publishAt = async (time: string, title: string) => {
      test.clock.set(time);
      await publish(await as('enseignant.cm1a'), { title, classIds: [test.world.classes.cm1a] });
    };
    const seenAt = async (time: string) => {
      test.clock.set(time);
      return feedTitles(await as('parent.a1'));
    };

    it('shows at once an item of a Tuesday at 19:59', async () => {
      await publishAt('2026-09-01T19:59:00+02:00', 'Mardi 19 h 59');
      expect(await feedTitles(await as('parent.a1'))).to.include('Mardi 19 h 59');
    });

    it('holds an item of 20:01 until 07:00 the next day, bell included', async () => {
      const before = await unread(await as('parent.a1'));
      await publishAt('2026-09-01T20:01:00+02:00', 'Mardi 20 h 01');
      expect(await feedTitles(await as('parent.a1'))).not.to.include('Mardi 20 h 01');
      expect(await unread(await as('parent.a1'))).to.equal(before);
      expect(await seenAt('2026-09-02T06:59:00+02:00')).not.to.include('Mardi 20 h 01');
      expect(await seenAt('2026-09-02T07:00:00+02:00')).to.include('Mardi 20 h 01');
      expect(await unread(await as('parent.a1'))).to.equal(before + 1);
    });

    it('holds an item of Friday 21:00 until Monday 07:00', async () => {
      await publishAt('2026-09-04T21:00:00+02:00', 'Vendredi soir');
      expect(await seenAt('2026-09-05T10:00:00+02:00')).not.to.include('Vendredi soir');
      expect(await seenAt('2026-09-07T06:59:00+02:00')).not.to.include('Vendredi soir');
      expect(await seenAt('2026-09-07T07:00:00+02:00')).to.include('Vendredi soir');
    });

    it('holds over the autumn change until Monday 07:00 winter time (06:00 UTC)', async () => {
      await publishAt('2026-10-24T10:00:00+02:00', 'Samedi d’automne');
      expect(await seenAt('2026-10-26T05:59:00Z')).not.to.include('Samedi d’automne');
      expect(await seenAt('2026-10-26T06:00:00Z')).to.include('Samedi d’automne');
    });

    it('holds over the spring change until Monday 07:00 summer time (05:00 UTC)', async () => {
      await publishAt('2027-03-27T10:00:00+01:00', 'Samedi de printemps');
      expect(await seenAt('2027-03-29T04:59:00Z')).not.to.include('Samedi de printemps');
      expect(await seenAt('2027-03-29T05:00:00Z')).to.include('Samedi de printemps');
    });

    it('holds more for a person who added quiet hours, and the école’s still apply', async () => {
      test.clock.set('2027-03-30T10:00:00+02:00');
      const put = await (
        await as('eleve.cm1a')
      ).put('/preferences', {
        extraQuietHours: [{ from: { day: 3, time: '12:00' }, to: { day: 3, time: '18:00' } }],
      });
      expect(put.status, put.text).to.equal(200);
      // Wednesday 14:00: the pupil chose silence until 18:00, the parent did not.
      await publishAt('2027-03-31T14:00:00+02:00', 'Mercredi après-midi');
      expect(await feedTitles(await as('eleve.cm1a'))).not.to.include('Mercredi après-midi');
      expect(await feedTitles(await as('parent.a1'))).to.include('Mercredi après-midi');
      test.clock.set('2027-03-31T17:59:00+02:00');
      expect(await feedTitles(await as('eleve.cm1a'))).not.to.include('Mercredi après-midi');
      test.clock.set('2027-03-31T18:00:00+02:00');
      expect(await feedTitles(await as('eleve.cm1a'))).to.include('Mercredi après-midi');
      // And the école's 20:00 still holds for them.
      await publishAt('2027-03-31T20:01:00+02:00', 'Mercredi soir');
      expect(await feedTitles(await as('eleve.cm1a'))).not.to.include('Mercredi soir');
    });

    it('follows the école’s own quiet hours once the directeur changes them', async () => {
      test.clock.set('2027-04-01T10:00:00+02:00');
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const put = await directeur.put('/ecole/quiet-hours', {
        quietHours: [{ from: { day: 4, time: '19:00' }, to: { day: 5, time: '08:00' } }],
      });
      expect(put.status, put.text).to.equal(200);
      await publishAt('2027-04-01T19:30:00+02:00', 'Jeudi 19 h 30');
      expect(await seenAt('2027-04-02T07:30:00+02:00')).not.to.include('Jeudi 19 h 30');
      expect(await seenAt('2027-04-02T08:00:00+02:00')).to.include('Jeudi 19 h 30');
    });
  });
}
