import type { LiveMessage } from '@preau/sdk';
import { testEngines, type PluginTest } from '@preau/sdk/testing';
import { expect } from 'chai';

import { publish as publishAs, startWithAnnonces } from './helpers.js';

/**
 * Live messages, as an open page of the person receives them (`test.liveMessages`, which
 * listens where core's `GET /api/live` does). Core's own tests cover the stream itself.
 */
for (const engine of testEngines()) {
  describe(`notifications: telling open pages at once (${engine})`, () => {
    let test: PluginTest;
    const heard = new Map<string, { readonly messages: readonly LiveMessage[]; stop(): void }>();

    before(async () => {
      test = await startWithAnnonces(engine);
      for (const login of ['parent.a1', 'parent2.a1', 'eleve.cm1a']) {
        heard.set(login, test.liveMessages(login));
      }
    });
    after(async () => {
      for (const recording of heard.values()) recording.stop();
      await test?.close();
    });

    const publish = async (title: string) => {
      const teacher = await test.actAs('enseignant.cm1a');
      await publishAs(teacher, { title, classIds: [test.world.classes.cm1a] });
    };
    const messages = (login: string) => heard.get(login)!.messages;
    const unreadHeard = (login: string) =>
      messages(login).map((m) => (m.data as { unread: number }).unread);

    it('pushes the new unread count to the recipients, and to them only', async () => {
      await publish('En direct');
      expect(messages('parent.a1')).to.deep.equal([
        { type: 'notifications.changed', data: { unread: 1, ecoleId: test.world.ecoles.a1 } },
      ]);
      expect(unreadHeard('eleve.cm1a')).to.deep.equal([1]);
      expect(messages('parent2.a1')).to.deep.equal([]);
    });

    it('pushes nothing during quiet hours, then the count when they end', async () => {
      test.clock.set('2026-09-01T20:30:00+02:00');
      await publish('Le soir');
      expect(unreadHeard('parent.a1')).to.deep.equal([1]);
      test.clock.set('2026-09-02T06:59:30+02:00');
      await test.runJobs();
      expect(unreadHeard('parent.a1')).to.deep.equal([1]);
      test.clock.set('2026-09-02T07:00:30+02:00');
      await test.runJobs();
      expect(unreadHeard('parent.a1')).to.deep.equal([1, 2]);
      // A pass run again pushes nothing more.
      test.clock.set('2026-09-02T07:02:00+02:00');
      await test.runJobs();
      expect(unreadHeard('parent.a1')).to.deep.equal([1, 2]);
    });

    it('pushes the count after reading, so that other tabs update', async () => {
      const parent = await test.actAs('parent.a1');
      expect((await parent.post('/items/read-all')).status).to.equal(204);
      expect(unreadHeard('parent.a1').at(-1)).to.equal(0);
    });
  });
}
