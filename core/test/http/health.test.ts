import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

for (const engine of testEngines()) {
  describe(`GET /api/health (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    it('answers ok and names the database engine, without a session', async () => {
      const response = await core.anonymous().get('/api/health');
      expect(response.statusCode).to.equal(200);
      expect(response.result).to.include({
        status: 'ok',
        database: engine === 'sqlite' ? 'sqlite' : 'mysql',
      });
    });

    it('rejects an unexpected query parameter with a French message naming it', async () => {
      const response = await core.anonymous().get('/api/health?verbose=1');
      expect(response.statusCode).to.equal(400);
      expect(JSON.parse(response.payload).message).to.contain('verbose');
    });
  });
}
