import { expect } from 'chai';

import { makeUai } from '../../src/directory/uai.js';
import { defaultCommunicationRules } from '../../src/rights/communication-defaults.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { body, countRows } from '../identity/http-helpers.js';

for (const engine of testEngines()) {
  describe(`Administration of collectivités and écoles (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const ecolesUrl = (collectivite: 'a' | 'b') =>
      `/api/admin/collectivites/${core.world.collectivites[collectivite]}/ecoles`;

    /** Runs `act`, then checks that the école, rule and audit tables are as they were. */
    const expectNothingWritten = async (act: () => Promise<unknown>) => {
      const tables = ['ecoles', 'classes', 'communication_rules', 'audit_log'];
      const before = await Promise.all(tables.map((table) => countRows(core, table)));
      await act();
      const after = await Promise.all(tables.map((table) => countRows(core, table)));
      expect(after).to.deep.equal(before);
    };

    describe('listing', () => {
      it('shows a collectivité administrator only their collectivité', async () => {
        const response = await (await core.as('admin.a')).get('/api/admin/collectivites');
        expect(response.statusCode).to.equal(200);
        expect(body<unknown[]>(response)).to.deep.equal([
          { id: core.world.collectivites.a, name: 'Commune A', slug: 'commune-a' },
        ]);
      });

      it('shows a platform administrator every collectivité', async () => {
        const response = await (await core.as('admin.plateforme')).get('/api/admin/collectivites');
        expect(body<Array<{ id: number }>>(response).map((c) => c.id)).to.deep.equal([
          core.world.collectivites.a,
          core.world.collectivites.b,
        ]);
      });

      it('answers 404 to someone who administers nothing', async () => {
        const response = await (await core.as('directeur.a1')).get('/api/admin/collectivites');
        expect(response.statusCode).to.equal(404);
      });

      it('lists the écoles of my collectivité', async () => {
        const response = await (await core.as('admin.a')).get(ecolesUrl('a'));
        expect(response.statusCode).to.equal(200);
        const ecoles = body<Array<{ id: number; uai: string; collectiviteId: number }>>(response);
        expect(ecoles.map((e) => e.id)).to.include.members([
          core.world.ecoles.a1,
          core.world.ecoles.a2,
        ]);
        expect(ecoles.every((e) => e.collectiviteId === core.world.collectivites.a)).to.equal(true);
      });

      it('answers 404 to the administrator of A asking for B’s écoles', async () => {
        const response = await (await core.as('admin.a')).get(ecolesUrl('b'));
        expect(response.statusCode).to.equal(404);
        expect(response.payload).not.to.contain('École B1');
      });

      it('answers 404 to a platform administrator for a collectivité that does not exist', async () => {
        const response = await (
          await core.as('admin.plateforme')
        ).get('/api/admin/collectivites/999999/ecoles');
        expect(response.statusCode).to.equal(404);
      });

      it('answers 404 to a teacher', async () => {
        const response = await (await core.as('enseignant.cm1a')).get(ecolesUrl('a'));
        expect(response.statusCode).to.equal(404);
      });
    });

    describe('creating an école', () => {
      it('creates it with 201 and the default communication rules', async () => {
        const uai = makeUai('0350777');
        const response = await (
          await core.as('admin.a')
        ).post(ecolesUrl('a'), {
          uai,
          name: 'École du Moulin',
          commune: 'Rennes',
        });
        expect(response.statusCode).to.equal(201);
        const ecole = body<{ id: number }>(response);
        expect(ecole).to.deep.include({
          uai,
          name: 'École du Moulin',
          collectiviteId: core.world.collectivites.a,
          commune: 'Rennes',
          circonscription: null,
        });
        expect(await countRows(core, 'communication_rules', { ecole_id: ecole.id })).to.equal(
          defaultCommunicationRules().length,
        );
      });

      it('audits the creation with the administrator and the UAI', async () => {
        const uai = makeUai('0350778');
        await (await core.as('admin.a')).post(ecolesUrl('a'), { uai, name: 'École des Prés' });
        const row = await core.preau.ctx
          .knex('audit_log')
          .where({ action: 'ecole.created', target: uai })
          .first();
        expect(Number(row.actor_id)).to.equal(core.world.people['admin.a']);
        expect(Number(row.collectivite_id)).to.equal(core.world.collectivites.a);
      });

      it('accepts a lowercase check letter and stores it uppercase', async () => {
        const uai = makeUai('0350779');
        const response = await (
          await core.as('admin.a')
        ).post(ecolesUrl('a'), {
          uai: uai.toLowerCase(),
          name: 'École des Lilas',
        });
        expect(response.statusCode).to.equal(201);
        expect(body(response).uai).to.equal(uai);
      });

      it('answers 404 to the administrator of A creating in B, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(ecolesUrl('b'), {
            uai: makeUai('0290999'),
            name: 'Intruse',
          });
          expect(response.statusCode).to.equal(404);
        });
      });

      it('answers 404 to a directeur, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('directeur.a1')
          ).post(ecolesUrl('a'), {
            uai: makeUai('0350990'),
            name: 'Intruse',
          });
          expect(response.statusCode).to.equal(404);
        });
      });

      it('refuses a malformed UAI with 400 saying what a UAI is, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(ecolesUrl('a'), {
            uai: '035-101',
            name: 'Mal formée',
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.equal(
            `UAI invalide : 7 chiffres et une lettre de contrôle (ex. ${makeUai('0350101')}).`,
          );
        });
      });

      it('refuses a wrong check letter with 400 naming the expected one, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(ecolesUrl('a'), {
            uai: '0350555A',
            name: 'Mauvaise lettre',
          });
          expect(response.statusCode).to.equal(400);
          const expected = makeUai('0350555');
          expect(body(response).message).to.equal(
            `UAI invalide : la lettre de contrôle de 0350555 est ${expected.slice(7)}, ` +
              `pas A (UAI attendu : ${expected}).`,
          );
        });
      });

      it('refuses a UAI already used, even in another collectivité, with 409', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(ecolesUrl('a'), {
            uai: makeUai('0290201'),
            name: 'Doublon',
          });
          expect(response.statusCode).to.equal(409);
          expect(body(response).message).to.equal(
            `Une école porte déjà l’UAI ${makeUai('0290201')}.`,
          );
        });
      });

      it('refuses a body without name, naming the field, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(ecolesUrl('a'), {
            uai: makeUai('0350801'),
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.contain('name : ce champ est obligatoire');
        });
      });

      it('refuses an unexpected field, naming it, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(ecolesUrl('a'), {
            uai: makeUai('0350802'),
            name: 'Trop de champs',
            siren: '123456789',
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.contain('siren : ce champ n’est pas attendu');
        });
      });

      it('refuses a field of the wrong type, naming it, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(ecolesUrl('a'), {
            uai: makeUai('0350803'),
            name: 42,
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.match(/name : .*string/);
        });
      });

      it('refuses a body that is not JSON, writing nothing', async () => {
        const admin = await core.as('admin.a');
        await expectNothingWritten(async () => {
          const response = await core.inject({
            method: 'POST',
            url: ecolesUrl('a'),
            payload: 'uai=0350804&name=Formulaire',
            headers: {
              cookie: `${core.preau.ctx.config.sessions.cookieName}=${admin.cookie}`,
              'content-type': 'application/json',
            },
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.equal(
            'Le corps de la requête n’est pas du JSON valide.',
          );
        });
      });

      it('refuses a collectivité id that is not a number in the address', async () => {
        const response = await (
          await core.as('admin.a')
        ).get('/api/admin/collectivites/abc/ecoles');
        expect(response.statusCode).to.equal(400);
        expect(body(response).message).to.contain('id');
      });
    });

    describe('creating a classe', () => {
      const classesUrl = () => `/api/admin/ecoles/${core.world.ecoles.a2}/classes`;

      it('creates a multi-level classe with 201', async () => {
        const response = await (
          await core.as('admin.a')
        ).post(classesUrl(), {
          name: 'GS-CP',
          levels: ['GS', 'CP'],
          schoolYear: '2026-2027',
        });
        expect(response.statusCode).to.equal(201);
        expect(body(response)).to.deep.include({
          ecoleId: core.world.ecoles.a2,
          name: 'GS-CP',
          levels: ['GS', 'CP'],
          schoolYear: '2026-2027',
        });
      });

      it('refuses a name already used in the same year with 409, writing nothing', async () => {
        const admin = await core.as('admin.a');
        const payload = { name: 'CE2 B', levels: ['CE2'], schoolYear: '2026-2027' };
        expect((await admin.post(classesUrl(), payload)).statusCode).to.equal(201);
        await expectNothingWritten(async () => {
          const response = await admin.post(classesUrl(), payload);
          expect(response.statusCode).to.equal(409);
          expect(body(response).message).to.equal(
            'L’école a déjà une classe « CE2 B » en 2026-2027.',
          );
        });
      });

      it('accepts the same name in another school year', async () => {
        const admin = await core.as('admin.a');
        const payload = { name: 'CM2', levels: ['CM2'], schoolYear: '2026-2027' };
        expect((await admin.post(classesUrl(), payload)).statusCode).to.equal(201);
        const next = await admin.post(classesUrl(), { ...payload, schoolYear: '2027-2028' });
        expect(next.statusCode).to.equal(201);
      });

      it('refuses levels out of school order, giving the right order', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(classesUrl(), {
            name: 'CE1-CP',
            levels: ['CE1', 'CP'],
            schoolYear: '2026-2027',
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.contain('(CP, CE1)');
        });
      });

      it('refuses more than three levels, naming the field', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(classesUrl(), {
            name: 'Classe unique',
            levels: ['CP', 'CE1', 'CE2', 'CM1'],
            schoolYear: '2026-2027',
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.contain('levels');
        });
      });

      it('refuses an unknown level, naming the valid ones', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(classesUrl(), {
            name: '6e',
            levels: ['6E'],
            schoolYear: '2026-2027',
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.contain('PS, MS, GS, CP, CE1, CE2, CM1, CM2');
        });
      });

      it('refuses a school year whose years do not follow each other', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.a')
          ).post(classesUrl(), {
            name: 'CP bis',
            levels: ['CP'],
            schoolYear: '2026-2028',
          });
          expect(response.statusCode).to.equal(400);
          expect(body(response).message).to.equal(
            'Année scolaire invalide : deux années qui se suivent, par exemple 2026-2027.',
          );
        });
      });

      it('answers 404 to the administrator of B, writing nothing', async () => {
        await expectNothingWritten(async () => {
          const response = await (
            await core.as('admin.b')
          ).post(classesUrl(), {
            name: 'Intruse',
            levels: ['CP'],
            schoolYear: '2026-2027',
          });
          expect(response.statusCode).to.equal(404);
        });
      });

      it('answers 404 for an école that does not exist', async () => {
        const response = await (
          await core.as('admin.plateforme')
        ).post('/api/admin/ecoles/999999/classes', {
          name: 'Fantôme',
          levels: ['CP'],
          schoolYear: '2026-2027',
        });
        expect(response.statusCode).to.equal(404);
      });
    });
  });
}
