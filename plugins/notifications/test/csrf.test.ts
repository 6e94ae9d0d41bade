import { expect } from 'chai';

import { testEngines, type PluginTest, type TestResponse } from '@preau/sdk/testing';

import { publish, startWithAnnonces } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

for (const engine of testEngines()) {
  describe(`notifications: writes from other pages than Préau's (${engine})`, () => {
    let test: PluginTest;
    let itemId: number;
    before(async () => {
      test = await startWithAnnonces(engine, ['a1']);
      test.clock.set('2026-09-01T10:00:00+02:00');
      await publish(await test.actAs('enseignant.cm1a'), {
        type: 'urgent',
        title: 'Sortie annulée',
        text: 'Le car est en panne.',
        classIds: [test.world.classes.cm1a],
      });
      test.clock.set('2026-09-01T10:01:00+02:00');
      await test.runJobs();
      itemId = (await (await test.actAs('parent.a1')).get('/items')).body.items[0].id;
    });
    after(() => test?.close());

    describe('a parent’s report of an item', () => {
      const report = async (payload: unknown, headers: Record<string, string>) =>
        (await test.actAs('parent.a1')).request(
          'POST',
          `/items/${itemId}/report`,
          payload,
          headers,
        );
      const reportCount = async () =>
        (await (await test.actAs('directeur.a1', { profile: 'DIR' })).get('/reports')).body.reports
          .length as number;

      it('refuses a form post with 415 and a French message, recording no report', async () => {
        const response = await report('reason=Ceci+est+d%C3%A9plac%C3%A9', FORM);
        expect(response.status).to.equal(415);
        expect(response.body.message).to.contain('n’accepte que du JSON');
        expect(await reportCount()).to.equal(0);
      });

      it('refuses JSON from a sibling site, another site or another port with 403', async () => {
        const reason = { reason: 'Ceci est déplacé.' };
        for (const headers of [
          { ...JSON_TYPE, 'sec-fetch-site': 'same-site' },
          { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
          { ...JSON_TYPE, origin: 'http://localhost:8443' },
        ]) {
          const response = await report(reason, headers);
          expect(response.status, JSON.stringify(headers)).to.equal(403);
          expect(response.body.message).to.contain('autre page que Préau');
        }
        expect(await reportCount()).to.equal(0);
      });

      it('records the report sent from Préau’s own page (positive control)', async () => {
        const response = await report(
          { reason: 'Ceci est déplacé.' },
          { ...JSON_TYPE, 'sec-fetch-site': 'same-origin' },
        );
        expect(response.status, response.text).to.equal(201);
        expect(await reportCount()).to.equal(1);
      });

      it('refuses a directeur’s « handle report » posted by another site', async () => {
        const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
        const [open] = (await directeur.get('/reports')).body.reports;
        const handle = (headers: Record<string, string>) =>
          directeur.request('POST', `/reports/${open.id}/handle`, undefined, headers);
        expect((await handle({ 'content-type': '' })).status).to.equal(415);
        expect((await handle({ ...JSON_TYPE, 'sec-fetch-site': 'same-site' })).status).to.equal(
          403,
        );
        expect((await directeur.get('/reports?status=open')).body.reports).to.have.length(1);
        expect((await handle({ ...JSON_TYPE, 'sec-fetch-site': 'same-origin' })).status).to.equal(
          204,
        );
      });
    });

    describe('the e-mail’s unsubscribe link (a token, not a session)', () => {
      const channelOf = async () =>
        (
          (await (await test.actAs('parent.a1')).get('/preferences')).body.types as Array<{
            type: string;
            channel: string;
          }>
        ).find((t) => t.type === 'urgent')?.channel;
      const restore = async () =>
        (await test.actAs('parent.a1')).put('/preferences', {
          channels: [{ pluginId: 'annonces-notif', type: 'urgent', channel: 'email-immediate' }],
        });
      let token: string;
      before(() => {
        const mail = test.mails.find((m) => m.to === 'parent.a1@example.test');
        const link = /Ne plus recevoir ces e-mails : (\S+)/.exec(mail?.text ?? '')?.[1];
        token = new URL(String(link)).searchParams.get('token') ?? '';
        expect(token).not.to.equal('');
      });
      afterEach(restore);

      it('unsubscribes on a mail client’s one-click form post, from any site (RFC 8058)', async () => {
        expect(await channelOf()).to.equal('email-immediate');
        const response = await test
          .anonymous()
          .request('POST', `/unsubscribe?token=${token}`, 'List-Unsubscribe=One-Click', {
            ...FORM,
            'sec-fetch-site': 'cross-site',
            origin: 'https://webmail.example',
          });
        expect(response.status, response.text).to.equal(200);
        expect(response.text).to.include('Vous ne recevrez plus d’e-mail');
        expect(await channelOf()).to.equal('in-app');
      });

      it('unsubscribes with the confirmation page’s own form', async () => {
        const page = await test.anonymous().get(`/unsubscribe?token=${token}`);
        expect(page.text).to.include(
          '<form method="post" action="/api/plugins/notifications/unsubscribe">',
        );
        const response = await test
          .anonymous()
          .request('POST', '/unsubscribe', `token=${encodeURIComponent(token)}`, {
            ...FORM,
            'sec-fetch-site': 'same-origin',
          });
        expect(response.status, response.text).to.equal(200);
        expect(await channelOf()).to.equal('in-app');
      });

      it('changes nothing for a forged form without a valid token', async () => {
        const response = await test.anonymous().request('POST', '/unsubscribe', 'token=invente', {
          ...FORM,
          'sec-fetch-site': 'cross-site',
        });
        expect(response.status).to.equal(400);
        expect(await channelOf()).to.equal('email-immediate');
      });

      it('sends its pages with a strict Content-Security-Policy and nosniff', async () => {
        const pages: TestResponse[] = [
          await test.anonymous().get(`/unsubscribe?token=${token}`),
          await test.anonymous().get('/unsubscribe?token=invente'),
        ];
        for (const page of pages) {
          expect(String(page.headers['content-type'])).to.contain('text/html');
          expect(page.headers['content-security-policy']).to.equal(
            "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
          );
          expect(page.headers['x-content-type-options']).to.equal('nosniff');
        }
      });
    });
  });
}
