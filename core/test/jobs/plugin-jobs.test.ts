import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { COURRIER_PLUGIN, courrier } from '../mail/courrier.js';

const MINUTE = 60_000;

for (const engine of testEngines()) {
  describe(`A plugin's recurring job (${engine})`, () => {
    let core: TestCore;
    let start: number;

    beforeEach(async () => {
      core = await startTestCore({ engine, plugins: [COURRIER_PLUGIN] });
      start = core.clock.now();
    });
    afterEach(() => core?.close());

    it('does not run before its first interval has passed', async () => {
      await core.runJobs();
      core.clock.advance(MINUTE - 1);
      await core.runJobs();

      expect(courrier(core).runs).to.be.empty;
    });

    it('runs when its turn comes, for the time of that turn, then waits for the next', async () => {
      core.clock.advance(MINUTE);
      await core.runJobs();
      await core.runJobs();
      core.clock.advance(MINUTE - 1);
      await core.runJobs();

      expect(courrier(core).runs).to.deep.equal([start + MINUTE]);

      core.clock.advance(1);
      await core.runJobs();
      expect(courrier(core).runs).to.deep.equal([start + MINUTE, start + 2 * MINUTE]);
    });

    it('runs once after a long gap, not once per missed turn', async () => {
      core.clock.advance(3 * 24 * 60 * MINUTE);
      await core.runJobs();
      await core.runJobs();

      expect(courrier(core).runs).to.deep.equal([start + 3 * 24 * 60 * MINUTE]);

      core.clock.advance(MINUTE);
      await core.runJobs();
      expect(courrier(core).runs).to.have.length(2);
    });

    it('keeps its error, then tries again at its next turn', async () => {
      courrier(core).failNext = true;
      core.clock.advance(MINUTE);
      await core.runJobs();

      const failed = await core.preau.ctx
        .knex('scheduled_jobs')
        .where({ owner: 'courrier-essai', job_id: 'compteur' })
        .first('last_error', 'lease_until', 'next_run_at');
      expect(failed.last_error).to.equal('Panne simulée du compteur');
      expect(failed.lease_until).to.equal(null);
      expect(Number(failed.next_run_at)).to.equal(start + 2 * MINUTE);

      core.clock.advance(MINUTE);
      await core.runJobs();
      const recovered = await core.preau.ctx
        .knex('scheduled_jobs')
        .where({ owner: 'courrier-essai', job_id: 'compteur' })
        .first('last_error');
      expect(courrier(core).runs).to.have.length(2);
      expect(recovered.last_error).to.equal(null);
    });

    it('runs after the clock was set back by more than an interval', async () => {
      core.clock.advance(MINUTE);
      await core.runJobs();
      core.clock.set(start - 24 * 60 * MINUTE);
      await core.runJobs();

      expect(courrier(core).runs).to.deep.equal([start + MINUTE, start - 24 * 60 * MINUTE]);
    });
  });
}
