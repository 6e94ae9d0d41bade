import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { fixturePlugin } from './fixtures.js';

for (const engine of testEngines()) {
  describe(`Plugin enablement (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({
        engine,
        plugins: [fixturePlugin('carnet-suivi'), fixturePlugin('carnet-essai')],
      });
    });
    after(() => core?.close());
    // Each test starts with no plugin enabled anywhere and no settings.
    beforeEach(async () => {
      const { knex } = core.preau.ctx;
      await knex('plugin_enablements').delete();
      await knex('plugin_settings').delete();
      await knex('carnet_essai_journal').delete();
      core.preau.services.plugins.enablement.invalidate();
    });

    const enabledRows = (pluginId = 'carnet-essai') =>
      core.preau.ctx
        .knex('plugin_enablements')
        .where({ plugin_id: pluginId })
        .orderBy('ecole_id')
        .pluck('ecole_id')
        .then((ids) => ids.map(Number));
    const message = (response: { payload: string }) =>
      (JSON.parse(response.payload) as { message: string }).message;
    const ecolePath = (ecoleId: number, pluginId = 'carnet-essai') =>
      `/api/admin/ecoles/${ecoleId}/plugins/${pluginId}`;

    it('lets the collectivité’s administrator enable a plugin for one of its écoles', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.put(ecolePath(core.world.ecoles.a1));
      expect(response.statusCode).to.equal(200);
      expect(JSON.parse(response.payload)).to.deep.equal({
        pluginId: 'carnet-essai',
        enabled: true,
        ecoles: [core.world.ecoles.a1],
      });
      expect(await enabledRows()).to.deep.equal([core.world.ecoles.a1]);
    });

    it('is idempotent: enabling twice changes nothing the second time', async () => {
      const admin = await core.as('admin.a');
      await admin.put(ecolePath(core.world.ecoles.a1));
      const again = await admin.put(ecolePath(core.world.ecoles.a1));
      expect(again.statusCode).to.equal(200);
      expect(JSON.parse(again.payload).ecoles).to.deep.equal([]);
      expect(await enabledRows()).to.deep.equal([core.world.ecoles.a1]);
    });

    it('answers 404 to another collectivité’s administrator and writes nothing', async () => {
      const adminB = await core.as('admin.b');
      const response = await adminB.put(ecolePath(core.world.ecoles.a1));
      expect(response.statusCode).to.equal(404);
      expect(await enabledRows()).to.deep.equal([]);
      const audit = await core.preau.ctx.knex('audit_log').where({ action: 'plugin.enabled' });
      expect(audit.filter((row) => Number(row.actor_id) === core.world.people['admin.b'])).to.be
        .empty;
    });

    it('answers 404 to a directeur, who administers no collectivité', async () => {
      const directeur = await core.as('directeur.a1');
      expect((await directeur.put(ecolePath(core.world.ecoles.a1))).statusCode).to.equal(404);
    });

    it('answers 404 for a plugin that is not started', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.put(ecolePath(core.world.ecoles.a1, 'api-future'));
      expect(response.statusCode).to.equal(404);
      expect(message(response)).to.contain('api-future');
    });

    it('calls onEnable and onDisable for the école, and audits both', async () => {
      const admin = await core.as('admin.a');
      const { a1 } = core.world.ecoles;
      await admin.put(ecolePath(a1));
      await admin.delete(ecolePath(a1));
      const journal = await core.preau.ctx
        .knex('carnet_essai_journal')
        .orderBy('id')
        .select('ecole_id', 'evenement');
      expect(journal.map((row) => [Number(row.ecole_id), row.evenement])).to.deep.equal([
        [a1, 'active'],
        [a1, 'desactive'],
      ]);
      const audit = await core.preau.ctx
        .knex('audit_log')
        .whereIn('action', ['plugin.enabled', 'plugin.disabled'])
        .where({ ecole_id: a1, actor_id: core.world.people['admin.a'] })
        .orderBy('id')
        .pluck('action');
      expect(audit.slice(-2)).to.deep.equal(['plugin.enabled', 'plugin.disabled']);
    });

    it('announces plugin.enabled and plugin.disabled on the event bus', async () => {
      const heard: string[] = [];
      const bus = core.preau.ctx.bus;
      const stops = [
        bus.subscribe('plugin.enabled', (e) => void heard.push(`on ${e.pluginId} ${e.ecoleId}`)),
        bus.subscribe('plugin.disabled', (e) => void heard.push(`off ${e.pluginId} ${e.ecoleId}`)),
      ];
      try {
        const admin = await core.as('admin.a');
        await admin.put(ecolePath(core.world.ecoles.a2));
        await admin.delete(ecolePath(core.world.ecoles.a2));
      } finally {
        for (const stop of stops) stop();
      }
      const a2 = core.world.ecoles.a2;
      expect(heard).to.deep.equal([`on carnet-essai ${a2}`, `off carnet-essai ${a2}`]);
    });

    it('takes effect at once for the école’s users, both ways', async () => {
      const admin = await core.as('admin.a');
      const teacher = await core.as('enseignant.cm1a');
      const url = '/api/plugins/carnet-essai/notes';
      expect((await teacher.get(url)).statusCode).to.equal(404);
      await admin.put(ecolePath(core.world.ecoles.a1));
      expect((await teacher.get(url)).statusCode).to.equal(200);
      await admin.delete(ecolePath(core.world.ecoles.a1));
      expect((await teacher.get(url)).statusCode).to.equal(404);
    });

    it('refuses to enable a plugin before its required dependency there, naming it', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.put(ecolePath(core.world.ecoles.a1, 'carnet-suivi'));
      expect(response.statusCode).to.equal(409);
      expect(message(response)).to.contain('« Carnet d’essai » (carnet-essai)');
      expect(await enabledRows('carnet-suivi')).to.deep.equal([]);
    });

    it('refuses to disable a plugin another enabled plugin there depends on, naming it', async () => {
      const admin = await core.as('admin.a');
      const { a1 } = core.world.ecoles;
      await admin.put(ecolePath(a1));
      expect((await admin.put(ecolePath(a1, 'carnet-suivi'))).statusCode).to.equal(200);
      const response = await admin.delete(ecolePath(a1));
      expect(response.statusCode).to.equal(409);
      expect(message(response)).to.contain('« Suivi du carnet » (carnet-suivi)');
      expect(await enabledRows()).to.deep.equal([a1]);
    });

    it('gives a dependent plugin the service of its dependency', async () => {
      const admin = await core.as('admin.a');
      await admin.put(ecolePath(core.world.ecoles.a1));
      await admin.put(ecolePath(core.world.ecoles.a1, 'carnet-suivi'));
      const teacher = await core.as('enseignant.cm1a');
      await teacher.post('/api/plugins/carnet-essai/notes', { texte: 'Une' });
      const response = await teacher.get('/api/plugins/carnet-suivi/resume');
      expect(response.statusCode).to.equal(200);
      expect(JSON.parse(response.payload).notes).to.be.a('number').greaterThan(0);
    });

    it('lists each started plugin with whether the école has it enabled', async () => {
      const admin = await core.as('admin.a');
      await admin.put(ecolePath(core.world.ecoles.a1));
      const response = await admin.get(`/api/admin/ecoles/${core.world.ecoles.a1}/plugins`);
      const body = JSON.parse(response.payload) as {
        plugins: Array<{ id: string; enabled: boolean }>;
      };
      expect(body.plugins.map((p) => [p.id, p.enabled])).to.deep.equal([
        ['carnet-essai', true],
        ['carnet-suivi', false],
      ]);
    });

    describe('for a whole collectivité', () => {
      const collectivitePath = (id: number) =>
        `/api/admin/collectivites/${id}/plugins/carnet-essai`;

      it('enables the plugin for every école of the collectivité and no other', async () => {
        const admin = await core.as('admin.a');
        const response = await admin.put(collectivitePath(core.world.collectivites.a), {
          enabled: true,
        });
        expect(response.statusCode).to.equal(200);
        const { a1, a2 } = core.world.ecoles;
        expect(await enabledRows()).to.deep.equal([a1, a2]);
      });

      it('disables it everywhere in the collectivité at once', async () => {
        const admin = await core.as('admin.a');
        await admin.put(collectivitePath(core.world.collectivites.a), { enabled: true });
        await admin.put(collectivitePath(core.world.collectivites.a), { enabled: false });
        expect(await enabledRows()).to.deep.equal([]);
      });

      it('enables it nowhere when one école refuses: all or nothing', async () => {
        const admin = await core.as('admin.a');
        const { a1, a2 } = core.world.ecoles;
        const settings = await admin.put(`${ecolePath(a2)}/settings`, { refuserActivation: true });
        expect(settings.statusCode).to.equal(200);
        const response = await admin.put(collectivitePath(core.world.collectivites.a), {
          enabled: true,
        });
        expect(response.statusCode).to.equal(409);
        expect(message(response)).to.contain('École A2');
        expect(await enabledRows()).to.deep.equal([]);
        // École A1's onEnable ran before A2's refused: it was undone by onDisable.
        const journal = await core.preau.ctx
          .knex('carnet_essai_journal')
          .where({ ecole_id: a1 })
          .orderBy('id')
          .pluck('evenement');
        expect(journal).to.deep.equal(['active', 'desactive']);
      });

      it('answers 404 to another collectivité’s administrator and writes nothing', async () => {
        const adminB = await core.as('admin.b');
        const response = await adminB.put(collectivitePath(core.world.collectivites.a), {
          enabled: true,
        });
        expect(response.statusCode).to.equal(404);
        expect(await enabledRows()).to.deep.equal([]);
      });

      it('rejects a body without `enabled`, naming it', async () => {
        const admin = await core.as('admin.a');
        const response = await admin.put(collectivitePath(core.world.collectivites.a), {});
        expect(response.statusCode).to.equal(400);
        expect(message(response)).to.contain('enabled');
      });
    });

    describe('GET /api/plugins', () => {
      type Listed = {
        ecoleId: number;
        plugins: Array<{
          id: string;
          navigation: Array<{ id: string }>;
          widgets: Array<{ id: string }>;
        }>;
      };
      const list = async (login: string) =>
        JSON.parse((await (await core.as(login)).get('/api/plugins')).payload) as Listed;

      it('lists the plugins of my école and nothing of the others', async () => {
        const admin = await core.as('admin.plateforme');
        await admin.put(ecolePath(core.world.ecoles.b1));
        expect((await list('enseignant.b1')).plugins.map((p) => p.id)).to.deep.equal([
          'carnet-essai',
        ]);
        expect((await list('enseignant.cm1a')).plugins).to.deep.equal([]);
      });

      it('shows only the menu entries and widgets my profile may use', async () => {
        const admin = await core.as('admin.a');
        await admin.put(ecolePath(core.world.ecoles.a1));
        const pupil = (await list('eleve.cm1a')).plugins[0];
        expect(pupil?.navigation.map((n) => n.id)).to.deep.equal(['notes']);
        expect(pupil?.widgets.map((w) => w.id)).to.deep.equal(['dernieres-notes']);
        const teacher = (await list('enseignant.cm1a')).plugins[0];
        expect(teacher?.navigation.map((n) => n.id)).to.deep.equal(['notes', 'ecrire']);
      });

      it('requires a session', async () => {
        expect((await core.anonymous().get('/api/plugins')).statusCode).to.equal(401);
      });
    });
  });
}
