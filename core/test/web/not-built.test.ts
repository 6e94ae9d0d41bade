import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Hapi from '@hapi/hapi';
import { expect } from 'chai';

import { startTestCore, type TestCore } from '../../src/testing/index.js';
import { registerWeb } from '../../src/web/index.js';

describe('The portal before the browser build has run', () => {
  let core: TestCore;
  let empty: string;
  let server: Hapi.Server;
  before(async () => {
    core = await startTestCore();
    empty = await mkdtemp(join(tmpdir(), 'preau-public-'));
    server = Hapi.server();
    await registerWeb(server, core.preau.ctx, core.preau.services, { publicDir: empty });
  });
  after(async () => {
    await core?.close();
    await rm(empty, { recursive: true, force: true });
  });

  it('starts anyway and answers the page paths 503, saying which command to run', async () => {
    for (const path of ['/', '/connexion']) {
      const response = await server.inject(path);
      expect(response.statusCode, path).to.equal(503);
      expect(response.headers['content-type']).to.equal('text/html; charset=utf-8');
      expect(response.payload).to.contain('Le portail n’est pas construit : lancez npm run build.');
    }
  });

  it('answers 404 for assets', async () => {
    expect((await server.inject('/assets/vendor/lit-0000.js')).statusCode).to.equal(404);
  });
});
