import { expect } from 'chai';

import {
  fixtureProfilesIn,
  startPluginTest,
  testEngines,
  type PluginTest,
} from '@preau/sdk/testing';

import { FRIDAY, MONDAY, pluginFolder, sampleMenu, THURSDAY, TUESDAY, WEEK } from './helpers.js';

for (const engine of testEngines()) {
  describe(`menu-cantine: publishing and reading the week's menus (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
    });
    after(() => test?.close());

    it('lets the municipal staff publish a day, answering 201 with the menu as stored', async () => {
      const atsem = await test.actAs('COL');
      const response = await atsem.put(`/menus/${MONDAY}`, sampleMenu());
      expect(response.status).to.equal(201);
      expect(response.body).to.include({ date: MONDAY, weekday: 'lundi' });
      expect(response.body.note).to.equal('Repas de la rentrée');
      expect(response.body.courses.plat).to.deep.equal([
        { name: 'Lasagnes à la bolognaise', allergens: ['gluten', 'lait', 'celeri'], labels: [] },
      ]);
      expect(
        response.body.courses.laitage.map((dish: { name: string }) => dish.name),
      ).to.deep.equal(['Yaourt nature', 'Fromage blanc']);
      expect(response.body.updatedAt).to.equal(test.clock.now());
    });

    it('lets the directeur replace a day, answering 200 and keeping only the new dishes', async () => {
      const directeur = await test.actAs('DIR');
      await directeur.put(`/menus/${THURSDAY}`, sampleMenu('Poisson pané'));
      const replaced = await directeur.put(`/menus/${THURSDAY}`, {
        courses: { plat: [{ name: 'Omelette', allergens: ['oeufs'], labels: ['vegetarien'] }] },
      });
      expect(replaced.status).to.equal(200);
      const read = await directeur.get(`/menus/${THURSDAY}`);
      expect(read.body.courses).to.deep.equal({
        plat: [{ name: 'Omelette', allergens: ['oeufs'], labels: ['vegetarien'] }],
      });
      expect(read.body.note).to.equal(null);
    });

    it('shows the week to every profile of the école', async () => {
      const atsem = await test.actAs('COL');
      await atsem.put(`/menus/${MONDAY}`, sampleMenu());
      await atsem.put(`/menus/${FRIDAY}`, sampleMenu('Poulet rôti'));
      for (const profile of fixtureProfilesIn('a1')) {
        const response = await (await test.actAs(profile)).get(`/menus?week=${WEEK}`);
        expect(response.status, profile).to.equal(200);
        expect(response.body.week).to.equal(WEEK);
        const dates = response.body.days.map((day: { date: string }) => day.date);
        expect(dates, profile).to.include.members([MONDAY, FRIDAY]);
      }
    });

    it('lists the week’s school days, Wednesday left out by default', async () => {
      const response = await (await test.actAs('TUT')).get(`/menus?week=${WEEK}`);
      expect(response.body.schoolDays).to.deep.equal([MONDAY, TUESDAY, THURSDAY, FRIDAY]);
    });

    it('answers the current week in Paris when no week is given', async () => {
      const response = await (await test.actAs('ELV')).get('/menus');
      expect(response.status).to.equal(200);
      expect(response.body.week).to.equal(WEEK);
    });

    it('answers today’s menu, and null on a day without one', async () => {
      const atsem = await test.actAs('COL');
      await atsem.put(`/menus/${TUESDAY}`, sampleMenu('Hachis parmentier'));
      const parent = await test.actAs('TUT');
      const today = await parent.get('/menus/today');
      expect(today.status).to.equal(200);
      expect(today.body.date).to.equal(TUESDAY);
      expect(today.body.menu.courses.plat[0].name).to.equal('Hachis parmentier');

      await atsem.delete(`/menus/${TUESDAY}`);
      const empty = await parent.get('/menus/today');
      expect(empty.body).to.deep.equal({ date: TUESDAY, menu: null });
    });

    it('deletes a day’s menu with 204, then answers 404 for that day', async () => {
      const directeur = await test.actAs('DIR');
      await directeur.put(`/menus/${MONDAY}`, sampleMenu());
      expect((await directeur.delete(`/menus/${MONDAY}`)).status).to.equal(204);
      const read = await directeur.get(`/menus/${MONDAY}`);
      expect(read.status).to.equal(404);
      expect(read.body.message).to.contain(MONDAY);
    });

    it('answers 404 when deleting a day that has no menu', async () => {
      const directeur = await test.actAs('DIR');
      expect((await directeur.delete('/menus/2026-09-10')).status).to.equal(404);
    });
  });

  describe(`menu-cantine: who may write (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
      await (await test.actAs('COL')).put(`/menus/${MONDAY}`, sampleMenu());
    });
    after(() => test?.close());

    for (const profile of ['TUT', 'ELV', 'ENS', 'PRT', 'ACA'] as const) {
      it(`refuses a ${profile} who tries to publish a menu (403), and writes nothing`, async () => {
        const client = await test.actAs(profile);
        const response = await client.put(`/menus/${TUESDAY}`, sampleMenu());
        expect(response.status).to.equal(403);
        expect((await client.get(`/menus/${TUESDAY}`)).status).to.equal(404);
      });
    }

    it('refuses a parent who tries to delete a menu (403), and keeps it', async () => {
      const parent = await test.actAs('TUT');
      expect((await parent.delete(`/menus/${MONDAY}`)).status).to.equal(403);
      expect((await parent.get(`/menus/${MONDAY}`)).status).to.equal(200);
    });

    it('refuses a teacher who tries to replace a menu (403), and keeps the old one', async () => {
      const teacher = await test.actAs('ENS');
      const response = await teacher.put(`/menus/${MONDAY}`, sampleMenu('Frites'));
      expect(response.status).to.equal(403);
      const read = await teacher.get(`/menus/${MONDAY}`);
      expect(read.body.courses.plat[0].name).to.equal('Lasagnes à la bolognaise');
    });

    it('asks a visitor without a session to log in (401)', async () => {
      expect((await test.anonymous().get(`/menus?week=${WEEK}`)).status).to.equal(401);
    });
  });
}
