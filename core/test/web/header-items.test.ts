import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { manifestOf, tempPlugins, type TempPlugins } from './temp-plugins.js';

const VOIR = 'entete.cloche.voir';
const MODULE = 'web/element.js';
const moduleFile = { [MODULE]: 'export {};\n' };

const headerItems = [
  {
    id: 'cloche',
    tag: 'entete-cloche',
    module: MODULE,
    label: { fr: 'Notifications', en: 'Notifications' },
    permission: VOIR,
  },
  {
    id: 'recherche',
    tag: 'entete-recherche',
    module: MODULE,
    label: { fr: 'Rechercher' },
    order: 10,
  },
];

/** Plugins refused for their header items: the reason administrators read. */
const refusedForItems: Record<
  string,
  { items: unknown[]; files?: Record<string, string>; reason: string }
> = {
  'entete-sans-prefixe': {
    items: [{ ...headerItems[1], tag: 'autre-recherche' }],
    files: moduleFile,
    reason:
      'la balise de son élément d’en-tête « recherche » (autre-recherche) ne commence pas par « entete-sans-prefixe- »',
  },
  'entete-sans-permission': {
    items: [{ ...headerItems[0], tag: 'entete-sans-permission-cloche' }],
    files: moduleFile,
    reason: `son élément d’en-tête « cloche » exige la permission « ${VOIR} », qu’il ne déclare pas`,
  },
  'entete-en-double': {
    items: [
      { ...headerItems[1], tag: 'entete-en-double-a' },
      { ...headerItems[1], tag: 'entete-en-double-b' },
    ],
    files: moduleFile,
    reason: 'son élément d’en-tête « recherche » est déclaré deux fois',
  },
  'entete-meme-balise': {
    items: [
      { ...headerItems[1], tag: 'entete-meme-balise-a' },
      { ...headerItems[1], id: 'autre', tag: 'entete-meme-balise-a' },
    ],
    files: moduleFile,
    reason: 'deux de ses éléments d’en-tête ont la balise « entete-meme-balise-a »',
  },
  'entete-sans-module': {
    items: [{ ...headerItems[1], tag: 'entete-sans-module-recherche' }],
    reason: `le module de son élément d’en-tête « recherche » (${MODULE}) n’existe pas dans son paquet`,
  },
};

for (const engine of testEngines()) {
  describe(`Header items of plugins (${engine})`, () => {
    let temp: TempPlugins;
    let core: TestCore;
    before(async () => {
      temp = await tempPlugins();
      const roots = [
        await temp.plugin(
          manifestOf('entete', {
            engines: { 'preau-plugin-api': '^1.2.0' },
            permissions: [
              { name: VOIR, description: { fr: 'Voir la cloche' }, defaultProfiles: ['ENS'] },
            ],
            headerItems,
          }),
          moduleFile,
        ),
      ];
      for (const [id, { items, files }] of Object.entries(refusedForItems)) {
        roots.push(await temp.plugin(manifestOf(id, { headerItems: items }), files));
      }
      core = await startTestCore({ engine, plugins: roots });
      const plugin = core.preau.services.plugins.get('entete');
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

    const itemsSeenBy = async (
      login: Parameters<TestCore['as']>[0],
      context?: { ecoleId: number; profile: string },
    ) => {
      const response = await (await core.as(login, context)).get('/api/plugins');
      expect(response.statusCode).to.equal(200);
      const body = JSON.parse(response.payload) as {
        plugins: Array<{ id: string; headerItems: Array<{ id: string }> }>;
      };
      return body.plugins.find((plugin) => plugin.id === 'entete')?.headerItems;
    };

    it('lists the header items of an enabled plugin with what the shell needs to load them', async () => {
      expect(await itemsSeenBy('enseignant.cm1a')).to.deep.equal(headerItems);
    });

    it('lists an item that needs a permission only to profiles holding it', async () => {
      const { a1 } = core.world.ecoles;
      const ids = async (...args: Parameters<typeof itemsSeenBy>) =>
        (await itemsSeenBy(...args))?.map((item) => item.id);
      expect(await ids('directeur.a1', { ecoleId: a1, profile: 'ENS' })).to.deep.equal([
        'cloche',
        'recherche',
      ]);
      expect(await ids('directeur.a1', { ecoleId: a1, profile: 'DIR' })).to.deep.equal([
        'recherche',
      ]);
      expect(await ids('parent.a1')).to.deep.equal(['recherche']);
    });

    it('lists no item of a plugin not enabled for my école', async () => {
      expect(await itemsSeenBy('enseignant.b1')).to.equal(undefined);
    });

    for (const [id, { reason }] of Object.entries(refusedForItems)) {
      it(`refuses at start a plugin whose header items break the rules: ${reason}`, () => {
        const installed = core.preau.services.plugins.installed().find((p) => p.id === id);
        expect(installed).to.include({ status: 'refused', reason });
      });
    }
  });
}
