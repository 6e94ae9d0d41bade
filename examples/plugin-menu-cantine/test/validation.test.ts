import { expect } from 'chai';

import {
  startPluginTest,
  testEngines,
  type PluginTest,
  type PluginTestClient,
} from '@preau/sdk/testing';

import { MONDAY, pluginFolder, sampleMenu, SATURDAY, THURSDAY, WEDNESDAY } from './helpers.js';

for (const engine of testEngines()) {
  describe(`menu-cantine: invalid menus are refused and change nothing (${engine})`, () => {
    let test: PluginTest;
    let atsem: PluginTestClient;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
      atsem = await test.actAs('COL');
      await atsem.put(`/menus/${MONDAY}`, sampleMenu());
    });
    after(() => test?.close());

    /** PUTs an invalid menu over Monday's and checks the 400 names `field` and Monday is intact. */
    async function expectRefused(body: unknown, field: string, date = MONDAY) {
      const response = await atsem.put(`/menus/${date}`, body);
      expect(response.status).to.equal(400);
      expect(response.body.message).to.contain(field);
      const monday = await atsem.get(`/menus/${MONDAY}`);
      expect(monday.body.courses.plat[0].name).to.equal('Lasagnes à la bolognaise');
      expect(monday.body.courses.entree[0].labels).to.deep.equal(['bio', 'local']);
    }

    it('refuses an allergen outside the 14 regulated ones, naming the field', async () => {
      const menu = sampleMenu('Nouilles');
      menu.courses.plat[0]!.allergens = ['gluten', 'kiwi'];
      await expectRefused(menu, 'courses.plat.0.allergens.1');
    });

    it('refuses a field the API does not know, naming it', async () => {
      const menu = { ...sampleMenu(), calories: 650 };
      await expectRefused(menu, 'calories');
    });

    it('refuses an unknown field in a dish, naming it', async () => {
      await expectRefused(
        { courses: { plat: [{ name: 'Riz', allergens: [], prix: 3 }] } },
        'courses.plat.0.prix',
      );
    });

    it('refuses a course that does not exist, naming it', async () => {
      await expectRefused(
        { courses: { fromage: [{ name: 'Comté', allergens: ['lait'] }] } },
        'courses.fromage',
      );
    });

    it('refuses a dish whose allergens are not said, naming the field', async () => {
      await expectRefused({ courses: { plat: [{ name: 'Riz' }] } }, 'courses.plat.0.allergens');
    });

    it('refuses a dish without a name', async () => {
      await expectRefused({ courses: { plat: [{ name: '   ', allergens: [] }] } }, 'name');
    });

    it('refuses a menu without any course', async () => {
      await expectRefused({ courses: {} }, 'courses');
    });

    it('refuses a label outside bio, local and végétarien', async () => {
      await expectRefused(
        { courses: { plat: [{ name: 'Riz', allergens: [], labels: ['halal'] }] } },
        'courses.plat.0.labels.0',
      );
    });

    it('refuses a Saturday, saying it is not a school day, and writes nothing', async () => {
      await expectRefused(sampleMenu(), 'samedi', SATURDAY);
      expect((await atsem.get(`/menus/${SATURDAY}`)).status).to.equal(404);
    });

    it('refuses a Wednesday when the école serves no meal that day (the default)', async () => {
      await expectRefused(sampleMenu(), 'mercredi', WEDNESDAY);
      expect((await atsem.get(`/menus/${WEDNESDAY}`)).status).to.equal(404);
    });

    it('refuses a date that does not exist, naming it', async () => {
      const response = await atsem.put('/menus/2026-02-30', sampleMenu());
      expect(response.status).to.equal(400);
      expect(response.body.message).to.contain('date');
    });

    it('refuses a date that is not written YYYY-MM-DD, naming it', async () => {
      const response = await atsem.put('/menus/03-09-2026', sampleMenu());
      expect(response.status).to.equal(400);
      expect(response.body.message).to.contain('date');
      expect((await atsem.get(`/menus/${THURSDAY}`)).status).to.equal(404);
    });

    it('refuses a body that is not a menu at all', async () => {
      await expectRefused([1, 2, 3], 'corps');
    });

    it('refuses a week that does not exist, naming the parameter', async () => {
      const response = await atsem.get('/menus?week=2026-W54');
      expect(response.status).to.equal(400);
      expect(response.body.message).to.contain('week');
    });

    it('refuses a week that is not written YYYY-Www, naming the parameter', async () => {
      const response = await atsem.get('/menus?week=36');
      expect(response.status).to.equal(400);
      expect(response.body.message).to.contain('week');
    });

    it('refuses a query parameter it does not know', async () => {
      const response = await atsem.get('/menus?semaine=2026-W36');
      expect(response.status).to.equal(400);
      expect(response.body.message).to.contain('semaine');
    });
  });
}
