import { expect } from 'chai';

import { testEngines, type TestCore } from '../../src/testing/index.js';
import { body, layoutKeys, startDashboardCore, W } from './setup.js';

for (const engine of testEngines()) {
  describe(`Tableau de bord : dispositions par défaut des écoles (${engine})`, () => {
    let core: TestCore;
    let a1: number;
    let a2: number;
    const url = (ecoleId: number, profile: string) =>
      `/api/admin/ecoles/${ecoleId}/dashboard-defaults/${profile}`;
    before(async () => {
      core = await startDashboardCore(engine);
      ({ a1, a2 } = core.world.ecoles);
    });
    after(() => core?.close());

    describe('when the école set none', () => {
      it('shows the default computed from the widgets, and what the profile may have', async () => {
        const response = await (await core.as('admin.a')).get(url(a1, 'ELV'));
        expect(response.statusCode).to.equal(200);
        const defaults = body(response);
        expect(defaults).to.deep.include({
          ecoleId: a1,
          profile: 'ELV',
          custom: false,
          widgets: [{ widget: W.resume, w: 2, h: 1 }],
          mandatory: [],
        });
        const available = (defaults.available as Array<{ widget: string }>).map((w) => w.widget);
        expect(available).to.deep.equal([W.resume, W.panne, W.lent, W.grand]);
      });
    });

    describe('mandatory widgets', () => {
      const defaults = {
        widgets: [
          { widget: W.grand, w: 2, h: 2 },
          { widget: W.resume, w: 1, h: 1 },
        ],
        mandatory: [W.resume],
      };
      beforeEach(async () => {
        // A pupil who arranged their dashboard before the école made `resume` mandatory.
        const pupil = await core.as('eleve2.cm1a');
        await pupil.put('/api/dashboard/layout', { widgets: [{ widget: W.lent, w: 1, h: 1 }] });
        const response = await (await core.as('admin.a')).put(url(a1, 'ELV'), defaults);
        expect(response.statusCode).to.equal(200);
      });
      afterEach(async () => {
        await (await core.as('admin.a')).delete(url(a1, 'ELV'));
      });

      it('make up the layout of the profile’s people who kept the default', async () => {
        const response = await (await core.as('eleve.cm1a')).get('/api/dashboard');
        const layout = body(response).layout as Array<Record<string, unknown>>;
        expect(
          layout.map(({ widget, w, h, mandatory }) => ({ widget, w, h, mandatory })),
        ).to.deep.equal([
          { widget: W.grand, w: 2, h: 2, mandatory: false },
          { widget: W.resume, w: 1, h: 1, mandatory: true },
        ]);
      });

      it('are added to the layout of people who had arranged theirs', async () => {
        const response = await (await core.as('eleve2.cm1a')).get('/api/dashboard');
        expect(layoutKeys(response)).to.deep.equal([W.lent, W.resume]);
      });

      it('cannot be removed: 400 naming the widget, and nothing written', async () => {
        const pupil = await core.as('eleve.ce1');
        const response = await pupil.put('/api/dashboard/layout', {
          widgets: [{ widget: W.grand, w: 2, h: 2 }],
        });
        expect(response.statusCode).to.equal(400);
        expect(body(response).message).to.contain('« Résumé »').and.to.contain('obligatoire');
        expect(body(await pupil.get('/api/dashboard')).personalised).to.equal(false);
      });

      it('may be moved and resized', async () => {
        const pupil = await core.as('eleve.psms');
        const response = await pupil.put('/api/dashboard/layout', {
          widgets: [{ widget: W.resume, w: 2, h: 2 }],
        });
        expect(response.statusCode).to.equal(200);
        expect(body(response).layout).to.have.nested.property('[0].mandatory', true);
      });
    });

    describe('who may set them', () => {
      const defaults = { widgets: [{ widget: W.grand, w: 2, h: 2 }], mandatory: [] };

      it('the école’s directeur, and it is audited', async () => {
        const response = await (await core.as('directeur.a1')).put(url(a1, 'COL'), defaults);
        expect(response.statusCode).to.equal(200);
        expect(body(response)).to.deep.include({ custom: true, widgets: defaults.widgets });
        const entry = await core.preau.ctx
          .knex('audit_log')
          .where({ action: 'dashboard.defaults-changed', ecole_id: a1 })
          .orderBy('id', 'desc')
          .first();
        expect(entry).to.include({
          actor_id: core.world.people['directeur.a1'],
          collectivite_id: core.world.collectivites.a,
        });
        const atsem = await (await core.as('atsem.a1')).get('/api/dashboard');
        expect(layoutKeys(atsem)).to.deep.equal([W.grand]);
      });

      it('not the directeur of another école (404)', async () => {
        const response = await (await core.as('directeur.a1')).put(url(a2, 'COL'), defaults);
        expect(response.statusCode).to.equal(404);
      });

      it('not the administrator of another collectivité (404), who changes nothing', async () => {
        const admin = await core.as('admin.b');
        expect((await admin.get(url(a1, 'DOC'))).statusCode).to.equal(404);
        expect((await admin.put(url(a1, 'DOC'), defaults)).statusCode).to.equal(404);
        const check = await (await core.as('admin.a')).get(url(a1, 'DOC'));
        expect(body(check).custom).to.equal(false);
      });

      it('not a parent (404)', async () => {
        const response = await (await core.as('parent.a1')).get(url(a1, 'TUT'));
        expect(response.statusCode).to.equal(404);
      });
    });

    describe('are checked like a person’s layout', () => {
      async function refused(ecoleId: number, profile: string, payload: object): Promise<string> {
        const admin = await core.as('admin.a');
        const response = await admin.put(url(ecoleId, profile), payload);
        expect(response.statusCode).to.equal(400);
        expect(body(await admin.get(url(ecoleId, profile))).custom).to.equal(false);
        return String(body(response).message);
      }

      it('refuses a mandatory widget that is not in the layout', async () => {
        const message = await refused(a1, 'ENS', {
          widgets: [{ widget: W.resume, w: 1, h: 1 }],
          mandatory: [W.grand],
        });
        expect(message).to.contain(W.grand);
      });

      it('refuses a widget the profile may not have', async () => {
        const message = await refused(a1, 'ELV', {
          widgets: [{ widget: W.classe, w: 1, h: 1 }],
          mandatory: [],
        });
        expect(message).to.contain(W.classe);
      });

      it('refuses a widget of a plugin the école has not enabled', async () => {
        const message = await refused(a1, 'ENS', {
          widgets: [{ widget: W.secret, w: 1, h: 1 }],
          mandatory: [],
        });
        expect(message).to.contain(W.secret);
      });

      it('refuses a size beyond the widget’s limits, naming it', async () => {
        const message = await refused(a1, 'ENS', {
          widgets: [{ widget: W.classe, w: 3, h: 1 }],
          mandatory: [],
        });
        expect(message).to.contain('« Ma classe »');
      });

      it('accepts a widget of a plugin enabled for that école', async () => {
        const admin = await core.as('admin.a');
        const payload = { widgets: [{ widget: W.secret, w: 2, h: 2 }], mandatory: [W.secret] };
        const response = await admin.put(url(a2, 'ENS'), payload);
        expect(response.statusCode).to.equal(200);
        const teacher = await (await core.as('enseignant.a2')).get('/api/dashboard');
        expect(body(teacher).layout).to.have.nested.property('[0].mandatory', true);
        await admin.delete(url(a2, 'ENS'));
      });

      it('refuses an unknown profile', async () => {
        const response = await (await core.as('admin.a')).get(url(a1, 'XYZ'));
        expect(response.statusCode).to.equal(400);
      });
    });

    describe('going back to the computed default', () => {
      it('drops the école’s default', async () => {
        const admin = await core.as('admin.a');
        await admin.put(url(a1, 'PRT'), {
          widgets: [{ widget: W.grand, w: 2, h: 2 }],
          mandatory: [],
        });
        const response = await admin.delete(url(a1, 'PRT'));
        expect(response.statusCode).to.equal(200);
        expect(body(response)).to.deep.include({ custom: false, widgets: [] });
        const partner = await (await core.as('partenaire.a1')).get('/api/dashboard');
        expect(layoutKeys(partner)).to.deep.equal([]);
      });
    });
  });
}
