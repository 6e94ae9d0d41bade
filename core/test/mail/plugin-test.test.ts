import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';
import { expect } from 'chai';

import { COURRIER_PLUGIN } from './courrier.js';

for (const engine of testEngines()) {
  describe(`PluginTest.mails and PluginTest.runJobs (${engine})`, () => {
    let test: PluginTest;

    before(async () => {
      test = await startPluginTest({ plugin: COURRIER_PLUGIN, engine });
    });
    after(() => test?.close());

    it('records the e-mails core sent, with the address it chose', async () => {
      const teacher = await test.actAs('ENS');
      const response = await teacher.post('/lettres', {
        toPersonId: test.world.people['parent2.a1'],
        subject: 'Sortie au musée',
        text: 'Pensez au pique-nique.',
      });

      expect(response.body).to.deep.equal({ sent: true });
      expect(test.mails).to.have.length(1);
      expect(test.mails[0]).to.deep.include({
        to: 'parent2.a1@example.test',
        from: 'Préau <ne-pas-repondre@localhost>',
        subject: 'Sortie au musée',
        text: 'Pensez au pique-nique.',
      });
    });

    it('does not record a refused e-mail', async () => {
      const before = test.mails.length;
      const teacher = await test.actAs('ENS');
      const response = await teacher.post('/lettres', {
        toPersonId: test.world.people['eleve2.cm1a'],
        subject: 'Sortie au musée',
        text: 'Pensez au pique-nique.',
      });

      expect(response.body).to.deep.equal({ sent: false, reason: 'pupil' });
      expect(test.mails).to.have.length(before);
    });

    it('runs the plugin’s job when the test clock reaches its turn', async () => {
      const teacher = await test.actAs('ENS');
      const start = test.clock.now();
      await test.runJobs();
      expect((await teacher.get('/compteur')).body).to.deep.equal({ runs: [] });

      test.clock.advance(60_000);
      await test.runJobs();

      expect((await teacher.get('/compteur')).body).to.deep.equal({ runs: [start + 60_000] });
    });
  });
}
