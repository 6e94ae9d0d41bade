import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { expect } from 'chai';

import { startTestCore, type TestCore } from '../../src/testing/index.js';
import { link, manifestOf, tempPlugins, type TempPlugins } from './temp-plugins.js';

const PAGE_MODULE = `// Page d’essai.\nexport const lignes = ${JSON.stringify(
  Array.from({ length: 100 }, (_, index) => `ligne ${index}`),
)};\n`;

const base = '/plugins/portail-fichiers/1.2.3';

// Static files: no database behaviour involved, so once, on SQLite.
describe('Plugin files under /plugins/<id>/<version>/', () => {
  let temp: TempPlugins;
  let core: TestCore;
  before(async () => {
    temp = await tempPlugins();
    const root = await temp.plugin(
      manifestOf('portail-fichiers', {
        widgets: [
          {
            id: 'horloge',
            tag: 'portail-fichiers-horloge',
            module: './widgets/horloge.js',
            title: { fr: 'Horloge' },
            sizes: { min: { w: 1, h: 1 }, max: { w: 2, h: 2 }, default: { w: 1, h: 1 } },
            defaultFor: ['ELV'],
          },
        ],
        browser: ['widgets', 'pages', 'styles', 'images', 'data/menus.json'],
      }),
      {
        'data/menus.json': '{"lundi":"frites"}',
        'data/interne.json': '{"jeton":"secret"}',
        'dist/src/server/routes.js': 'export const secret = 1;',
        'dist/test/routes.test.js': 'export const fixture = 1;',
        'pages/accueil.js': PAGE_MODULE,
        'widgets/horloge.js': 'export const horloge = true;\n',
        'styles/page.css': ':host { display: block; }\n',
        'images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        'images/photo.png': 'PNG',
        'notes.txt': 'notes internes',
        'src/server.ts': 'export const secret = 1;',
        '.env': 'MOT_DE_PASSE=secret',
        '.cache/jetons.json': '{"jeton":"secret"}',
        'node_modules/dependance/index.js': 'export const dependance = 1;',
      },
    );
    await temp.plugin(manifestOf('secret-voisin'), { 'secret.js': 'export const secret = 1;' });
    await link(join(temp.base, 'secret-voisin', 'secret.js'), join(root, 'pages', 'lien.js'));
    core = await startTestCore({ plugins: [root] });
    const plugin = core.preau.services.plugins.get('portail-fichiers');
    if (!plugin) throw new Error('Le plugin de test n’a pas démarré');
    await core.preau.services.plugins.enablement.set(plugin, [core.world.ecoles.a1], true, {
      personId: core.world.people['admin.plateforme'],
      ip: null,
      scope: 'ecole',
    });
  });
  after(async () => {
    await core?.close();
    await temp?.remove();
  });

  it('serves a module of a started plugin, public and cached for good', async () => {
    const response = await core.anonymous().get(`${base}/pages/accueil.js`);
    expect(response.statusCode).to.equal(200);
    expect(response.headers['content-type']).to.equal('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).to.equal('public, max-age=31536000, immutable');
    expect(response.payload).to.equal(PAGE_MODULE);
  });

  it('serves styles, images and JSON with their content types', async () => {
    for (const [path, type] of [
      ['styles/page.css', 'text/css; charset=utf-8'],
      ['images/logo.svg', 'image/svg+xml'],
      ['images/photo.png', 'image/png'],
      ['data/menus.json', 'application/json; charset=utf-8'],
    ]) {
      const response = await core.anonymous().get(`${base}/${path}`);
      expect(response.statusCode, path).to.equal(200);
      expect(response.headers['content-type'], path).to.equal(type);
    }
  });

  it('gzips a module when the browser accepts it', async () => {
    const response = await core.inject({
      url: `${base}/pages/accueil.js`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).to.equal('gzip');
    expect(gunzipSync(response.rawPayload).toString('utf8')).to.equal(PAGE_MODULE);
  });

  it('serves the widget module at the URL the dashboard gives', async () => {
    const pupil = await core.as('eleve.cm1a');
    const dashboard = JSON.parse((await pupil.get('/api/dashboard')).payload) as {
      layout: Array<{ widget: string; module: string }>;
    };
    const widget = dashboard.layout.find((item) => item.widget === 'portail-fichiers/horloge');
    expect(widget?.module).to.equal(`${base}/widgets/horloge.js`);
    expect((await core.anonymous().get(String(widget?.module))).statusCode).to.equal(200);
  });

  it('answers 404 for another version than the running one, naming the running one', async () => {
    const response = await core.anonymous().get('/plugins/portail-fichiers/1.2.2/pages/accueil.js');
    expect(response.statusCode).to.equal(404);
    expect(JSON.parse(response.payload).message).to.contain('1.2.3');
  });

  it('answers 404 for a plugin that is not started', async () => {
    for (const url of [
      '/plugins/inconnu/1.2.3/pages/accueil.js',
      '/plugins/secret-voisin/1.2.3/secret.js',
    ]) {
      expect((await core.anonymous().get(url)).statusCode, url).to.equal(404);
    }
  });

  it('never serves a file outside the package, by .. or by a symbolic link', async () => {
    for (const path of [
      '..%2Fsecret-voisin%2Fsecret.js',
      'pages%2F..%2F..%2Fsecret-voisin%2Fsecret.js',
      'pages/..%5C..%5Csecret-voisin%5Csecret.js',
      'pages/lien.js',
    ]) {
      expect((await core.anonymous().get(`${base}/${path}`)).statusCode, path).to.equal(404);
    }
  });

  it('serves nothing of the package outside what its manifest declares for browsers', async () => {
    for (const path of [
      'package.json',
      'manifest.json',
      'index.js',
      'dist/src/server/routes.js',
      'dist/test/routes.test.js',
      'data/interne.json',
      'pages/%2E%2E/index.js',
    ]) {
      expect((await core.anonymous().get(`${base}/${path}`)).statusCode, path).to.equal(404);
    }
  });

  it('never serves dependencies, hidden files or other kinds of files', async () => {
    for (const path of [
      'node_modules/dependance/index.js',
      '.env',
      '.cache/jetons.json',
      'notes.txt',
      'src/server.ts',
      'pages',
      '',
    ]) {
      expect((await core.anonymous().get(`${base}/${path}`)).statusCode, path).to.equal(404);
    }
  });
});
