import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { expect } from 'chai';

import { startTestCore, type TestCore } from '../../src/testing/index.js';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

/** The largest file of a build folder: big enough for hapi to compress. */
function largest(folder: string): string {
  const files = readdirSync(join(PUBLIC, folder)).filter((name) => name.endsWith('.js'));
  const sized = files.map((name) => ({ name, size: statSync(join(PUBLIC, folder, name)).size }));
  sized.sort((a, b) => b.size - a.size);
  const found = sized[0];
  if (!found) throw new Error(`Aucun fichier dans ${folder} : lancez npm run build`);
  return found.name;
}

describe('The portal’s built assets under /assets', () => {
  let core: TestCore;
  before(async () => {
    core = await startTestCore();
  });
  after(() => core?.close());

  it('serves a vendor module as JavaScript, cached for a year as immutable, without a session', async () => {
    const file = largest('vendor');
    const response = await core.anonymous().get(`/assets/vendor/${file}`);
    expect(response.statusCode).to.equal(200);
    expect(response.headers['content-type']).to.equal('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).to.equal('public, max-age=31536000, immutable');
    expect(response.payload).to.equal(readFileSync(join(PUBLIC, 'vendor', file), 'utf8'));
  });

  it('serves the shell under /assets/shell', async () => {
    const shell = (
      JSON.parse(readFileSync(join(PUBLIC, 'shell', 'assets.json'), 'utf8')) as {
        shell: string;
      }
    ).shell;
    const response = await core.anonymous().get(`/assets/${shell}`);
    expect(response.statusCode).to.equal(200);
    expect(response.headers['cache-control']).to.equal('public, max-age=31536000, immutable');
  });

  it('gzips a module when the browser accepts it', async () => {
    const file = largest('vendor');
    const response = await core.inject({
      url: `/assets/vendor/${file}`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.headers['content-encoding']).to.equal('gzip');
    expect(response.headers.vary).to.contain('accept-encoding');
    expect(gunzipSync(response.rawPayload).toString('utf8')).to.equal(
      readFileSync(join(PUBLIC, 'vendor', file), 'utf8'),
    );
  });

  it('sends a module uncompressed to a client that does not ask for gzip', async () => {
    const response = await core.anonymous().get(`/assets/vendor/${largest('vendor')}`);
    expect(response.headers['content-encoding']).to.equal(undefined);
  });

  it('gzips index.html too', async () => {
    const response = await core.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).to.equal('gzip');
    expect(gunzipSync(response.rawPayload).toString('utf8')).to.contain('<preau-app>');
  });

  it('answers 404 for a file that does not exist or lies outside the folder', async () => {
    for (const url of [
      '/assets/vendor/absent-0000.js',
      '/assets/vendor/..%2Fshell%2Fassets.json',
      '/assets/shell/..%5Cvendor%5Cassets.json',
      '/assets/vendor',
    ]) {
      expect((await core.anonymous().get(url)).statusCode, url).to.equal(404);
    }
  });
});
