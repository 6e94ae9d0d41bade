import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { tempPlugins, type TempPlugins } from '../web/temp-plugins.js';
import { clearTrace, trace, tracedPlugin, type Failure } from './traced-plugins.js';

const MINUTE = 60_000;

/** Plugins refused after registering everything, and the reason administrators read. */
const refused: Record<string, { failure: Failure; reason: RegExp }> = {
  'casse-register': {
    failure: 'register-throws',
    reason: /^son register\(\) a échoué \(Panne après avoir tout enregistré\)$/,
  },
  'casse-hooks': {
    failure: 'hooks-missing',
    reason: /^il déclare garder des données personnelles sans fournir les hooks/,
  },
  'casse-schema': { failure: 'schema', reason: /^il n’a pas pu démarrer \(/ },
  'casse-montage': {
    failure: 'route-conflict',
    reason: /^ses routes n’ont pas pu être montées \(.*conflicts/,
  },
};

for (const engine of testEngines()) {
  describe(`All-or-nothing plugin start (${engine})`, () => {
    let temp: TempPlugins;
    let core: TestCore;
    /** What the plugins had heard and done when the start was over. */
    let heardAtStart: string[];
    before(async () => {
      clearTrace();
      temp = await tempPlugins();
      const roots = [await tracedPlugin(temp, 'complet', 'none')];
      for (const [id, { failure }] of Object.entries(refused)) {
        roots.push(await tracedPlugin(temp, id, failure));
      }
      core = await startTestCore({ engine, plugins: roots });
      heardAtStart = [...trace()];
      const admin = await core.as('admin.a');
      const enabled = await admin.put(`/api/admin/ecoles/${core.world.ecoles.a1}/plugins/complet`);
      expect(enabled.statusCode, enabled.payload).to.equal(200);
      // As if an earlier start had accepted them and the école had enabled them then.
      await core.preau.ctx.knex('plugin_enablements').insert(
        Object.keys(refused).map((id) => ({
          plugin_id: id,
          ecole_id: core.world.ecoles.a1,
          enabled_at: core.clock.now(),
          enabled_by: null,
        })),
      );
      core.preau.services.plugins.enablement.invalidate();
    });
    beforeEach(() => clearTrace());
    after(async () => {
      await core?.close();
      await temp?.remove();
    });

    const teacher = () => core.as('enseignant.cm1a');
    const myPlugins = async () => {
      const response = await (await teacher()).get('/api/plugins');
      expect(response.statusCode).to.equal(200);
      return (
        JSON.parse(response.payload) as {
          plugins: Array<{ id: string; widgets: Array<{ id: string }>; headerItems: unknown[] }>;
        }
      ).plugins;
    };
    const runJobsAfterAMinute = async () => {
      core.clock.advance(MINUTE);
      await core.runJobs();
    };
    const publishCoreEvents = async () => {
      await core.preau.ctx.bus.publish('directory.changed', { personIds: null });
      await core.preau.ctx.bus.publish('session.closed', { personId: 1 });
    };

    it('starts the plugin without failure and refuses the others, saying why', () => {
      const installed = core.preau.services.plugins.installed();
      expect(installed.find((p) => p.id === 'complet')).to.include({ status: 'started' });
      for (const [id, { reason }] of Object.entries(refused)) {
        const plugin = installed.find((p) => p.id === id);
        expect(plugin, id).to.include({ status: 'refused' });
        expect(plugin?.reason, id).to.match(reason);
      }
    });

    describe('the accepted plugin (positive control)', () => {
      it('answers on its routes, session and public', async () => {
        const response = await (await teacher()).get('/api/plugins/complet/bonjour');
        expect(response.statusCode).to.equal(200);
        expect(JSON.parse(response.payload)).to.deep.equal({ id: 'complet' });
        const open = await core.anonymous().get('/api/plugins/complet/salut/ami');
        expect(open.statusCode).to.equal(200);
      });

      it('shows its widget, with data, and its header item', async () => {
        const mine = (await myPlugins()).find((p) => p.id === 'complet');
        expect(mine?.widgets.map((w) => w.id)).to.deep.equal(['resume']);
        expect(mine?.headerItems).to.have.length(1);
        const data = await (await teacher()).get('/api/plugins/complet/widgets/resume/data');
        expect(data.statusCode).to.equal(200);
      });

      it('provides its service', () => {
        expect(core.preau.services.plugins.get('complet')?.service).to.include({ id: 'complet' });
      });

      it('runs its job when its turn comes', async () => {
        await runJobsAfterAMinute();
        expect(trace()).to.include('complet:tâche');
      });

      it('hears the events core publishes', async () => {
        await publishCoreEvents();
        expect(trace()).to.include.members(['complet:directory.changed', 'complet:session.closed']);
      });

      it('heard nothing while its register() ran, then hears its own events', async () => {
        // Each plugin published <id>.pret in register(), to which it had just subscribed.
        expect(heardAtStart).to.deep.equal([]);
        const service = core.preau.services.plugins.get('complet')?.service as {
          publish(name: string, payload: object): Promise<void>;
        };
        await service.publish('complet.pret', {});
        expect(trace()).to.deep.equal(['complet:complet.pret']);
      });
    });

    for (const id of Object.keys(refused)) {
      describe(`a plugin refused after registering everything: ${id}`, () => {
        it('leaves no job that runs, and no row for it', async () => {
          await runJobsAfterAMinute();
          expect(trace().filter((line) => line.startsWith(`${id}:`))).to.deep.equal([]);
          expect(await core.preau.ctx.knex('scheduled_jobs').where({ owner: id })).to.be.empty;
        });

        it('leaves no handler that fires when core publishes', async () => {
          await publishCoreEvents();
          expect(trace()).to.include('complet:directory.changed');
          expect(trace().filter((line) => line.startsWith(`${id}:`))).to.deep.equal([]);
        });

        it('answers 404 on every route it registered, public ones included', async () => {
          const client = await teacher();
          for (const url of [
            `/api/plugins/${id}/bonjour`,
            `/api/plugins/${id}/salut/ami`,
            `/api/plugins/${id}/widgets/resume/data`,
          ]) {
            expect((await client.get(url)).statusCode, url).to.equal(404);
            expect((await core.anonymous().get(url)).statusCode, url).to.be.oneOf([401, 404]);
          }
          const open = await core.anonymous().get(`/api/plugins/${id}/salut/ami`);
          expect(open.statusCode).to.equal(404);
        });

        it('shows no widget and no header item, though the école had enabled it', async () => {
          expect((await myPlugins()).map((p) => p.id)).to.deep.equal(['complet']);
        });

        it('provides no service and cannot be enabled', async () => {
          expect(core.preau.services.plugins.get(id)).to.equal(undefined);
          const admin = await core.as('admin.a');
          const response = await admin.put(
            `/api/admin/ecoles/${core.world.ecoles.a2}/plugins/${id}`,
          );
          expect(response.statusCode).to.equal(404);
        });
      });
    }
  });
}
