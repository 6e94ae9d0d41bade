import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { controlOf, draftOf, payloadOf } from '../src/pages/draft.js';
import { MONDAY, pluginFolder, TUESDAY } from './helpers.js';

/*
 * What the « Menus de la semaine » page asks of the server: whether the person may write
 * (`GET /droits`), and that what its form sends is what the API accepts, its refusals naming
 * fields the form can point at.
 */

const WRITE = 'menu-cantine.menus.write';

for (const engine of testEngines()) {
  describe(`menu-cantine: what the page may offer, GET /droits (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
    });
    after(() => test?.close());

    for (const profile of ['COL', 'DIR'] as const) {
      it(`tells a ${profile} they may write the menus`, async () => {
        const response = await (await test.actAs(profile)).get('/droits');
        expect(response.status).to.equal(200);
        expect(response.body).to.deep.equal({ canWrite: true });
      });
    }

    for (const profile of ['TUT', 'ELV', 'ENS', 'PRT'] as const) {
      it(`tells a ${profile} they may only read the menus`, async () => {
        const response = await (await test.actAs(profile)).get('/droits');
        expect(response.status).to.equal(200);
        expect(response.body).to.deep.equal({ canWrite: false });
      });
    }

    it('follows the école’s own grants: a teacher given the right may write', async () => {
      const directeur = await test.actAs('DIR');
      const granted = await directeur.patch(
        `/api/admin/ecoles/${test.world.ecoles.a1}/permissions`,
        {
          overrides: [{ profile: 'ENS', permission: WRITE, granted: true }],
        },
      );
      expect(granted.status).to.equal(200);
      const teacher = await test.actAs('ENS');
      expect((await teacher.get('/droits')).body).to.deep.equal({ canWrite: true });
      await directeur.patch(`/api/admin/ecoles/${test.world.ecoles.a1}/permissions`, {
        overrides: [{ profile: 'ENS', permission: WRITE, granted: null }],
      });
      expect((await teacher.get('/droits')).body).to.deep.equal({ canWrite: false });
    });

    it('asks a visitor without a session to log in (401)', async () => {
      expect((await test.anonymous().get('/droits')).status).to.equal(401);
    });

    it('answers 404 in an école where the plugin is not enabled', async () => {
      const response = await (await test.actAs('TUT', { ecole: 'b1' })).get('/droits');
      expect(response.status).to.equal(404);
    });
  });

  describe(`menu-cantine: the page's form and the API (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
    });
    after(() => test?.close());

    it('sends a new menu the API stores as entered', async () => {
      const draft = draftOf(null);
      draft.note = '  Repas à thème : l’Italie ';
      draft.courses.plat[0] = { name: ' Lasagnes ', allergens: ['lait', 'gluten'], labels: [] };
      draft.courses.dessert.push({ name: 'Panna cotta', allergens: ['lait'], labels: ['bio'] });
      const atsem = await test.actAs('COL');
      const response = await atsem.put(`/menus/${MONDAY}`, payloadOf(draft));
      expect(response.status).to.equal(201);
      expect(response.body.note).to.equal('Repas à thème : l’Italie');
      expect(response.body.courses).to.deep.equal({
        plat: [{ name: 'Lasagnes', allergens: ['gluten', 'lait'], labels: [] }],
        dessert: [{ name: 'Panna cotta', allergens: ['lait'], labels: ['bio'] }],
      });
    });

    it('gives back, through a stored menu, a form that saves the same menu again', async () => {
      const atsem = await test.actAs('COL');
      const stored = (await atsem.get(`/menus/${MONDAY}`)).body;
      const again = await atsem.put(`/menus/${MONDAY}`, payloadOf(draftOf(stored)));
      expect(again.status).to.equal(200);
      expect(again.body.courses).to.deep.equal(stored.courses);
      expect(again.body.note).to.equal(stored.note);
    });

    it('gets a refusal naming the dish without a name, which the form can point at', async () => {
      const draft = draftOf(null);
      draft.courses.plat[0] = { name: '   ', allergens: [], labels: [] };
      const response = await (await test.actAs('COL')).put(`/menus/${TUESDAY}`, payloadOf(draft));
      expect(response.status).to.equal(400);
      const controls = (response.body.problems as Array<{ field: string }>).map((problem) =>
        controlOf(problem.field),
      );
      expect(controls).to.include('plat-0-name');
      expect((await (await test.actAs('COL')).get(`/menus/${TUESDAY}`)).status).to.equal(404);
    });

    it('gets a French refusal when every course is empty, and nothing is written', async () => {
      const draft = draftOf(null);
      draft.courses.plat = [];
      const response = await (await test.actAs('COL')).put(`/menus/${TUESDAY}`, payloadOf(draft));
      expect(response.status).to.equal(400);
      expect(response.body.message).to.match(/^Données envoyées invalides : courses/);
      expect((await (await test.actAs('COL')).get(`/menus/${TUESDAY}`)).status).to.equal(404);
    });
  });
}
