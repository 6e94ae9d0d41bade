import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { PluginManifest } from '@preau/sdk';
import { expect } from 'chai';

import { discoverPlugins } from '../../src/plugins/discover.js';
import { pluginsReader } from '../../src/plugins/help-files.js';
import type { PluginCatalog, StartedPlugin } from '../../src/plugins/types.js';

describe('Plugin help files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'preau-help-'));
    writeFileSync(join(dir, 'secret.md'), '# Pas de l’aide');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const manifestOf = (id: string, help: unknown[]): PluginManifest =>
    ({
      id,
      version: '1.0.0',
      name: { fr: `Plugin ${id}` },
      engines: { 'preau-plugin-api': '^1.0.0' },
      permissions: [],
      pages: [
        { id: 'accueil', path: '/', tag: `${id}-accueil`, module: 'a.js', title: { fr: 'A' } },
      ],
      help,
      privacy: { personalData: [] },
    }) as PluginManifest;

  /** Writes a plugin package with the given help entries and Markdown files. */
  const writePlugin = (id: string, help: unknown[], files: Record<string, string>) => {
    const root = join(dir, id);
    mkdirSync(join(root, 'help', 'fr'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: id, version: '1.0.0' }));
    writeFileSync(join(root, 'manifest.json'), JSON.stringify(manifestOf(id, help)));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    return root;
  };
  const guide = { id: 'guide', title: { fr: 'Guide' }, file: { fr: 'help/fr/guide.md' } };

  describe('at discovery', () => {
    it('accepts a plugin whose declared help files are in its package', () => {
      const root = writePlugin('aide-ok', [guide], { 'help/fr/guide.md': '# Guide' });
      const { plugins, refused } = discoverPlugins([root], dir);
      expect(refused).to.deep.equal([]);
      expect(plugins[0]?.manifest.help?.[0]?.id).to.equal('guide');
    });

    it('refuses a plugin whose declared help file is missing, naming the file', () => {
      const root = writePlugin('aide-manquante', [guide], {});
      const { refused } = discoverPlugins([root], dir);
      expect(refused[0]?.reason).to.equal(
        'le fichier d’aide « help/fr/guide.md » de sa page « guide » est absent de son paquet',
      );
    });

    it('refuses a help file that climbs out of the package', () => {
      const escape = { ...guide, file: { fr: '../secret.md' } };
      const root = writePlugin('aide-evadee', [escape], {});
      const { refused } = discoverPlugins([root], dir);
      expect(refused[0]?.reason).to.match(/^son manifeste est invalide \(help\.0\.file\.fr/);
    });
  });

  describe('ctx.plugins', () => {
    const started = (id: string, root: string, help: unknown[]): StartedPlugin =>
      ({ id, version: '1.0.0', root, manifest: manifestOf(id, help) }) as StartedPlugin;
    let reader: ReturnType<typeof pluginsReader>;
    before(() => {
      const rootA = writePlugin('lecture-a', [guide], { 'help/fr/guide.md': '# Guide A' });
      const rootB = writePlugin('lecture-b', [], {});
      const plugins = [started('lecture-a', rootA, [guide]), started('lecture-b', rootB, [])];
      const catalog: PluginCatalog = {
        get: (id) => plugins.find((plugin) => plugin.id === id),
        list: () => plugins,
      };
      reader = pluginsReader(catalog, async (ecoleId) =>
        ecoleId === 1 ? new Set(['lecture-a']) : new Set(['lecture-a', 'lecture-b']),
      );
    });

    it('lists only the plugins enabled for the école, with their pages and help', async () => {
      expect(await reader.enabledFor(1)).to.deep.equal([
        {
          id: 'lecture-a',
          version: '1.0.0',
          name: { fr: 'Plugin lecture-a' },
          pages: [{ id: 'accueil', path: '/' }],
          help: [guide],
        },
      ]);
      expect((await reader.enabledFor(2)).map((plugin) => plugin.id)).to.deep.equal([
        'lecture-a',
        'lecture-b',
      ]);
    });

    it('reads a help file the plugin declares', async () => {
      expect(await reader.readHelp('lecture-a', 'help/fr/guide.md')).to.equal('# Guide A');
    });

    it('refuses a file the plugin does not declare, even inside its package', async () => {
      const error = await reader.readHelp('lecture-a', 'manifest.json').catch((e: Error) => e);
      expect((error as Error).message).to.equal(
        'Le plugin « lecture-a » ne déclare pas le fichier d’aide « manifest.json »',
      );
    });

    it('refuses a plugin that is not started', async () => {
      const error = await reader.readHelp('absent', 'help/fr/guide.md').catch((e: Error) => e);
      expect((error as Error).message).to.equal('Aucun plugin démarré « absent »');
    });
  });
});
