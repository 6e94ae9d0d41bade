import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

for (const engine of testEngines()) {
  describe(`GET /api/health (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    it('answers a load balancer (no session) with the status alone', async () => {
      const response = await core.anonymous().get('/api/health');
      expect(response.statusCode).to.equal(200);
      expect(response.result).to.deep.equal({ status: 'ok' });
    });

    it('tells nobody but administrators the engine and uptime, not even a directeur', async () => {
      for (const login of ['parent.a1', 'directeur.a1']) {
        const response = await (await core.as(login)).get('/api/health');
        expect(response.result, login).to.deep.equal({ status: 'ok' });
      }
    });

    it('tells platform and collectivité administrators the engine and the uptime', async () => {
      for (const login of ['admin.plateforme', 'admin.a']) {
        const response = await (await core.as(login)).get('/api/health');
        expect(response.statusCode).to.equal(200);
        expect(response.result, login).to.include({
          status: 'ok',
          database: engine === 'sqlite' ? 'sqlite' : 'mysql',
        });
        expect((response.result as { uptimeSeconds?: unknown }).uptimeSeconds).to.be.a('number');
      }
    });

    it('rejects an unexpected query parameter with a French message naming it', async () => {
      const response = await core.anonymous().get('/api/health?verbose=1');
      expect(response.statusCode).to.equal(400);
      expect(JSON.parse(response.payload).message).to.contain('verbose');
    });
  });
}
