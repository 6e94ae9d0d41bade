import { expect } from 'chai';

import { SESSION_CACHE_MS } from '../../src/identity/sessions.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

for (const engine of testEngines()) {
  describe(`Sessions read from memory (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    it('stop working within SESSION_CACHE_MS of a logout made by another instance', async () => {
      const parent = await core.as('parent.a1');
      expect((await parent.get('/api/me')).statusCode).to.equal(200);
      // Another Préau instance on the same database deletes the row (its own logout).
      await core.preau.ctx.knex('sessions').where({ person_id: parent.personId }).delete();
      core.clock.advance(SESSION_CACHE_MS);
      expect((await parent.get('/api/me')).statusCode).to.equal(401);
    });

    it('stop working at once after a logout through this instance', async () => {
      const teacher = await core.as('enseignant.cm1a');
      expect((await teacher.get('/api/me')).statusCode).to.equal(200);
      expect((await teacher.post('/api/auth/logout')).statusCode).to.equal(204);
      expect((await teacher.get('/api/me')).statusCode).to.equal(401);
    });

    it('follow a context switch at once', async () => {
      const directeur = await core.as('directeur.a1');
      await directeur.post('/api/me/context', { ecoleId: core.world.ecoles.a1, profile: 'ENS' });
      const me = JSON.parse((await directeur.get('/api/me')).payload) as {
        current: { profile: string };
      };
      expect(me.current.profile).to.equal('ENS');
    });
  });
}
