import { expect } from 'chai';

import { testEngines, type PluginTest } from '@preau/sdk/testing';

import { publish, startWithAnnonces } from './helpers.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const PARENT = 'parent.a1@example.test';
const PARENT2 = 'parent2.a1@example.test';

for (const engine of testEngines()) {
  describe(`notifications: e-mails and digests through a real SMTP server (${engine})`, () => {
    let test: PluginTest;
    let sink: SmtpSink;
    before(async () => {
      sink = await startSmtpSink();
      test = await startWithAnnonces(engine, ['a1'], { mail: { smtpUrl: sink.url } });
    });
    after(async () => {
      await test?.close();
      await sink?.close();
    });

    /** Moves the clock to a time and lets the jobs run, as Préau would every minute. */
    const runAt = async (time: string) => {
      test.clock.set(time);
      await test.runJobs();
    };
    /** Publishes as CM1 A's teacher (to CM1 A's families) at a time. */
    const publishAt = async (time: string, annonce: Record<string, unknown>) => {
      test.clock.set(time);
      const teacher = await test.actAs('enseignant.cm1a');
      await publish(teacher, { classIds: [test.world.classes.cm1a], ...annonce });
    };

    it('sends an « e-mail immédiat » in French, once, to the parent and never to a pupil', async () => {
      await publishAt('2026-09-01T10:00:00+02:00', {
        type: 'urgent',
        title: 'Sortie annulée <demain>',
        text: 'Le car est en panne.',
      });
      await runAt('2026-09-01T10:01:00+02:00');
      const [mail, ...others] = sink.to(PARENT);
      expect(others).to.have.length(0);
      expect(mail?.subject).to.equal('Préau : Sortie annulée <demain>');
      expect(mail?.text).to.include('Bonjour,');
      expect(mail?.text).to.include('Le car est en panne.');
      expect(mail?.text).to.include('/apps/annonces-notif/');
      expect(mail?.text).to.include('Ne plus recevoir ces e-mails');
      // Escaped in the HTML part.
      expect(String(mail?.html)).to.include('Sortie annulée &lt;demain&gt;');
      // mailparser gathers the List-* headers under « list ».
      const list = mail?.headers.get('list') as Record<string, Record<string, string>> | undefined;
      expect(list?.unsubscribe?.url).to.match(/\/api\/plugins\/notifications\/unsubscribe\?token=/);
      expect(list?.['unsubscribe-post']?.name).to.equal('List-Unsubscribe=One-Click');
      // eleve.cm1a has an address on file: still nothing for a pupil.
      expect(sink.to('eleve.cm1a@example.test')).to.deep.equal([]);
      await runAt('2026-09-01T10:05:00+02:00');
      expect(sink.to(PARENT)).to.have.length(1);
    });

    it('unsubscribes with the e-mail’s link: a page to confirm, then the channel is in-app', async () => {
      const [mail] = sink.to(PARENT);
      const link = /Ne plus recevoir ces e-mails : (\S+)/.exec(mail?.text ?? '')?.[1];
      expect(link).to.be.a('string');
      const path = new URL(link!).pathname + new URL(link!).search;
      const anonymous = test.anonymous();
      const page = await anonymous.get(path);
      expect(page.status).to.equal(200);
      expect(page.text).to.include('Confirmer le désabonnement');
      expect(page.text).to.include('Annonce urgente');
      // Opening the page changed nothing yet.
      const parent = await test.actAs('parent.a1');
      const channelOf = async () =>
        (
          (await parent.get('/preferences')).body.types as Array<{ type: string; channel: string }>
        ).find((t) => t.type === 'urgent')?.channel;
      expect(await channelOf()).to.equal('email-immediate');
      // A mail client's one-click unsubscribe (RFC 8058).
      const done = await anonymous.post(path, { 'List-Unsubscribe': 'One-Click' });
      expect(done.status, done.text).to.equal(200);
      expect(done.text).to.include('Vous ne recevrez plus d’e-mail');
      expect(await channelOf()).to.equal('in-app');
      const bad = await anonymous.get('/unsubscribe?token=inconnu');
      expect(bad.status).to.equal(400);
      expect(bad.text).to.include('Ouvrir Préau');
      // Put it back for the next tests.
      await parent.put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'urgent', channel: 'email-immediate' }],
      });
    });

    it('sends nothing in quiet hours, and the e-mail when they end', async () => {
      await publishAt('2026-09-01T20:30:00+02:00', { type: 'urgent', title: 'Le soir' });
      await runAt('2026-09-01T20:31:00+02:00');
      await runAt('2026-09-02T06:59:00+02:00');
      expect(sink.to(PARENT).map((m) => m.subject)).not.to.include('Préau : Le soir');
      await runAt('2026-09-02T07:00:00+02:00');
      expect(sink.to(PARENT).map((m) => m.subject)).to.include('Préau : Le soir');
    });

    it('retries at the next pass an e-mail the SMTP server refused', async () => {
      await publishAt('2026-09-02T08:00:00+02:00', { type: 'urgent', title: 'Panne' });
      sink.failing = true;
      try {
        await runAt('2026-09-02T08:01:00+02:00');
      } finally {
        sink.failing = false;
      }
      expect(sink.to(PARENT).map((m) => m.subject)).not.to.include('Préau : Panne');
      await runAt('2026-09-02T08:02:00+02:00');
      expect(sink.to(PARENT).filter((m) => m.subject === 'Préau : Panne')).to.have.length(1);
    });

    it('sends the daily digest once, at 17:30, with every item of the day', async () => {
      for (const [hour, title] of [
        ['09', 'Piscine'],
        ['10', 'Bibliothèque'],
        ['11', 'Chorale'],
      ] as const) {
        await publishAt(`2026-09-02T${hour}:00:00+02:00`, { type: 'info', title });
      }
      const digests = () => sink.to(PARENT).filter((m) => m.subject?.includes('nouveauté'));
      await runAt('2026-09-02T17:29:00+02:00');
      expect(digests()).to.have.length(0);
      await runAt('2026-09-02T17:30:00+02:00');
      await runAt('2026-09-02T17:31:00+02:00');
      await runAt('2026-09-03T17:30:00+02:00');
      expect(digests()).to.have.length(1);
      const [digest] = digests();
      expect(digest?.subject).to.equal('Préau : 3 nouveautés à École A1');
      expect(digest?.text).to.include('Annonces d’essai');
      for (const title of ['Piscine', 'Bibliothèque', 'Chorale']) {
        expect(digest?.text).to.include(`- ${title}`);
      }
      expect(digest?.text).to.include('/apps/notifications/reglages');
      expect(digest?.text).to.include('/api/plugins/notifications/unsubscribe?token=');
      expect(String(digest?.html)).to.include('<h2>Annonces d’essai</h2>');
      expect(sink.to('eleve.cm1a@example.test')).to.deep.equal([]);
    });

    it('sends the weekly digest on Friday at 17:30', async () => {
      const parent = await test.actAs('parent.a1');
      await parent.put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'annonce', channel: 'digest-weekly' }],
      });
      await publishAt('2026-09-03T09:00:00+02:00', { title: 'Réunion de rentrée' });
      await publishAt('2026-09-03T09:30:00+02:00', { title: 'Photos de classe' });
      const weekly = () => sink.to(PARENT).filter((m) => m.text?.includes('résumé de la semaine'));
      await runAt('2026-09-03T17:30:00+02:00');
      expect(weekly()).to.have.length(0);
      await runAt('2026-09-04T17:30:00+02:00');
      await runAt('2026-09-04T17:45:00+02:00');
      expect(weekly()).to.have.length(1);
      expect(weekly()[0]?.subject).to.equal('Préau : 2 nouveautés à École A1');
    });

    it('holds a digest whose time falls in a person’s quiet hours until they end', async () => {
      const parent2 = await test.actAs('parent2.a1');
      const put = await parent2.put('/preferences', {
        extraQuietHours: [{ from: { day: 1, time: '17:00' }, to: { day: 1, time: '19:00' } }],
      });
      expect(put.status, put.text).to.equal(200);
      // Monday 7 September: an école-wide item, daily digest for both parents.
      test.clock.set('2026-09-07T09:00:00+02:00');
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      await publish(directeur, { type: 'info', title: 'Conseil d’école' });
      const conseil = (address: string) =>
        sink.to(address).filter((m) => m.text?.includes('- Conseil d’école'));
      await runAt('2026-09-07T17:30:00+02:00');
      expect(conseil(PARENT)).to.have.length(1);
      expect(conseil(PARENT2)).to.have.length(0);
      await runAt('2026-09-07T18:59:00+02:00');
      expect(conseil(PARENT2)).to.have.length(0);
      await runAt('2026-09-07T19:00:00+02:00');
      expect(conseil(PARENT2)).to.have.length(1);
    });

    it('drops an e-mail held by quiet hours when the person stops that type of e-mail', async () => {
      await publishAt('2026-09-08T21:00:00+02:00', { type: 'urgent', title: 'Tard le soir' });
      test.clock.set('2026-09-08T21:05:00+02:00');
      const parent = await test.actAs('parent.a1');
      const put = await parent.put('/preferences', {
        channels: [{ pluginId: 'annonces-notif', type: 'urgent', channel: 'in-app' }],
      });
      expect(put.status, put.text).to.equal(200);
      await runAt('2026-09-09T07:00:00+02:00');
      await runAt('2026-09-09T07:05:00+02:00');
      expect(sink.to(PARENT).map((m) => m.subject)).not.to.include('Préau : Tard le soir');
      const feed = await (await test.actAs('parent.a1')).get('/items');
      expect(feed.body.items.map((i: { title: string }) => i.title)).to.include('Tard le soir');
    });
  });
}
