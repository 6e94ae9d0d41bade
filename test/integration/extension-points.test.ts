import { fileURLToPath } from 'node:url';

import { expect } from 'chai';
import { startTestCore, testEngines, type TestCore } from '@preau/core/testing';

/*
 * Extension points (ADR 0015): `ctx.search` and `ctx.notifications` of an école reach the one
 * provider enabled there — the first-party recherche and notifications, or a vendor's plugin
 * declaring `provides` — and a second provider for the same école is refused.
 */

const repository = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../integration/fixtures/plugins/${name}`, import.meta.url));

const PLUGINS = [
  `${repository}plugins/recherche`,
  `${repository}plugins/notifications`,
  fixture('moteur-vendeur'),
  fixture('alertes-vendeur'),
  fixture('affiches-essai'),
  fixture('fournisseur-vide'),
  fixture('fournisseur-bancal'),
];

for (const engine of testEngines()) {
  describe(`Extension points: one provider of search and notifications per école (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine, plugins: PLUGINS });
    });
    after(() => core?.close());
    beforeEach(async () => {
      const { knex } = core.preau.ctx;
      await knex('plugin_enablements').delete();
      for (const table of ['moteur_vendeur_documents', 'alertes_vendeur_alertes']) {
        await knex(table).delete();
      }
      core.preau.services.plugins.enablement.invalidate();
    });

    const ecolePath = (ecoleId: number, pluginId: string) =>
      `/api/admin/ecoles/${ecoleId}/plugins/${pluginId}`;
    const enable = async (ecole: 'a1' | 'a2' | 'b1', ...pluginIds: string[]) => {
      const admin = await core.as(ecole === 'b1' ? 'admin.b' : 'admin.a');
      for (const pluginId of pluginIds) {
        const response = await admin.put(ecolePath(core.world.ecoles[ecole], pluginId));
        expect(response.statusCode, response.payload).to.equal(200);
      }
    };
    const publish = async (login: string, id: string, title: string) => {
      const teacher = await core.as(login);
      const response = await teacher.post('/api/plugins/affiches-essai/affiches', { id, title });
      expect(response.statusCode, response.payload).to.equal(200);
    };
    const vendorDocuments = (ecole: 'a1' | 'a2' | 'b1') =>
      core.preau.ctx
        .knex('moteur_vendeur_documents')
        .where({ ecole_id: core.world.ecoles[ecole] })
        .select('plugin_id', 'provider', 'doc_id', 'title');
    const rechercheTitles = async (login: string, q: string) => {
      const response = await (await core.as(login)).get(`/api/plugins/recherche/?q=${q}`);
      expect(response.statusCode, response.payload).to.equal(200);
      const body = JSON.parse(response.payload) as {
        groups: Array<{ results: Array<{ title: string }> }>;
      };
      return body.groups.flatMap((group) => group.results.map((result) => result.title));
    };
    const vendorAlerts = (ecole: 'a1' | 'a2' | 'b1') =>
      core.preau.ctx
        .knex('alertes_vendeur_alertes')
        .where({ ecole_id: core.world.ecoles[ecole] })
        .select('plugin_id', 'type', 'title');
    const notificationsItems = (ecole: 'a1' | 'a2' | 'b1') =>
      core.preau.ctx
        .knex('notifications_items')
        .where({ ecole_id: core.world.ecoles[ecole] })
        .pluck('title');
    const enabledIn = (ecole: 'a1' | 'a2' | 'b1') =>
      core.preau.ctx
        .knex('plugin_enablements')
        .where({ ecole_id: core.world.ecoles[ecole] })
        .orderBy('plugin_id')
        .pluck('plugin_id');
    const message = (response: { payload: string }) =>
      (JSON.parse(response.payload) as { message: string }).message;

    describe('ctx.search', () => {
      it('reaches the vendor’s engine, not recherche, in an école where the vendor is enabled', async () => {
        await enable('a1', 'moteur-vendeur', 'affiches-essai');
        await enable('a2', 'recherche', 'affiches-essai');
        await publish('enseignant.cm1a', 'kermesse', 'Kermesse de juin');
        expect(await vendorDocuments('a1')).to.deep.equal([
          {
            plugin_id: 'affiches-essai',
            provider: 'affiches',
            doc_id: 'kermesse',
            title: 'Kermesse de juin',
          },
        ]);
        const rows = await core.preau.ctx
          .knex('recherche_documents')
          .where({ ecole_id: core.world.ecoles.a1 })
          .count({ n: '*' })
          .first();
        expect(Number(rows?.n)).to.equal(0);
      });

      it('reaches recherche in another école where recherche is enabled', async () => {
        await enable('a1', 'moteur-vendeur', 'affiches-essai');
        await enable('a2', 'recherche', 'affiches-essai');
        await publish('enseignant.a2', 'chorale', 'Chorale de printemps');
        expect(await rechercheTitles('enseignant.a2', 'chorale')).to.deep.equal([
          'Chorale de printemps',
        ]);
        expect(await vendorDocuments('a2')).to.deep.equal([]);
      });

      it('goes nowhere, and the plugin still works, where no search provider is enabled', async () => {
        await enable('a1', 'moteur-vendeur');
        await enable('b1', 'affiches-essai');
        await publish('enseignant.b1', 'piscine', 'Sortie piscine');
        expect(await vendorDocuments('b1')).to.deep.equal([]);
        const rows = await core.preau.ctx.knex('moteur_vendeur_documents').count({ n: '*' });
        expect(Number(rows[0]?.n)).to.equal(0);
        const recherche = await core.preau.ctx
          .knex('recherche_documents')
          .where({ ecole_id: core.world.ecoles.b1 })
          .count({ n: '*' });
        expect(Number(recherche[0]?.n)).to.equal(0);
      });
    });

    describe('ctx.notifications', () => {
      it('reaches the vendor’s service, not notifications, where the vendor is enabled', async () => {
        await enable('a1', 'alertes-vendeur', 'affiches-essai');
        await enable('a2', 'notifications', 'affiches-essai');
        await publish('enseignant.cm1a', 'kermesse', 'Kermesse de juin');
        expect(await vendorAlerts('a1')).to.deep.equal([
          { plugin_id: 'affiches-essai', type: 'affiche-publiee', title: 'Kermesse de juin' },
        ]);
        expect(await notificationsItems('a1')).to.deep.equal([]);
      });

      it('reaches notifications in another école where notifications is enabled', async () => {
        await enable('a1', 'alertes-vendeur', 'affiches-essai');
        await enable('a2', 'notifications', 'affiches-essai');
        await publish('enseignant.a2', 'chorale', 'Chorale de printemps');
        expect(await notificationsItems('a2')).to.include('Chorale de printemps');
        expect(await vendorAlerts('a2')).to.deep.equal([]);
      });

      it('goes nowhere where no notifications provider is enabled', async () => {
        await enable('b1', 'affiches-essai');
        await publish('enseignant.b1', 'piscine', 'Sortie piscine');
        expect(await vendorAlerts('b1')).to.deep.equal([]);
        expect(await notificationsItems('b1')).to.deep.equal([]);
      });
    });

    describe('enablement', () => {
      it('refuses a second search provider for an école with 409, naming the first, and changes nothing', async () => {
        await enable('a1', 'moteur-vendeur');
        const admin = await core.as('admin.a');
        const response = await admin.put(ecolePath(core.world.ecoles.a1, 'recherche'));
        expect(response.statusCode).to.equal(409);
        expect(message(response)).to.equal(
          'Le plugin « Moteur Vendeur » (moteur-vendeur) fournit déjà la recherche pour ' +
            'École A1 : désactivez-le d’abord pour y activer « Recherche » (recherche) ' +
            '(un seul fournisseur par école).',
        );
        expect(await enabledIn('a1')).to.deep.equal(['moteur-vendeur']);
      });

      it('refuses a second notifications provider the other way round too', async () => {
        await enable('a1', 'notifications');
        const admin = await core.as('admin.a');
        const response = await admin.put(ecolePath(core.world.ecoles.a1, 'alertes-vendeur'));
        expect(response.statusCode).to.equal(409);
        expect(message(response)).to.contain('« Notifications » (notifications)');
        expect(message(response)).to.contain('les notifications pour École A1');
        expect(await enabledIn('a1')).to.deep.equal(['notifications']);
      });

      it('lets one provider of each point, and the other provider once the first is disabled', async () => {
        const admin = await core.as('admin.a');
        await enable('a1', 'moteur-vendeur', 'notifications');
        expect(
          (await admin.delete(ecolePath(core.world.ecoles.a1, 'moteur-vendeur'))).statusCode,
        ).to.equal(200);
        await enable('a1', 'recherche');
        expect(await enabledIn('a1')).to.deep.equal(['notifications', 'recherche']);
      });

      it('refuses a whole collectivité, naming the école that has another provider, and enables none', async () => {
        await enable('a2', 'moteur-vendeur');
        const admin = await core.as('admin.a');
        const response = await admin.put(
          `/api/admin/collectivites/${core.world.collectivites.a}/plugins/recherche`,
          { enabled: true },
        );
        expect(response.statusCode).to.equal(409);
        expect(message(response)).to.contain('« Moteur Vendeur » (moteur-vendeur)');
        expect(message(response)).to.contain('pour École A2 :');
        expect(await enabledIn('a1')).to.deep.equal([]);
        expect(await enabledIn('a2')).to.deep.equal(['moteur-vendeur']);
        // Positive control: the same request for a collectivité without the vendor succeeds.
        const adminB = await core.as('admin.b');
        const other = await adminB.put(
          `/api/admin/collectivites/${core.world.collectivites.b}/plugins/recherche`,
          { enabled: true },
        );
        expect(other.statusCode, other.payload).to.equal(200);
        expect(await enabledIn('b1')).to.deep.equal(['recherche']);
      });
    });

    describe('start', () => {
      const reasonOf = (pluginId: string) =>
        core.preau.services.plugins.installed().find((plugin) => plugin.id === pluginId);

      it('refuses a plugin that declares provides but provides no service', () => {
        expect(reasonOf('fournisseur-vide')).to.deep.include({
          status: 'refused',
          reason:
            'son manifeste déclare fournir « search » (provides) mais son register() ' +
            'n’appelle pas ctx.provide()',
        });
      });

      it('refuses a provider whose service lacks a method of its extension point', () => {
        expect(reasonOf('fournisseur-bancal')?.status).to.equal('refused');
        expect(reasonOf('fournisseur-bancal')?.reason).to.contain(
          'le service qu’il fournit pour « notifications » n’a pas de méthode notify()',
        );
      });

      it('starts the providers that give what their point needs', () => {
        for (const id of ['recherche', 'notifications', 'moteur-vendeur', 'alertes-vendeur']) {
          expect(reasonOf(id)?.status, id).to.equal('started');
        }
      });
    });
  });
}
