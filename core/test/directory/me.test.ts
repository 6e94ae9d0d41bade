import { expect } from 'chai';

import type { WhoAmI } from '../../src/directory/types.js';
import { makeUai } from '../../src/directory/uai.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { body } from '../identity/http-helpers.js';

for (const engine of testEngines()) {
  describe(`GET /api/me (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const me = async (login: string) => {
      const response = await (await core.as(login)).get('/api/me');
      expect(response.statusCode).to.equal(200);
      return body<WhoAmI>(response);
    };

    it('requires a session', async () => {
      expect((await core.anonymous().get('/api/me')).statusCode).to.equal(401);
    });

    it('names the person, with an opaque uuid and no contact details', async () => {
      const { person, login } = await me('parent.a1');
      expect(person).to.deep.include({
        id: core.world.people['parent.a1'],
        firstName: 'Parent',
        lastName: 'A1',
        displayName: 'Parent A1',
      });
      expect(person.uuid).to.match(/^[0-9a-f-]{36}$/);
      expect(Object.keys(person).sort()).to.deep.equal(
        ['displayName', 'firstName', 'id', 'lastName', 'uuid'].sort(),
      );
      expect(login).to.equal('parent.a1');
    });

    it('lists both children of a parent, in their different classes', async () => {
      const { children } = await me('parent.a1');
      const byId = new Map(children.map((child) => [child.id, child]));
      expect(children).to.have.length(2);
      expect(byId.get(core.world.people['eleve.cm1a'])?.classe).to.deep.equal({
        id: core.world.classes.cm1a,
        name: 'CM1 A',
        levels: ['CM1'],
      });
      expect(byId.get(core.world.people['eleve.ce1'])?.classe?.id).to.equal(core.world.classes.ce1);
      expect(byId.get(core.world.people['eleve.ce1'])?.ecole?.id).to.equal(core.world.ecoles.a1);
    });

    it('lists only a parent’s own children', async () => {
      const { children } = await me('parent2.a1');
      expect(children.map((child) => child.id)).to.deep.equal([core.world.people['eleve.psms']]);
    });

    it('ignores a family link that is not a legal representation', async () => {
      const ctx = core.preau.ctx;
      await ctx.knex('family_links').insert({
        parent_id: core.world.people['parent.b1'],
        child_id: core.world.people['eleve.psms'],
        legal_representative: false,
      });
      try {
        const { children } = await me('parent.b1');
        expect(children.map((child) => child.id)).to.deep.equal([core.world.people['eleve.b1']]);
      } finally {
        await ctx
          .knex('family_links')
          .where({
            parent_id: core.world.people['parent.b1'],
            child_id: core.world.people['eleve.psms'],
          })
          .delete();
      }
    });

    it('gives a parent the classes of their children in the current école', async () => {
      const { classes } = await me('parent.a1');
      expect(classes.map((classe) => classe.id).sort()).to.deep.equal(
        [core.world.classes.cm1a, core.world.classes.ce1].sort(),
      );
    });

    it('lists the directeur’s two memberships, DIR and ENS', async () => {
      const { memberships, current } = await me('directeur.a1');
      expect(memberships).to.deep.equal([
        {
          ecole: { id: core.world.ecoles.a1, uai: makeUai('0350101'), name: 'École A1' },
          profile: 'DIR',
          profileLabel: 'Directeur',
          classe: null,
        },
        {
          ecole: { id: core.world.ecoles.a1, uai: makeUai('0350101'), name: 'École A1' },
          profile: 'ENS',
          profileLabel: 'Enseignant',
          classe: { id: core.world.classes.psms, name: 'PS-MS', levels: ['PS', 'MS'] },
        },
      ]);
      expect(current).to.deep.equal({
        ecole: {
          id: core.world.ecoles.a1,
          uai: makeUai('0350101'),
          name: 'École A1',
          collectiviteId: core.world.collectivites.a,
        },
        profile: 'DIR',
        profileLabel: 'Directeur',
      });
    });

    it('gives a pupil their class and no children', async () => {
      const { classes, children } = await me('eleve.cm1a');
      expect(classes).to.deep.equal([
        {
          id: core.world.classes.cm1a,
          ecoleId: core.world.ecoles.a1,
          name: 'CM1 A',
          levels: ['CM1'],
          schoolYear: '2026-2027',
        },
      ]);
      expect(children).to.deep.equal([]);
    });

    it('tells a collectivité administrator which collectivité they administer', async () => {
      const { administrations, current, memberships } = await me('admin.a');
      expect(administrations).to.deep.equal({
        platform: false,
        collectivites: [{ id: core.world.collectivites.a, name: 'Commune A' }],
      });
      expect(current.ecole).to.equal(null);
      expect(memberships).to.deep.equal([]);
    });

    it('tells a platform administrator so', async () => {
      const { administrations } = await me('admin.plateforme');
      expect(administrations).to.deep.equal({ platform: true, collectivites: [] });
    });

    it('tells a teacher they administer nothing', async () => {
      const { administrations } = await me('enseignant.cm1a');
      expect(administrations).to.deep.equal({ platform: false, collectivites: [] });
    });
  });

  describe(`POST /api/me/context (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const currentOf = async (client: Awaited<ReturnType<TestCore['as']>>) =>
      body<WhoAmI>(await client.get('/api/me')).current;

    it('switches the directeur to their teacher profile', async () => {
      const directeur = await core.as('directeur.a1');
      const response = await directeur.post('/api/me/context', {
        ecoleId: core.world.ecoles.a1,
        profile: 'ENS',
      });
      expect(response.statusCode).to.equal(200);
      expect(body<WhoAmI>(response).current.profile).to.equal('ENS');
      expect((await currentOf(directeur)).profile).to.equal('ENS');
    });

    it('switches the IEN to their other école', async () => {
      const ien = await core.as('ien.a');
      const response = await ien.post('/api/me/context', {
        ecoleId: core.world.ecoles.a2,
        profile: 'ACA',
      });
      expect(response.statusCode).to.equal(200);
      expect((await currentOf(ien)).ecole?.id).to.equal(core.world.ecoles.a2);
    });

    it('refuses an école where I hold nothing with 404, leaving the session as it was', async () => {
      const teacher = await core.as('enseignant.cm1a');
      const before = await currentOf(teacher);
      const response = await teacher.post('/api/me/context', {
        ecoleId: core.world.ecoles.b1,
        profile: 'ENS',
      });
      expect(response.statusCode).to.equal(404);
      expect(body(response).message).to.contain('aucun rôle dans cette école');
      expect(await currentOf(teacher)).to.deep.equal(before);
    });

    it('refuses a profile I do not hold in my école with 400 naming those I hold', async () => {
      const parent = await core.as('parent.a1');
      const before = await currentOf(parent);
      const response = await parent.post('/api/me/context', {
        ecoleId: core.world.ecoles.a1,
        profile: 'ENS',
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.equal(
        'Vous n’avez pas le profil Enseignant à École A1 : choisissez parmi Parent.',
      );
      expect(await currentOf(parent)).to.deep.equal(before);
    });

    it('refuses an école that does not exist with 404', async () => {
      const parent = await core.as('parent.a1');
      const response = await parent.post('/api/me/context', { ecoleId: 999999, profile: 'TUT' });
      expect(response.statusCode).to.equal(404);
    });

    it('refuses an unknown profile code, listing the valid ones', async () => {
      const parent = await core.as('parent.a1');
      const response = await parent.post('/api/me/context', {
        ecoleId: core.world.ecoles.a1,
        profile: 'ADMIN',
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain('profile : doit valoir l’une de ces valeurs');
    });

    it('refuses a body without école, naming the field', async () => {
      const parent = await core.as('parent.a1');
      const response = await parent.post('/api/me/context', { profile: 'TUT' });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain('ecoleId : ce champ est obligatoire');
    });
  });
}
