import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { manifestOf, tempPlugins, type TempPlugins } from './temp-plugins.js';

const GERER = 'portail-pages.cantine.gerer';

const pages = [
  {
    id: 'accueil',
    path: '/',
    tag: 'portail-pages-accueil',
    module: 'pages/accueil.js',
    title: { fr: 'Accueil', en: 'Home' },
  },
  {
    id: 'gestion',
    path: '/gestion',
    tag: 'portail-pages-gestion',
    module: 'pages/gestion.js',
    title: { fr: 'Gestion des menus' },
    permission: GERER,
  },
];

/** Plugins refused for their pages: the reason administrators read. */
const refusedForPages = {
  'pages-sans-prefixe': {
    pages: [{ ...pages[0], tag: 'autre-accueil' }],
    reason:
      'la balise de sa page « accueil » (autre-accueil) ne commence pas par « pages-sans-prefixe- »',
  },
  'pages-sans-permission': {
    pages: [{ ...pages[1], tag: 'pages-sans-permission-gestion' }],
    reason: `sa page « gestion » exige la permission « ${GERER} », qu’il ne déclare pas`,
  },
  'pages-en-double': {
    pages: [
      { ...pages[0], tag: 'pages-en-double-a' },
      { ...pages[0], id: 'autre', tag: 'pages-en-double-b' },
    ],
    reason: 'deux de ses pages ont le même chemin « / »',
  },
};

for (const engine of testEngines()) {
  describe(`Plugin pages (${engine})`, () => {
    let temp: TempPlugins;
    let core: TestCore;
    before(async () => {
      temp = await tempPlugins();
      const roots = [
        await temp.plugin(
          manifestOf('portail-pages', {
            permissions: [
              {
                name: GERER,
                description: { fr: 'Gérer les menus' },
                defaultProfiles: ['DIR'],
              },
            ],
            navigation: [{ id: 'menus', label: { fr: 'Menus' }, path: '/' }],
            pages,
          }),
        ),
      ];
      for (const [id, { pages: declared }] of Object.entries(refusedForPages)) {
        roots.push(await temp.plugin(manifestOf(id, { pages: declared })));
      }
      core = await startTestCore({ engine, plugins: roots });
      const plugin = core.preau.services.plugins.get('portail-pages');
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

    const pagesSeenBy = async (
      login: Parameters<TestCore['as']>[0],
      context?: { ecoleId: number; profile: string },
    ) => {
      const response = await (await core.as(login, context)).get('/api/plugins');
      expect(response.statusCode).to.equal(200);
      const body = JSON.parse(response.payload) as {
        plugins: Array<{ id: string; pages: Array<{ id: string }> }>;
      };
      return body.plugins.find((plugin) => plugin.id === 'portail-pages')?.pages.map((p) => p.id);
    };

    it('lists the pages of an enabled plugin with what the shell needs to mount them', async () => {
      const response = await (await core.as('enseignant.cm1a')).get('/api/plugins');
      const body = JSON.parse(response.payload) as {
        plugins: Array<{ id: string; version: string; pages: unknown[] }>;
      };
      const plugin = body.plugins.find((p) => p.id === 'portail-pages');
      expect(plugin?.version).to.equal('1.2.3');
      expect(plugin?.pages).to.deep.equal([pages[0]]);
    });

    it('lists a page that needs a permission only to profiles holding it', async () => {
      const { a1 } = core.world.ecoles;
      expect(await pagesSeenBy('directeur.a1', { ecoleId: a1, profile: 'DIR' })).to.deep.equal([
        'accueil',
        'gestion',
      ]);
      expect(await pagesSeenBy('directeur.a1', { ecoleId: a1, profile: 'ENS' })).to.deep.equal([
        'accueil',
      ]);
      expect(await pagesSeenBy('eleve.cm1a')).to.deep.equal(['accueil']);
    });

    it('lists no page of a plugin not enabled for my école', async () => {
      expect(await pagesSeenBy('enseignant.b1')).to.equal(undefined);
    });

    for (const [id, { reason }] of Object.entries(refusedForPages)) {
      it(`refuses a plugin whose pages break the rules: ${reason}`, () => {
        const installed = core.preau.services.plugins.installed().find((p) => p.id === id);
        expect(installed).to.include({ status: 'refused', reason });
      });
    }
  });
}
