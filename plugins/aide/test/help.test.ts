import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { otherPlugins, pluginFolder } from './helpers.js';

for (const engine of testEngines()) {
  describe(`aide: help of the plugins enabled for my école (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      // A1 has aide and menu-cantine; « piege » is installed but enabled only in A2.
      test = await startPluginTest({ plugin: pluginFolder, engine, plugins: otherPlugins });
      await test.enable('a1', 'menu-cantine');
      await test.enable('a2');
      await test.enable('a2', 'piege');
    });
    after(() => test?.close());

    it('lists in the summary the help of the école’s enabled plugins only', async () => {
      const summary = await (await test.actAs('TUT')).get('/sommaire');
      expect(summary.status).to.equal(200);
      const topics = summary.body.topics.map(
        (topic: { pluginId: string; helpId: string }) => `${topic.pluginId}/${topic.helpId}`,
      );
      expect(topics).to.have.members(['menu-cantine/menus', 'aide/contacts']);
    });

    it('names each topic and its service in French, and the page it is about', async () => {
      const summary = await (await test.actAs('TUT')).get('/sommaire');
      const menus = summary.body.topics.find(
        (topic: { pluginId: string }) => topic.pluginId === 'menu-cantine',
      );
      expect(menus).to.deep.equal({
        pluginId: 'menu-cantine',
        pluginName: 'Menus de la cantine',
        helpId: 'menus',
        title: 'Consulter et publier les menus',
        page: 'semaine',
      });
    });

    it('serves an enabled plugin’s help page as HTML, headings moved under the page title', async () => {
      const page = await (await test.actAs('TUT')).get('/pages/menu-cantine/menus');
      expect(page.status).to.equal(200);
      expect(page.body.title).to.equal('Consulter et publier les menus');
      expect(page.body.html).to.include('<h3>Lire les menus</h3>');
      expect(page.body.html).not.to.include('<h1');
    });

    it('answers 404 for the help of a plugin not enabled for my école', async () => {
      const page = await (await test.actAs('TUT')).get('/pages/piege/piege');
      expect(page.status).to.equal(404);
      expect(page.body.message).to.equal(
        'Cette page d’aide n’existe pas pour les services de votre école.',
      );
    });

    it('answers 404 for a help id the plugin does not declare', async () => {
      const page = await (await test.actAs('TUT')).get('/pages/menu-cantine/inconnue');
      expect(page.status).to.equal(404);
    });

    it('offers the menus help on the « semaine » page, by id or by path', async () => {
      const parent = await test.actAs('TUT');
      const byId = await parent.get('/contexte?plugin=menu-cantine&page=semaine');
      const byPath = await parent.get('/contexte?plugin=menu-cantine&page=%2F');
      expect(byId.body.topics.map((t: { helpId: string }) => t.helpId)).to.deep.equal(['menus']);
      expect(byPath.body.topics).to.deep.equal(byId.body.topics);
    });

    it('offers nothing on a plugin not enabled for my école', async () => {
      const context = await (await test.actAs('TUT')).get('/contexte?plugin=piege');
      expect(context.body.topics).to.deep.equal([]);
    });

    it('shows the English file when the portal’s language is English', async () => {
      const page = await (await test.actAs('TUT')).get('/pages/menu-cantine/menus?langue=en');
      expect(page.body).to.include({ lang: 'en', title: 'Reading and publishing menus' });
      expect(page.body.html).to.include('<h3>Reading the menus</h3>');
    });

    it('falls back to French for a help page without an English file', async () => {
      const teacherA2 = await test.actAs('ENS', { ecole: 'a2' });
      const page = await teacherA2.get('/pages/piege/piege?langue=en');
      expect(page.body).to.include({ lang: 'fr', title: 'Une aide piégée' });
    });

    it('strips <script>, event attributes and javascript: links from a help page', async () => {
      const teacherA2 = await test.actAs('ENS', { ecole: 'a2' });
      const page = await teacherA2.get('/pages/piege/piege');
      expect(page.status).to.equal(200);
      const html: string = page.body.html;
      expect(html).to.include('<strong>visible</strong>');
      expect(html).to.include('<a href="https://example.org/aide" rel="noopener noreferrer">');
      expect(html).not.to.match(/<script|alert|onerror|onclick|javascript:|<img/i);
    });
  });

  describe(`aide: premiers pas per profile (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
    });
    after(() => test?.close());

    it('gives a pupil their own page, in very simple French', async () => {
      const page = await (await test.actAs('ELV')).get('/premiers-pas');
      expect(page.status).to.equal(200);
      expect(page.body).to.include({ profile: 'ELV', page: 'eleve', title: 'Bienvenue !' });
      expect(page.body.html).to.include('Demande à ta maîtresse ou à ton maître');
    });

    it('gives a parent a different page from a pupil’s', async () => {
      const page = await (await test.actAs('TUT')).get('/premiers-pas');
      expect(page.body).to.include({ profile: 'TUT', page: 'parent' });
      expect(page.body.title).to.equal('Premiers pas : parent');
      expect(page.body.html).to.include('Enfant');
    });

    it('gives each profile of the fixture world its own page', async () => {
      const pages: Record<string, string> = {};
      for (const profile of ['ELV', 'TUT', 'ENS', 'DIR', 'COL', 'ACA', 'PRT'] as const) {
        pages[profile] = (await (await test.actAs(profile)).get('/premiers-pas')).body.page;
      }
      expect(pages).to.deep.equal({
        ELV: 'eleve',
        TUT: 'parent',
        ENS: 'enseignant',
        DIR: 'directeur',
        COL: 'personnel-municipal',
        ACA: 'circonscription',
        PRT: 'partenaire',
      });
    });

    it('gives the English page when the portal’s language is English', async () => {
      const page = await (await test.actAs('ELV')).get('/premiers-pas?langue=en');
      expect(page.body.title).to.equal('Welcome!');
    });

    it('names the person’s premiers pas in the summary', async () => {
      const summary = await (await test.actAs('ENS')).get('/sommaire');
      expect(summary.body.premiersPas).to.deep.equal({
        profile: 'ENS',
        page: 'enseignant',
        title: 'Premiers pas : enseignant',
      });
    });
  });
}
