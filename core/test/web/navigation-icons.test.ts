import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { THEME_ICONS } from '@preau/sdk';
import { expect } from 'chai';

import { startTestCore, type TestCore } from '../../src/testing/index.js';
import { manifestOf, tempPlugins, type TempPlugins } from './temp-plugins.js';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));

const entry = (icon: string) => ({
  navigation: [{ id: 'accueil', label: { fr: 'Accueil' }, path: '/', icon }],
});

// A static check of the manifest: one engine is enough, no query depends on it.
describe('Navigation icons of plugins', () => {
  let temp: TempPlugins;
  let core: TestCore;
  const statusOf = (id: string) =>
    core.preau.services.plugins.installed().find((plugin) => plugin.id === id);

  before(async () => {
    temp = await tempPlugins();
    const roots = [
      await temp.plugin(manifestOf('icone-theme', entry('ecole'))),
      await temp.plugin(
        manifestOf('icone-image', { ...entry('icons/accueil.svg'), browser: ['icons'] }),
        {
          'icons/accueil.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
        },
      ),
      await temp.plugin(manifestOf('icone-inconnue', entry('ecol'))),
      await temp.plugin(manifestOf('icone-absente', entry('icons/absente.svg'))),
    ];
    core = await startTestCore({ engine: 'sqlite', plugins: roots });
  });
  after(async () => {
    await core?.close();
    await temp?.remove();
  });

  it('starts a plugin naming a pictogram every theme draws, or an image of its package', () => {
    expect(statusOf('icone-theme')).to.include({ status: 'started' });
    expect(statusOf('icone-image')).to.include({ status: 'started' });
  });

  it('refuses a plugin naming a pictogram no theme draws, and lists the names it may use', () => {
    const refused = statusOf('icone-inconnue');
    expect(refused?.status).to.equal('refused');
    expect(refused?.reason).to.contain('l’icône « ecol » de son entrée « accueil » n’existe pas');
    expect(refused?.reason).to.contain('ecole, forum');
  });

  it('refuses a plugin naming an image its package does not hold', () => {
    expect(statusOf('icone-absente')).to.include({
      status: 'refused',
      reason:
        'l’image « icons/absente.svg » de son entrée « accueil » n’existe pas dans son paquet',
    });
  });

  it('names in THEME_ICONS exactly the pictograms each theme draws', () => {
    for (const theme of ['default', 'contraste']) {
      const drawn = readdirSync(join(repository, 'themes', theme, 'icons'))
        .map((file) => file.replace(/\.svg$/, ''))
        .sort();
      expect(drawn, theme).to.deep.equal([...THEME_ICONS].sort());
    }
  });
});
