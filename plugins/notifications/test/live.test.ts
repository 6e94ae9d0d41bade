import type { LiveMessage } from '@preau/sdk';
import { startTestCore, testEngines, type TestCore } from '@preau/core/testing';
import { expect } from 'chai';

import { annoncesFolder, pluginFolder } from './helpers.js';

/**
 * Live messages, seen where core's SSE route takes them: a listener on core's live hub for the
 * person (what `GET /api/live` registers for each open page). Core's own tests cover the stream.
 */
for (const engine of testEngines()) {
  describe(`notifications: telling open pages at once (${engine})`, () => {
    let core: TestCore;
    const heard = new Map<string, LiveMessage[]>();
    const stops: Array<() => void> = [];

    before(async () => {
      core = await startTestCore({ engine, plugins: [annoncesFolder, pluginFolder] });
      const admin = await core.as('admin.plateforme');
      for (const plugin of ['notifications', 'annonces-notif']) {
        const path = `/api/admin/ecoles/${core.world.ecoles.a1}/plugins/${plugin}`;
        expect((await admin.put(path, {})).statusCode).to.be.within(200, 299);
      }
      for (const login of ['parent.a1', 'parent2.a1', 'eleve.cm1a'] as const) {
        heard.set(login, []);
        stops.push(
          core.preau.ctx.live.listen(core.world.people[login], (m) => heard.get(login)!.push(m)),
        );
      }
    });
    after(async () => {
      for (const stop of stops) stop();
      await core?.close();
    });

    const publish = async (title: string) => {
      const teacher = await core.as('enseignant.cm1a');
      const response = await teacher.post('/api/plugins/annonces-notif/annonces', {
        title,
        classIds: [core.world.classes.cm1a],
      });
      expect(response.statusCode, response.payload).to.equal(200);
    };
    const unreadHeard = (login: string) =>
      heard.get(login)!.map((m) => (m.data as { unread: number }).unread);

    it('pushes the new unread count to the recipients, and to them only', async () => {
      await publish('En direct');
      expect(heard.get('parent.a1')).to.deep.equal([
        { type: 'notifications.changed', data: { unread: 1, ecoleId: core.world.ecoles.a1 } },
      ]);
      expect(unreadHeard('eleve.cm1a')).to.deep.equal([1]);
      expect(heard.get('parent2.a1')).to.deep.equal([]);
    });

    it('pushes nothing during quiet hours, then the count when they end', async () => {
      core.clock.set(new Date('2026-09-01T20:30:00+02:00').getTime());
      await publish('Le soir');
      expect(unreadHeard('parent.a1')).to.deep.equal([1]);
      core.clock.set(new Date('2026-09-02T06:59:30+02:00').getTime());
      await core.runJobs();
      expect(unreadHeard('parent.a1')).to.deep.equal([1]);
      core.clock.set(new Date('2026-09-02T07:00:30+02:00').getTime());
      await core.runJobs();
      expect(unreadHeard('parent.a1')).to.deep.equal([1, 2]);
      // A pass run again pushes nothing more.
      core.clock.set(new Date('2026-09-02T07:02:00+02:00').getTime());
      await core.runJobs();
      expect(unreadHeard('parent.a1')).to.deep.equal([1, 2]);
    });

    it('pushes the count after reading, so that other tabs update', async () => {
      const parent = await core.as('parent.a1');
      expect((await parent.post('/api/plugins/notifications/items/read-all')).statusCode).to.equal(
        204,
      );
      expect(unreadHeard('parent.a1').at(-1)).to.equal(0);
    });
  });
}
