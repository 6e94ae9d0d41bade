import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PLUGIN_API_VERSION } from '@preau/sdk';
import { expect } from 'chai';

import { discoverPlugins } from '../../src/plugins/discover.js';
import { fixturePlugin } from './fixtures.js';

describe('Plugin discovery', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'preau-discovery-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a plugin package (package.json + manifest.json) and returns its folder. */
  const writePlugin = (
    folder: string,
    manifest: Record<string, unknown>,
    packageJson: Record<string, unknown> = {},
  ) => {
    const root = join(dir, folder);
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: folder, version: manifest.version, type: 'module', ...packageJson }),
    );
    writeFileSync(join(root, 'manifest.json'), JSON.stringify(manifest));
    return root;
  };
  const manifestOf = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    version: '1.0.0',
    name: { fr: `Plugin ${id}` },
    engines: { 'preau-plugin-api': '^1.0.0' },
    permissions: [],
    privacy: { personalData: [] },
    ...extra,
  });

  it('accepts a valid plugin folder and reads its manifest without running its code', () => {
    const { plugins, refused } = discoverPlugins([fixturePlugin('carnet-essai')], dir);
    expect(refused).to.deep.equal([]);
    expect(plugins.map((p) => [p.id, p.version])).to.deep.equal([['carnet-essai', '1.2.0']]);
  });

  it('refuses an invalid manifest, naming the faulty field', () => {
    const { plugins, refused } = discoverPlugins([fixturePlugin('mauvais-manifeste')], dir);
    expect(plugins).to.deep.equal([]);
    expect(refused[0]?.id).to.equal('Mauvais_Id');
    expect(refused[0]?.reason).to.match(/^son manifeste est invalide \(id : /);
  });

  it('refuses a plugin whose API range excludes this Préau, naming range and version', () => {
    const { refused } = discoverPlugins([fixturePlugin('api-future')], dir);
    expect(refused[0]?.reason).to.equal(
      `il demande l’API de plugins ^2.0.0, Préau fournit ${PLUGIN_API_VERSION}`,
    );
  });

  it('refuses a plugin whose API range is below this Préau (a ceiling, not only a floor)', () => {
    const root = writePlugin(
      'ancien',
      manifestOf('ancien', { engines: { 'preau-plugin-api': '>=0.1.0 <1.0.0' } }),
    );
    const { refused } = discoverPlugins([root], dir);
    expect(refused[0]?.reason).to.contain('>=0.1.0 <1.0.0');
  });

  it('refuses a manifest whose version differs from package.json', () => {
    const root = writePlugin('decale', manifestOf('decale'), { version: '1.0.1' });
    const { refused } = discoverPlugins([root], dir);
    expect(refused[0]?.reason).to.equal(
      'la version de son manifeste (1.0.0) diffère de celle de son package.json (1.0.1)',
    );
  });

  it('refuses a permission outside the plugin’s namespace', () => {
    const root = writePlugin(
      'intrus',
      manifestOf('intrus', {
        permissions: [
          { name: 'messagerie.messages.read', description: { fr: 'Lire' }, defaultProfiles: [] },
        ],
      }),
    );
    const { refused } = discoverPlugins([root], dir);
    expect(refused[0]?.reason).to.contain(
      '« messagerie.messages.read » ne commence pas par « intrus. »',
    );
  });

  it('refuses a widget whose tag does not start with the plugin id', () => {
    const size = { w: 1, h: 1 };
    const root = writePlugin(
      'balise',
      manifestOf('balise', {
        widgets: [
          {
            id: 'meteo',
            tag: 'meteo-widget',
            module: 'meteo.js',
            title: { fr: 'Météo' },
            sizes: { min: size, max: size, default: size },
          },
        ],
      }),
    );
    const { refused } = discoverPlugins([root], dir);
    expect(refused[0]?.reason).to.contain('(meteo-widget) ne commence pas par « balise- »');
  });

  it('refuses a navigation entry that needs a permission the plugin does not declare', () => {
    const root = writePlugin(
      'menu-flou',
      manifestOf('menu-flou', {
        navigation: [{ id: 'a', label: { fr: 'A' }, path: '/', permission: 'menu-flou.a.read' }],
      }),
    );
    const { refused } = discoverPlugins([root], dir);
    expect(refused[0]?.reason).to.contain('« menu-flou.a.read », qu’il ne déclare pas');
  });

  it('refuses the second of two plugins with the same id and keeps the first', () => {
    const first = writePlugin('double-1', manifestOf('double'));
    const second = writePlugin('double-2', manifestOf('double'));
    const { plugins, refused } = discoverPlugins([first, second], dir);
    expect(plugins.map((p) => p.source)).to.deep.equal([first]);
    expect(refused.map((r) => [r.source, r.reason])).to.deep.equal([
      [second, `un autre plugin porte déjà cet identifiant (« ${first} »)`],
    ]);
  });

  it('refuses a folder without manifest.json and a package that is not installed', () => {
    const root = join(dir, 'sans-manifeste');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{"name":"x","version":"1.0.0"}');
    const { refused } = discoverPlugins([root, '@preau-test/nulle-part'], dir);
    expect(refused.map((r) => r.reason)).to.deep.equal([
      'il n’a pas de manifest.json à la racine de son paquet',
      'le paquet npm « @preau-test/nulle-part » n’est pas installé',
    ]);
  });

  it('finds a plugin by npm package name in node_modules, and by a path relative to cwd', () => {
    const project = join(dir, 'projet');
    writePlugin(join('projet', 'node_modules', '@ville', 'plugin-cantine'), manifestOf('cantine'));
    writePlugin(join('projet', 'locaux', 'agenda'), manifestOf('agenda'));
    const { plugins, refused } = discoverPlugins(
      ['@ville/plugin-cantine', './locaux/agenda'],
      project,
    );
    expect(refused).to.deep.equal([]);
    expect(plugins.map((p) => p.id)).to.deep.equal(['cantine', 'agenda']);
  });

  it('keeps going after a refusal: the plugins after it are still discovered', () => {
    const { plugins, refused } = discoverPlugins(
      [fixturePlugin('api-future'), fixturePlugin('carnet-essai')],
      dir,
    );
    expect(refused.map((r) => r.id)).to.deep.equal(['api-future']);
    expect(plugins.map((p) => p.id)).to.deep.equal(['carnet-essai']);
  });
});
