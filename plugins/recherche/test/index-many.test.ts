import { expect } from 'chai';
import type { SearchDocument } from '@preau/sdk';
// White-box test of recherche's own index: it calls the service recherche provides and reads its
// tables on both engines, below anything the SDK's test harness offers a plugin.
// eslint-disable-next-line no-restricted-imports
import { startTestCore, testEngines, type TestCore } from '@preau/core/testing';

import type { RechercheService } from '../src/index.js';
import { annoncesFolder, pluginFolder } from './helpers.js';

const PLUGIN = 'annonces-essai';

for (const engine of testEngines()) {
  describe(`recherche: indexing many documents at once (${engine})`, () => {
    let core: TestCore;
    let service: RechercheService;
    before(async () => {
      core = await startTestCore({ engine, plugins: [pluginFolder, annoncesFolder] });
      const admin = await core.as('admin.plateforme');
      for (const id of ['recherche', PLUGIN]) {
        const response = await admin.put(`/api/admin/ecoles/${core.world.ecoles.a1}/plugins/${id}`);
        expect(response.statusCode).to.equal(200);
      }
      service = core.preau.services.plugins.get('recherche')!.service as RechercheService;
    });
    after(() => core?.close());

    const annonce = (id: string, title: string, extra: Partial<SearchDocument> = {}) => ({
      ecoleId: core.world.ecoles.a1,
      provider: 'annonces',
      id,
      title,
      text: `Texte de ${title}`,
      url: `/apps/annonces-essai/${id}`,
      audience: 'ecole' as const,
      ...extra,
    });
    const titlesFor = async (login: string, q: string) => {
      const response = await (
        await core.as(login)
      ).get(`/api/plugins/recherche/?q=${encodeURIComponent(q)}&limit=50`);
      expect(response.statusCode).to.equal(200);
      const body = JSON.parse(response.payload) as {
        groups: Array<{ results: Array<{ title: string }> }>;
      };
      return body.groups.flatMap((group) => group.results.map((result) => result.title)).sort();
    };

    it('finds every document of a batch larger than one transaction', async () => {
      const documents = Array.from({ length: 2_345 }, (_, i) =>
        annonce(`lot-${i}`, `Kermesse numéro ${i}`),
      );
      await service.indexMany(PLUGIN, documents);
      const response = await (
        await core.as('parent.a1')
      ).get('/api/plugins/recherche/?q=kermesse&limit=50');
      expect(JSON.parse(response.payload).groups[0].results).to.have.length(50);
      expect(await titlesFor('parent.a1', 'kermesse 2344')).to.deep.equal(['Kermesse numéro 2344']);
    });

    it('replaces documents already indexed and keeps the last of a document given twice', async () => {
      await service.indexMany(PLUGIN, [annonce('brocante', 'Brocante de printemps')]);
      await service.indexMany(PLUGIN, [
        annonce('brocante', 'Brocante d’automne'),
        annonce('loto', 'Loto de l’école'),
        annonce('loto', 'Loto des familles'),
      ]);
      expect(await titlesFor('parent.a1', 'brocante')).to.deep.equal(['Brocante d’automne']);
      expect(await titlesFor('parent.a1', 'printemps')).to.deep.equal([]);
      expect(await titlesFor('parent.a1', 'loto')).to.deep.equal(['Loto des familles']);
    });

    it('keeps each document’s audience', async () => {
      const { cm1a } = core.world.classes;
      await service.indexMany(PLUGIN, [
        annonce('sortie-cm1', 'Sortie au musée', { audience: { classIds: [cm1a] } }),
        annonce('conseil', 'Conseil des maîtres', { audience: { profiles: ['ENS'] } }),
      ]);
      expect(await titlesFor('eleve.cm1a', 'musee')).to.deep.equal(['Sortie au musée']);
      expect(await titlesFor('eleve.ce1', 'musee')).to.deep.equal([]);
      expect(await titlesFor('enseignant.ce1', 'conseil')).to.deep.equal(['Conseil des maîtres']);
      expect(await titlesFor('parent2.a1', 'conseil')).to.deep.equal([]);
    });

    it('refuses a batch holding an invalid document, and keeps none of that batch', async () => {
      let error: Error | undefined;
      try {
        await service.indexMany(PLUGIN, [
          annonce('valide', 'Fanfare du village'),
          annonce('invalide', 'Sans adresse', { url: 'https://ailleurs.example' }),
        ]);
      } catch (caught) {
        error = caught as Error;
      }
      expect(error?.message).to.include('url doit être un chemin du portail');
      expect(await titlesFor('parent.a1', 'fanfare')).to.deep.equal([]);
    });
  });
}
