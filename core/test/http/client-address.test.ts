import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

const failedLoginFrom = (core: TestCore, forwardedFor: string) =>
  core.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'parent.a1', password: 'pas le bon' },
    headers: { 'x-forwarded-for': forwardedFor },
  });

const auditedAddress = async (core: TestCore) =>
  (await core.preau.ctx.knex('audit_log').where({ action: 'login.failed' }).first('ip'))?.ip;

for (const engine of testEngines()) {
  describe(`The client's address (${engine})`, () => {
    let core: TestCore;
    afterEach(() => core?.close());

    it('is the socket’s by default, whatever X-Forwarded-For claims', async () => {
      core = await startTestCore({ engine });
      await failedLoginFrom(core, '203.0.113.7');
      expect(await auditedAddress(core)).to.equal('127.0.0.1');
    });

    it('is the one the reverse proxy appended when trustProxy is on', async () => {
      core = await startTestCore({ engine, config: { server: { trustProxy: true } } });
      await failedLoginFrom(core, '198.51.100.1, 203.0.113.7');
      expect(await auditedAddress(core)).to.equal('203.0.113.7');
    });
  });
}
