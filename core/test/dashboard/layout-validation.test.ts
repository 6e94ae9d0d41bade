import { expect } from 'chai';

import { testEngines, type TestClient, type TestCore } from '../../src/testing/index.js';
import { body, layoutKeys, startDashboardCore, W } from './setup.js';

for (const engine of testEngines()) {
  describe(`Tableau de bord : dispositions refusées (${engine})`, () => {
    let core: TestCore;
    let teacher: TestClient;
    const saved = [
      { widget: W.classe, w: 1, h: 1 },
      { widget: W.resume, w: 2, h: 1 },
    ];
    before(async () => {
      core = await startDashboardCore(engine);
      teacher = await core.as('enseignant.cm1a');
      const response = await teacher.put('/api/dashboard/layout', { widgets: saved });
      expect(response.statusCode).to.equal(200);
    });
    after(() => core?.close());

    /** PUTs a layout, expects a 400, checks the saved layout did not change; returns the message. */
    async function refused(widgets: unknown[]): Promise<string> {
      const response = await teacher.put('/api/dashboard/layout', { widgets });
      expect(response.statusCode).to.equal(400);
      const after = await teacher.get('/api/dashboard');
      expect(layoutKeys(after)).to.deep.equal(saved.map((placement) => placement.widget));
      return String(body(response).message);
    }

    it('refuses a widget wider than its maximum, naming it, and writes nothing', async () => {
      const message = await refused([{ widget: W.resume, w: 3, h: 1 }]);
      expect(message).to.contain('« Résumé »').and.to.contain(W.resume).and.to.contain('largeur');
    });

    it('refuses a widget taller than its maximum, naming it', async () => {
      const message = await refused([{ widget: W.grand, w: 2, h: 4 }]);
      expect(message).to.contain('« Grand format »').and.to.contain('hauteur');
    });

    it('refuses a widget smaller than its minimum, naming it', async () => {
      const message = await refused([{ widget: W.grand, w: 1, h: 2 }]);
      expect(message).to.contain(W.grand).and.to.contain('2 à 4 cases');
    });

    it('refuses an unknown widget, naming it', async () => {
      const message = await refused([{ widget: 'dashboard-alpha/inconnu', w: 1, h: 1 }]);
      expect(message).to.contain('dashboard-alpha/inconnu');
    });

    it('refuses a widget placed twice, naming it', async () => {
      const message = await refused([
        { widget: W.resume, w: 1, h: 1 },
        { widget: W.resume, w: 2, h: 1 },
      ]);
      expect(message).to.contain(W.resume).and.to.contain('deux fois');
    });

    it('names every faulty widget at once', async () => {
      const message = await refused([
        { widget: W.resume, w: 3, h: 1 },
        { widget: W.grand, w: 1, h: 1 },
      ]);
      expect(message).to.contain(W.resume).and.to.contain(W.grand);
    });

    it('refuses a size outside the grid before looking at the widgets', async () => {
      const message = await refused([{ widget: W.resume, w: 0, h: 1 }]);
      expect(message).to.contain('widgets.0.w');
    });

    it('refuses a widget whose permission my profile lacks', async () => {
      const pupil = await core.as('eleve.cm1a');
      const response = await pupil.put('/api/dashboard/layout', {
        widgets: [{ widget: W.classe, w: 1, h: 1 }],
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain(W.classe);
      expect(body(await pupil.get('/api/dashboard')).personalised).to.equal(false);
    });
  });
}
