import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { annoncesFolder, pluginFolder, search, titles } from './helpers.js';

const ANNONCES = '/api/plugins/annonces-essai/annonces';

for (const engine of testEngines()) {
  describe(`recherche: finding what one may see (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [annoncesFolder],
        enableFor: ['a1', 'a2', 'b1'],
      });
      for (const ecole of ['a1', 'a2', 'b1'] as const) {
        await test.enable(ecole, 'annonces-essai');
      }
      const { cm1a, ce1 } = test.world.classes;
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const publish = async (annonce: Record<string, unknown>) =>
        expect((await directeur.post(ANNONCES, annonce)).status).to.equal(200);
      await publish({
        id: 'fete',
        title: 'Fête de l’École',
        text: 'Toutes les familles sont invitées samedi dans la cour.',
      });
      await publish({
        id: 'piscine',
        title: 'Sortie piscine',
        text: 'Les CE1 vont à la piscine municipale jeudi ; prévoir un bonnet.',
        classIds: [ce1],
      });
      await publish({
        id: 'theatre',
        title: 'Atelier théâtre',
        text: 'Le CM1 A prépare un spectacle pour la cantine de Noël.',
        classIds: [cm1a],
      });
      await publish({
        id: 'menus',
        title: 'Cantine : les menus changent',
        text: 'Nouveau prestataire à partir de lundi.',
      });
      await publish({
        id: 'equipe',
        title: 'Réunion d’équipe',
        text: 'Conseil des maîtres mardi à la cantine.',
        profiles: ['ENS', 'DIR'],
      });
    });
    after(() => test?.close());

    it('finds « École » when searching « ecole », whatever the case', async () => {
      const parent = await test.actAs('parent.a1');
      expect(titles(await search(parent, 'ecole'))).to.deep.equal(['Fête de l’École']);
      expect(titles(await search(parent, 'ÉCOLE'))).to.deep.equal(['Fête de l’École']);
    });

    it('finds « cantine » from its prefix « cantin »', async () => {
      const teacher = await test.actAs('enseignant.cm1a');
      expect(titles(await search(teacher, 'cantin'))).to.have.members([
        'Cantine : les menus changent',
        'Atelier théâtre',
        'Réunion d’équipe',
      ]);
    });

    it('ranks a title match before a text match', async () => {
      const teacher = await test.actAs('enseignant.cm1a');
      expect(titles(await search(teacher, 'cantine'))[0]).to.equal('Cantine : les menus changent');
    });

    it('groups results by plugin, with its name, a snippet and the page to open', async () => {
      const response = await search(await test.actAs('parent2.a1'), 'piscine');
      expect(response.status).to.equal(200);
      // parent2.a1's child is in PS-MS: only the CE1 pupils' families find the outing.
      expect(response.body.groups).to.deep.equal([]);
      const pupil = await test.actAs('eleve.ce1');
      const found = await search(pupil, 'piscine bonnet');
      expect(found.body.groups).to.have.length(1);
      expect(found.body.groups[0].pluginId).to.equal('annonces-essai');
      expect(found.body.groups[0].pluginName).to.equal('Annonces d’essai');
      expect(found.body.groups[0].results[0].url).to.equal('/apps/annonces-essai/piscine');
      expect(found.body.groups[0].results[0].snippet).to.include('piscine');
    });

    it('never shows a CM1 A pupil a document for CE1 only', async () => {
      const pupil = await test.actAs('eleve.cm1a');
      expect(titles(await search(pupil, 'piscine'))).to.deep.equal([]);
      expect(titles(await search(pupil, 'theatre'))).to.deep.equal(['Atelier théâtre']);
    });

    it('shows a parent the documents of each of their children’s classes', async () => {
      const parent = await test.actAs('parent.a1'); // eleve.cm1a and eleve.ce1
      expect(titles(await search(parent, 'spectacle'))).to.deep.equal(['Atelier théâtre']);
      expect(titles(await search(parent, 'piscine'))).to.deep.equal(['Sortie piscine']);
      expect(titles(await search(await test.actAs('parent2.a1'), 'spectacle'))).to.deep.equal([]);
    });

    it('shows a document for some profiles only to them', async () => {
      expect(titles(await search(await test.actAs('enseignant.ce1'), 'conseil'))).to.deep.equal([
        'Réunion d’équipe',
      ]);
      expect(titles(await search(await test.actAs('parent.a1'), 'conseil'))).to.deep.equal([]);
    });

    it('never shows A1’s documents to people of A2 or B1', async () => {
      for (const login of ['enseignant.a2', 'enseignant.b1', 'parent.b1']) {
        const other = await test.actAs(login);
        expect(titles(await search(other, 'cantine')), login).to.deep.equal([]);
        expect(titles(await search(other, 'ecole')), login).to.deep.equal([]);
      }
    });

    it('leaves out a plugin that is no longer enabled for the école', async () => {
      await test.disable('a1', 'annonces-essai');
      try {
        const parent = await test.actAs('parent.a1');
        expect(titles(await search(parent, 'ecole'))).to.deep.equal([]);
      } finally {
        await test.enable('a1', 'annonces-essai');
      }
    });

    it('forgets a removed document, and replaces one indexed again', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      await directeur.post(ANNONCES, { id: 'kermesse', title: 'Kermesse', text: 'En juin.' });
      await directeur.post(ANNONCES, { id: 'kermesse', title: 'Kermesse', text: 'En juillet.' });
      const parent = await test.actAs('parent.a1');
      expect(titles(await search(parent, 'juin'))).to.deep.equal([]);
      expect(titles(await search(parent, 'juillet'))).to.deep.equal(['Kermesse']);
      expect(
        (await directeur.delete('/api/plugins/annonces-essai/annonces/kermesse')).status,
      ).to.equal(200);
      expect(titles(await search(parent, 'kermesse'))).to.deep.equal([]);
    });

    it('finds a document addressed to a person by name, and forgets their name on erasure', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const atsem = test.world.people['atsem.a1'];
      await directeur.post(ANNONCES, {
        id: 'entretien',
        title: 'Entretien annuel',
        text: 'Rendez-vous jeudi.',
        personIds: [atsem],
      });
      expect(titles(await search(await test.actAs('atsem.a1'), 'entretien'))).to.deep.equal([
        'Entretien annuel',
      ]);
      expect(titles(await search(await test.actAs('parent.a1'), 'entretien'))).to.deep.equal([]);
      const [file] = await test.hooks.exportUser!(atsem);
      expect(String(file?.content)).to.include('Entretien annuel');
      await test.hooks.eraseUser!(atsem);
      expect(titles(await search(await test.actAs('atsem.a1'), 'entretien'))).to.deep.equal([]);
    });

    it('refuses a query of one character with a 400 naming the field', async () => {
      const response = await search(await test.actAs('parent.a1'), 'e');
      expect(response.status).to.equal(400);
      expect(response.body.message).to.include('q');
    });

    it('refuses a search without a query with a 400 naming the field', async () => {
      const response = await (await test.actAs('parent.a1')).get('/');
      expect(response.status).to.equal(400);
      expect(response.body.message).to.include('q');
    });
  });

  describe(`recherche: when it is not enabled for the école (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({
        plugin: pluginFolder,
        engine,
        plugins: [annoncesFolder],
        enableFor: [],
      });
      await test.enable('a1', 'annonces-essai');
    });
    after(() => test?.close());

    it('lets plugins index anyway (nothing is kept), and its route answers 404', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const post = await directeur.post(ANNONCES, { id: 'x', title: 'Fête', text: 'Samedi.' });
      expect(post.status).to.equal(200);
      expect((await search(directeur, 'fete')).status).to.equal(404);
      await test.enable('a1');
      expect(titles(await search(directeur, 'fete'))).to.deep.equal([]);
    });
  });

  describe(`recherche: migrations (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
    });
    after(() => test?.close());

    it('go down and up again', async () => {
      await test.migrations.down();
      await test.migrations.up();
      expect((await search(await test.actAs('TUT'), 'ecole')).body.groups).to.deep.equal([]);
    });
  });
}
