import { expect } from 'chai';

import type { EventName } from '../../src/events/bus.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { tempPlugins, type TempPlugins } from '../web/temp-plugins.js';
import { clearTrace, trace, tracedPlugin } from './traced-plugins.js';

/** What « emetteur » provides: its own ctx.events.publish. */
interface Emetteur {
  publish(name: string, payload: object): Promise<void>;
}

const CORE_EVENTS: EventName[] = [
  'plugin.enabled',
  'plugin.disabled',
  'session.opened',
  'session.closed',
  'directory.changed',
];

for (const engine of testEngines()) {
  describe(`A plugin's events (${engine})`, () => {
    let temp: TempPlugins;
    let core: TestCore;
    let emetteur: Emetteur;
    before(async () => {
      temp = await tempPlugins();
      const roots = [
        await tracedPlugin(temp, 'emetteur', 'none'),
        // Every traced plugin hears directory.changed and session.closed already.
        await tracedPlugin(temp, 'ecouteur', 'none', [
          'emetteur.signal',
          'plugin.enabled',
          'plugin.disabled',
          'session.opened',
        ]),
      ];
      core = await startTestCore({ engine, plugins: roots });
      emetteur = core.preau.services.plugins.get('emetteur')?.service as Emetteur;
      expect(emetteur, 'le plugin emetteur doit être démarré').to.be.an('object');
    });
    beforeEach(() => clearTrace());
    after(async () => {
      await core?.close();
      await temp?.remove();
    });

    /** Runs `act` while core itself listens to `names`; resolves with what core heard. */
    const coreHears = async (names: readonly EventName[], act: () => Promise<void>) => {
      const heard: string[] = [];
      const stops = names.map((name) =>
        core.preau.ctx.bus.subscribe(name, () => void heard.push(name)),
      );
      try {
        await act();
      } finally {
        for (const stop of stops) stop();
      }
      return heard;
    };

    it('refuses, in French, to let a plugin publish any of core’s events, and nobody hears it', async () => {
      const heard = await coreHears(CORE_EVENTS, async () => {
        for (const name of CORE_EVENTS) {
          expect(() => emetteur.publish(name, { pluginId: 'emetteur', ecoleId: 1 }), name).to.throw(
            `ctx.events.publish() : « emetteur » ne publie que ses propres événements, dont le nom ` +
              `commence par « emetteur. » (reçu « ${name} »)`,
          );
        }
      });
      expect(heard).to.deep.equal([]);
      expect(trace()).to.deep.equal([]);
    });

    it('refuses another plugin’s event and names that only look like its own', async () => {
      for (const name of ['ecouteur.pret', 'emetteur', 'emetteur.', 'emetteurs.signal']) {
        expect(() => emetteur.publish(name, {}), name).to.throw(/ne publie que ses propres/);
      }
      expect(trace()).to.deep.equal([]);
    });

    it('delivers a plugin’s own event to the other plugins and to core (positive control)', async () => {
      const heard = await coreHears(['emetteur.signal' as EventName], () =>
        emetteur.publish('emetteur.signal', {}),
      );
      expect(heard).to.deep.equal(['emetteur.signal']);
      expect(trace()).to.deep.equal(['ecouteur:emetteur.signal']);
    });

    it('lets every plugin hear the events core publishes', async () => {
      await core.preau.ctx.bus.publish('session.closed', { personId: 1 });
      expect(trace()).to.have.members(['emetteur:session.closed', 'ecouteur:session.closed']);
    });
  });
}
