import { expect } from 'chai';

import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { fixturePlugin } from '../plugins/fixtures.js';
import { openSse, type SseClient } from './sse-client.js';

for (const engine of testEngines()) {
  describe(`GET /api/live (${engine})`, () => {
    let core: TestCore;
    let base: string;
    const open: SseClient[] = [];

    before(async () => {
      core = await startTestCore({ engine, plugins: [fixturePlugin('carnet-essai')] });
      await core.preau.listen();
      base = String(core.preau.server.info.uri);
    });
    afterEach(() => {
      for (const client of open.splice(0)) client.close();
    });
    after(() => core?.close());

    const cookieOf = (token: string) => `${core.preau.ctx.config.sessions.cookieName}=${token}`;
    /** Opens the stream of a person's new session; resolves once `ready` was read. */
    const listen = async (login: string) => {
      const person = await core.as(login);
      const stream = await openSse(base, cookieOf(person.cookie));
      open.push(stream);
      expect(stream.status).to.equal(200);
      expect((await stream.next()).event).to.equal('ready');
      return { person, stream };
    };
    const live = () => core.preau.ctx.live;

    it('answers an uncompressed, uncached event stream that starts with its retry delay and ready', async () => {
      const { stream } = await listen('parent.a1');
      expect(stream.headers['content-type']).to.match(/^text\/event-stream/);
      expect(stream.headers['content-encoding']).to.equal('identity');
      expect(stream.headers['cache-control']).to.equal('no-store');
      expect(stream.headers['x-accel-buffering']).to.equal('no');
      expect(stream.raw()).to.match(/^retry: 3000\nevent: ready\n/);
    });

    it('refuses a page without a session with 401', async () => {
      const response = await core.inject('/api/live');
      expect(response.statusCode).to.equal(401);
      expect(response.result).to.have.property('message').that.contains('connecter');
    });

    it('refuses a query it does not know with 400, opening nothing', async () => {
      const person = await core.as('parent.a1');
      const response = await person.get('/api/live?depuis=12');
      expect(response.statusCode).to.equal(400);
      expect(live().openPages(person.personId)).to.equal(0);
    });

    it('hands a person their own messages, numbered, and never another person’s', async () => {
      const parent = await listen('parent.a1');
      const teacher = await listen('enseignant.cm1a');
      live().push([parent.person.personId], { type: 'carnet-essai.note', data: { n: 1 } });
      live().push([teacher.person.personId], { type: 'carnet-essai.note', data: { n: 2 } });
      live().push([parent.person.personId], { type: 'carnet-essai.autre', data: 'deux' });

      expect(await parent.stream.next()).to.deep.equal({
        event: 'carnet-essai.note',
        data: '{"n":1}',
        id: '1',
      });
      expect(await parent.stream.next()).to.deep.equal({
        event: 'carnet-essai.autre',
        data: '"deux"',
        id: '2',
      });
      // Pushed after the parent's first message: had it leaked, it would come first.
      expect(await teacher.stream.next()).to.include({
        event: 'carnet-essai.note',
        data: '{"n":2}',
      });
    });

    it('skips a message whose data is not JSON and sends the next ones', async () => {
      const { person, stream } = await listen('parent.a1');
      live().push([person.personId], { type: 'carnet-essai.note', data: { n: 10n } });
      live().push([person.personId], { type: 'carnet-essai.note', data: { n: 11 } });
      expect((await stream.next()).data).to.equal('{"n":11}');
    });

    it('stops listening when the page goes away', async () => {
      const { person, stream } = await listen('directeur.a1');
      expect(live().openPages(person.personId)).to.equal(1);
      stream.close();
      await until(() => live().openPages(person.personId) === 0);
    });

    it('ends the stream of a session that logs out, and keeps the person’s other pages', async () => {
      const here = await listen('enseignant.cm1a');
      const elsewhere = await listen('enseignant.cm1a');
      const personId = here.person.personId;
      expect(live().openPages(personId)).to.equal(2);

      const logout = await here.person.post('/api/auth/logout');
      expect(logout.statusCode).to.equal(204);
      await here.stream.ended;

      expect(live().openPages(personId)).to.equal(1);
      live().push([personId], { type: 'carnet-essai.note', data: 'encore' });
      expect((await elsewhere.stream.next()).data).to.equal('"encore"');
    });

    it('ends the streams of the other sessions when the person changes their password', async () => {
      const here = await listen('enseignant.ce1');
      const elsewhere = await listen('enseignant.ce1');
      const changed = await here.person.post('/api/me/password', {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'Cerf-volant du Mardi 7!',
      });
      expect(changed.statusCode).to.equal(204);
      // Closed by the time the change is answered, not at the stream's next ping.
      expect(live().openPages(here.person.personId)).to.equal(1);
      await elsewhere.stream.ended;

      live().push([here.person.personId], { type: 'carnet-essai.note', data: 'toujours là' });
      expect((await here.stream.next()).data).to.equal('"toujours là"');
    });

    it('closes the oldest page of a person beyond ten', async () => {
      const person = await core.as('eleve.cm1a');
      const streams: SseClient[] = [];
      for (let i = 0; i < 11; i += 1) {
        const stream = await openSse(base, cookieOf(person.cookie));
        open.push(stream);
        await stream.next();
        streams.push(stream);
      }
      await streams[0]?.ended;
      expect(live().openPages(person.personId)).to.equal(10);
      live().push([person.personId], { type: 'carnet-essai.note', data: 'dixième' });
      expect((await streams[10]!.next()).data).to.equal('"dixième"');
    });

    it('ends every stream of a person on disconnect, so their pages reconnect', async () => {
      const { person, stream } = await listen('parent.a1');
      expect(live().disconnect(person.personId)).to.equal(1);
      await stream.ended;
      expect(live().openPages(person.personId)).to.equal(0);
    });

    describe('ctx.live.push of a plugin', () => {
      const pluginLive = () => core.preau.services.plugins.get('carnet-essai')!.context.live;

      it('sends messages of its own prefix', async () => {
        const { person, stream } = await listen('parent.a1');
        pluginLive().push([person.personId], { type: 'carnet-essai.nouveau', data: { id: 3 } });
        expect((await stream.next()).event).to.equal('carnet-essai.nouveau');
      });

      it('refuses a type in another plugin’s namespace', () => {
        expect(() =>
          pluginLive().push([1], { type: 'notifications.new', data: { unread: 1 } }),
        ).to.throw(/commence par « carnet-essai\. »/);
      });
    });
  });

  describe(`Stopping Préau with a page listening (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
      await core.preau.listen();
    });
    after(() => core?.close());

    it('ends the open streams instead of waiting for them', async () => {
      const person = await core.as('parent.a1');
      const cookie = `${core.preau.ctx.config.sessions.cookieName}=${person.cookie}`;
      const stream = await openSse(String(core.preau.server.info.uri), cookie);
      await stream.next();
      // Longer than mocha's timeout: a stream left open would fail this test.
      await core.preau.server.stop({ timeout: 60_000 });
      await stream.ended;
      expect(core.preau.ctx.live.openPages(person.personId)).to.equal(0);
    });
  });
}

/** Waits until `condition` holds: what the server does after a socket closes is not awaited. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
