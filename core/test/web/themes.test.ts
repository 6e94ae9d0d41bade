import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Hapi from '@hapi/hapi';
import { expect } from 'chai';

import { startTestCore, type TestCore } from '../../src/testing/index.js';
import { registerWeb } from '../../src/web/index.js';

describe('Theme files under /themes/<name>/', () => {
  let core: TestCore;
  before(async () => {
    core = await startTestCore();
  });
  after(() => core?.close());

  it('serves each theme’s tokens from the workspace, public and cached an hour', async () => {
    for (const theme of ['default', 'contraste']) {
      const response = await core.anonymous().get(`/themes/${theme}/tokens.css`);
      expect(response.statusCode, theme).to.equal(200);
      expect(response.headers['content-type']).to.equal('text/css; charset=utf-8');
      expect(response.headers['cache-control']).to.equal('public, max-age=3600');
      expect(response.payload).to.contain('--preau-');
    }
  });

  it('answers 404 for a theme the portal does not offer', async () => {
    expect((await core.anonymous().get('/themes/sombre/tokens.css')).statusCode).to.equal(404);
  });

  it('answers 404 outside the theme or for other kinds of files', async () => {
    for (const path of ['..%2Fcontraste%2Ftokens.css', 'README.md', 'absent.css']) {
      expect((await core.anonymous().get(`/themes/default/${path}`)).statusCode, path).to.equal(
        404,
      );
    }
  });

  describe('with a theme folder given to registerWeb', () => {
    let folder: string;
    let server: Hapi.Server;
    before(async () => {
      folder = await mkdtemp(join(tmpdir(), 'preau-theme-'));
      await mkdir(join(folder, 'icons'));
      await writeFile(join(folder, 'tokens.css'), ':root { --preau-essai: 1; }\n');
      await writeFile(join(folder, 'icons', 'maison.svg'), '<svg/>');
      server = Hapi.server();
      await registerWeb(server, core.preau.ctx, core.preau.services, {
        themeRoot: (id) => (id === 'contraste' ? folder : undefined),
      });
    });
    after(() => rm(folder, { recursive: true, force: true }));

    it('serves its tokens and pictograms', async () => {
      const tokens = await server.inject('/themes/contraste/tokens.css');
      expect(tokens.payload).to.contain('--preau-essai');
      const icon = await server.inject('/themes/contraste/icons/maison.svg');
      expect(icon.headers['content-type']).to.equal('image/svg+xml');
    });

    it('answers 404 for a theme whose package is missing', async () => {
      expect((await server.inject('/themes/default/tokens.css')).statusCode).to.equal(404);
    });
  });
});
