import { expect } from 'chai';

import { SECRET_MASK } from '../../src/plugins/settings.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { fixturePlugin } from './fixtures.js';

for (const engine of testEngines()) {
  describe(`Plugin settings (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine, plugins: [fixturePlugin('carnet-essai')] });
      const admin = await core.as('admin.a');
      await admin.put(`/api/admin/ecoles/${core.world.ecoles.a1}/plugins/carnet-essai`);
    });
    after(() => core?.close());
    beforeEach(() => core.preau.ctx.knex('plugin_settings').delete());

    const path = () => `/api/admin/ecoles/${core.world.ecoles.a1}/plugins/carnet-essai/settings`;
    const platformPath = '/api/admin/plugins/carnet-essai/settings';
    const message = (response: { payload: string }) =>
      (JSON.parse(response.payload) as { message: string }).message;
    /** What the plugin itself reads with ctx.settings.forEcole, through its own route. */
    const seenByPlugin = async () => {
      const teacher = await core.as('enseignant.cm1a');
      return JSON.parse((await teacher.get('/api/plugins/carnet-essai/reglages')).payload) as {
        titre: string;
        cleApiPresente: boolean;
      };
    };
    const storedRow = () =>
      core.preau.ctx
        .knex('plugin_settings')
        .where({ plugin_id: 'carnet-essai', ecole_id: core.world.ecoles.a1 })
        .first();

    it('gives the plugin the defaults of its settings schema when nothing is set', async () => {
      expect(await seenByPlugin()).to.deep.equal({ titre: 'Carnet', cleApiPresente: false });
    });

    it('stores valid settings for an école, which the plugin then reads', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.put(path(), { titre: 'Carnet du CM1' });
      expect(response.statusCode).to.equal(200);
      expect((await seenByPlugin()).titre).to.equal('Carnet du CM1');
    });

    it('rejects a value outside the schema with a 400 naming the field, and stores nothing', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.put(path(), { titre: 'x'.repeat(41) });
      expect(response.statusCode).to.equal(400);
      expect(message(response)).to.match(/^Réglages invalides : titre : /);
      expect(await storedRow()).to.equal(undefined);
    });

    it('rejects a setting the schema does not know, naming it', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.put(path(), { couleur: 'rouge' });
      expect(response.statusCode).to.equal(400);
      expect(message(response)).to.contain('couleur');
    });

    it('never sends a secret back, only a mask', async () => {
      const admin = await core.as('admin.a');
      const put = await admin.put(path(), { cleApi: 'clef-tres-secrete' });
      expect(put.payload).not.to.contain('clef-tres-secrete');
      const response = await admin.get(path());
      expect(response.payload).not.to.contain('clef-tres-secrete');
      const body = JSON.parse(response.payload) as { settings: Record<string, unknown> };
      expect(body.settings.cleApi).to.equal(SECRET_MASK);
      expect((await seenByPlugin()).cleApiPresente).to.equal(true);
    });

    it('keeps the stored secret when the mask is sent back with other changes', async () => {
      const admin = await core.as('admin.a');
      await admin.put(path(), { cleApi: 'clef-tres-secrete', titre: 'Avant' });
      const response = await admin.put(path(), { cleApi: SECRET_MASK, titre: 'Après' });
      expect(response.statusCode).to.equal(200);
      const row = await storedRow();
      expect(JSON.parse(String(row.settings))).to.deep.equal({
        cleApi: 'clef-tres-secrete',
        titre: 'Après',
      });
    });

    it('overlays the école’s settings on the platform’s', async () => {
      const platform = await core.as('admin.plateforme');
      expect((await platform.put(platformPath, { titre: 'Carnet national' })).statusCode).to.equal(
        200,
      );
      expect((await seenByPlugin()).titre).to.equal('Carnet national');
      const admin = await core.as('admin.a');
      await admin.put(path(), { titre: 'Carnet local' });
      expect((await seenByPlugin()).titre).to.equal('Carnet local');
      const body = JSON.parse((await admin.get(path())).payload) as {
        platform: Record<string, unknown>;
        effective: Record<string, unknown>;
      };
      expect(body.platform).to.deep.equal({ titre: 'Carnet national' });
      expect(body.effective.titre).to.equal('Carnet local');
    });

    it('answers 404 to another collectivité’s administrator', async () => {
      const adminB = await core.as('admin.b');
      expect((await adminB.get(path())).statusCode).to.equal(404);
      expect((await adminB.put(path(), { titre: 'Intrus' })).statusCode).to.equal(404);
      expect(await storedRow()).to.equal(undefined);
    });

    it('keeps the platform’s settings to platform administrators', async () => {
      const admin = await core.as('admin.a');
      expect((await admin.put(platformPath, { titre: 'Intrus' })).statusCode).to.equal(404);
    });

    it('audits a change with the fields changed, never their values', async () => {
      const admin = await core.as('admin.a');
      await admin.put(path(), { cleApi: 'clef-tres-secrete' });
      const entry = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'plugin.settings-changed', ecole_id: core.world.ecoles.a1 })
        .orderBy('id', 'desc')
        .first();
      expect(entry.target).to.equal('carnet-essai');
      expect(String(entry.details)).to.contain('cleApi').and.not.contain('clef-tres-secrete');
    });
  });
}
