import { expect } from 'chai';

import { discoverPlugins } from '../../src/plugins/discover.js';
import { startTestCore, type TestCore } from '../../src/testing/index.js';
import { manifestOf, tempPlugins, type TempPlugins } from './temp-plugins.js';

const widget = (pluginId: string) => ({
  id: 'horloge',
  tag: `${pluginId}-horloge`,
  module: 'dist/src/widgets/horloge.js',
  title: { fr: 'Horloge' },
  sizes: { min: { w: 1, h: 1 }, max: { w: 2, h: 2 }, default: { w: 1, h: 1 } },
});

// A manifest without `browser`: what browsers get is guessed from the declared modules.
describe('Plugin files when the manifest names no browser folders', () => {
  const base = '/plugins/par-defaut/1.2.3';
  let temp: TempPlugins;
  let core: TestCore;
  before(async () => {
    temp = await tempPlugins();
    const root = await temp.plugin(
      manifestOf('par-defaut', {
        widgets: [widget('par-defaut')],
        navigation: [{ id: 'accueil', label: { fr: 'Accueil' }, path: '/', icon: 'icons/a.svg' }],
      }),
      {
        'dist/src/widgets/horloge.js': "import './aiguilles.js';\n",
        'dist/src/widgets/aiguilles.js': 'export const aiguilles = 2;\n',
        'dist/src/server/routes.js': 'export const secret = 1;\n',
        'dist/test/horloge.test.js': 'export const fixture = 1;\n',
        'icons/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        'icons/interne.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      },
    );
    core = await startTestCore({ plugins: [root] });
  });
  after(async () => {
    await core?.close();
    await temp?.remove();
  });

  it('serves the declared modules, the files beside them and the declared icons', async () => {
    for (const path of [
      'dist/src/widgets/horloge.js',
      'dist/src/widgets/aiguilles.js',
      'icons/a.svg',
    ]) {
      expect((await core.anonymous().get(`${base}/${path}`)).statusCode, path).to.equal(200);
    }
  });

  it('answers 404 for package.json, compiled server code, tests and undeclared icons', async () => {
    for (const path of [
      'package.json',
      'dist/src/server/routes.js',
      'dist/test/horloge.test.js',
      'icons/interne.svg',
    ]) {
      expect((await core.anonymous().get(`${base}/${path}`)).statusCode, path).to.equal(404);
    }
  });
});

describe('A manifest whose browser folders leave out a declared module', () => {
  let temp: TempPlugins;
  before(async () => {
    temp = await tempPlugins();
  });
  after(() => temp?.remove());

  it('is refused at start, naming the module and the folders', async () => {
    const root = await temp.plugin(
      manifestOf('mal-range', { widgets: [widget('mal-range')], browser: ['dist/src/pages'] }),
      { 'dist/src/widgets/horloge.js': 'export {};\n' },
    );
    const { plugins, refused } = discoverPlugins([root], temp.base);
    expect(plugins).to.deep.equal([]);
    expect(refused[0]?.reason).to.equal(
      'le module « dist/src/widgets/horloge.js » (horloge) n’est dans aucun des dossiers de « browser » (dist/src/pages)',
    );
  });

  it('is accepted when the folders hold it (positive control)', async () => {
    const root = await temp.plugin(
      manifestOf('bien-range', { widgets: [widget('bien-range')], browser: ['dist/src/widgets'] }),
      { 'dist/src/widgets/horloge.js': 'export {};\n' },
    );
    const { plugins, refused } = discoverPlugins([root], temp.base);
    expect(refused).to.deep.equal([]);
    expect(plugins.map((plugin) => plugin.id)).to.deep.equal(['bien-range']);
  });
});

describe('A plugin route that asks for crossSite « token »', () => {
  let temp: TempPlugins;
  let core: TestCore;
  /** A plugin whose register() declares one POST route with the given access. */
  const entry = (access: string) =>
    'export default { manifest: JSON.parse(' +
    "(await import('node:fs')).readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')), " +
    `register(ctx) { ctx.route({ method: 'POST', path: '/lien', summary: 'Lien', access: '${access}', ` +
    "crossSite: 'token', handler: () => null }); } };\n";
  before(async () => {
    temp = await tempPlugins();
    const session = await temp.plugin(manifestOf('jeton-session'), {
      'index.js': entry('session'),
    });
    const open = await temp.plugin(manifestOf('jeton-public'), { 'index.js': entry('public') });
    core = await startTestCore({ plugins: [session, open] });
  });
  after(async () => {
    await core?.close();
    await temp?.remove();
  });

  it('refuses the plugin when the route reads the session, saying why', () => {
    const refused = core.preau.services.plugins
      .installed()
      .find((plugin) => plugin.id === 'jeton-session');
    expect(refused?.status).to.equal('refused');
    expect(refused?.reason).to.contain('réservé aux routes publiques authentifiées par un jeton');
  });

  it('starts the plugin whose token route is public (positive control)', () => {
    expect(core.preau.services.plugins.get('jeton-public')).not.to.equal(undefined);
  });
});
