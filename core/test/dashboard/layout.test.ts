import { expect } from 'chai';

import { testEngines, type TestCore } from '../../src/testing/index.js';
import { availableKeys, body, layoutKeys, startDashboardCore, W } from './setup.js';

for (const engine of testEngines()) {
  describe(`Tableau de bord : disposition (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startDashboardCore(engine);
    });
    after(() => core?.close());

    describe('by default', () => {
      it('gives a pupil the widgets declared for pupils, at their default size', async () => {
        const response = await (await core.as('eleve.cm1a')).get('/api/dashboard');
        expect(response.statusCode).to.equal(200);
        const dashboard = body(response);
        expect(dashboard).to.deep.include({
          ecole: { id: core.world.ecoles.a1, name: 'École A1' },
          profile: 'ELV',
          personalised: false,
        });
        expect(dashboard.layout).to.deep.equal([
          {
            widget: W.resume,
            pluginId: 'dashboard-alpha',
            pluginVersion: '1.0.0',
            tag: 'dashboard-alpha-resume',
            module: '/plugins/dashboard-alpha/1.0.0/widgets.js',
            title: { fr: 'Résumé', en: 'Summary' },
            description: null,
            sizes: { min: { w: 1, h: 1 }, max: { w: 2, h: 2 }, default: { w: 2, h: 1 } },
            refreshSeconds: 60,
            w: 2,
            h: 1,
            mandatory: false,
          },
        ]);
      });

      it('gives a parent and a teacher the widgets declared for their own profile', async () => {
        const parent = await (await core.as('parent.a1')).get('/api/dashboard');
        const teacher = await (await core.as('enseignant.cm1a')).get('/api/dashboard');
        expect(layoutKeys(parent)).to.deep.equal([W.resume, W.panne, W.lent]);
        expect(layoutKeys(teacher)).to.deep.equal([W.resume, W.classe]);
      });

      it('offers the other widgets I may have, and only those', async () => {
        const response = await (await core.as('eleve.cm1a')).get('/api/dashboard');
        // `classe` needs a permission pupils lack; `secret` is of a plugin A1 has not enabled.
        expect(availableKeys(response)).to.deep.equal([W.panne, W.lent, W.grand]);
      });
    });

    describe('a widget of a plugin not enabled for my école', () => {
      it('is neither on my dashboard nor offered', async () => {
        const response = await (await core.as('enseignant.cm1a')).get('/api/dashboard');
        expect([...layoutKeys(response), ...availableKeys(response)]).not.to.include(W.secret);
      });

      it('is on the dashboard of the école that enabled it', async () => {
        const response = await (await core.as('enseignant.a2')).get('/api/dashboard');
        expect(layoutKeys(response)).to.include(W.secret);
      });

      it('cannot be placed on my dashboard', async () => {
        const client = await core.as('enseignant.cm1a');
        const response = await client.put('/api/dashboard/layout', {
          widgets: [{ widget: W.secret, w: 1, h: 1 }],
        });
        expect(response.statusCode).to.equal(400);
        expect(body(response).message).to.contain(W.secret);
      });

      it('cannot have its data loaded', async () => {
        const client = await core.as('enseignant.cm1a');
        const response = await client.get(`/api/dashboard/data?widgets=${W.secret}`);
        expect(response.statusCode).to.equal(400);
        expect(body(response).message).to.contain(W.secret);
      });
    });

    describe('my own layout', () => {
      it('keeps the widgets I add, in my order and sizes, and says it is mine', async () => {
        const client = await core.as('enseignant.ce1');
        const widgets = [
          { widget: W.grand, w: 4, h: 3 },
          { widget: W.classe, w: 2, h: 2 },
          { widget: W.resume, w: 1, h: 1 },
          { widget: W.panne, w: 1, h: 2 },
        ];
        const saved = await client.put('/api/dashboard/layout', { widgets });
        expect(saved.statusCode).to.equal(200);
        const response = await client.get('/api/dashboard');
        const layout = body(response).layout as Array<Record<string, unknown>>;
        expect(layout.map(({ widget, w, h }) => ({ widget, w, h }))).to.deep.equal(widgets);
        expect(body(response).personalised).to.equal(true);
        expect(availableKeys(response)).to.deep.equal([W.lent]);
      });

      it('forgets a widget I remove', async () => {
        const client = await core.as('eleve.ce1');
        await client.put('/api/dashboard/layout', {
          widgets: [
            { widget: W.resume, w: 2, h: 1 },
            { widget: W.lent, w: 1, h: 1 },
          ],
        });
        await client.put('/api/dashboard/layout', { widgets: [{ widget: W.lent, w: 1, h: 1 }] });
        const response = await client.get('/api/dashboard');
        expect(layoutKeys(response)).to.deep.equal([W.lent]);
        expect(availableKeys(response)).to.include(W.resume);
      });

      it('may be empty', async () => {
        const client = await core.as('eleve.psms');
        const saved = await client.put('/api/dashboard/layout', { widgets: [] });
        expect(saved.statusCode).to.equal(200);
        expect(layoutKeys(await client.get('/api/dashboard'))).to.deep.equal([]);
      });

      it('is answered by the save itself', async () => {
        const client = await core.as('eleve2.cm1a');
        const saved = await client.put('/api/dashboard/layout', {
          widgets: [{ widget: W.grand, w: 3, h: 2 }],
        });
        expect(layoutKeys(saved)).to.deep.equal([W.grand]);
        expect(body(saved).layout).to.have.nested.property('[0].w', 3);
      });

      it('belongs to me alone', async () => {
        const mine = await core.as('parent2.a1');
        await mine.put('/api/dashboard/layout', { widgets: [{ widget: W.grand, w: 2, h: 2 }] });
        const other = await (await core.as('parent.a1')).get('/api/dashboard');
        expect(layoutKeys(other)).to.deep.equal([W.resume, W.panne, W.lent]);
      });

      it('is dropped when I go back to the default', async () => {
        const client = await core.as('atsem.a1');
        await client.put('/api/dashboard/layout', { widgets: [{ widget: W.grand, w: 2, h: 2 }] });
        const reset = await client.delete('/api/dashboard/layout');
        expect(reset.statusCode).to.equal(200);
        expect(body(reset).personalised).to.equal(false);
        const response = await client.get('/api/dashboard');
        expect(body(response).personalised).to.equal(false);
        expect(layoutKeys(response)).to.deep.equal([]);
      });
    });

    describe('without a session', () => {
      it('is refused with 401', async () => {
        const response = await core.anonymous().get('/api/dashboard');
        expect(response.statusCode).to.equal(401);
      });
    });
  });
}
