import { expect } from 'chai';

import { ManualClock } from '../../src/clock.js';
import { DbJobScheduler } from '../../src/jobs/db-scheduler.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { capturedLogger } from './log-capture.js';

const EVERY = 10_000;

/** A promise and the function that settles it: to hold a job in the middle of its run. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

for (const engine of testEngines()) {
  describe(`DbJobScheduler (${engine})`, () => {
    let core: TestCore;
    let clock: ManualClock;

    beforeEach(async () => {
      core = await startTestCore({ engine, fixtures: false });
      // A clock of its own: the core's jobs play no part here.
      clock = new ManualClock(core.clock.now());
    });
    afterEach(() => core?.close());

    const scheduler = (log = capturedLogger().log, leaseMs?: number) =>
      new DbJobScheduler({
        knex: core.preau.ctx.knex,
        log,
        clock,
        ...(leaseMs ? { leaseMs } : {}),
      });

    it('logs a failing job and still runs the others, then retries it next turn', async () => {
      const { log, lines } = capturedLogger();
      const jobs = scheduler(log);
      const ran: string[] = [];
      let failures = 1;
      jobs.register('essai', { id: 'fragile', everyMs: EVERY }, async () => {
        ran.push('fragile');
        if (failures-- > 0) throw new Error('Serveur de fichiers injoignable');
      });
      jobs.register('essai', { id: 'solide', everyMs: EVERY }, async () => {
        ran.push('solide');
      });

      clock.advance(EVERY);
      await jobs.runDue();

      expect(ran).to.have.members(['fragile', 'solide']);
      const errors = lines.filter((line) => line.level === 50);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.deep.include({ job: 'essai/fragile' });
      expect((errors[0]?.err as { message: string }).message).to.equal(
        'Serveur de fichiers injoignable',
      );

      clock.advance(EVERY);
      await jobs.runDue();
      expect(ran.filter((name) => name === 'fragile')).to.have.length(2);
      expect(lines.filter((line) => line.level === 50)).to.have.length(1);
    });

    it('never runs a job in two schedulers at once on one database', async () => {
      const first = scheduler();
      const second = scheduler();
      const held = gate();
      const started = gate();
      const runs: string[] = [];
      first.register('essai', { id: 'long', everyMs: EVERY }, async () => {
        runs.push('first');
        started.open();
        await held.opened;
      });
      second.register('essai', { id: 'long', everyMs: EVERY }, async () => {
        runs.push('second');
      });

      clock.advance(EVERY);
      const firstPass = first.runDue();
      await started.opened;
      await second.runDue();
      expect(runs).to.deep.equal(['first']);

      held.open();
      await firstPass;
      await second.runDue();
      expect(runs, 'the run is done: the next turn is one interval later').to.deep.equal(['first']);

      clock.advance(EVERY);
      await second.runDue();
      expect(runs).to.deep.equal(['first', 'second']);
    });

    it('lets exactly one of two schedulers claiming at the same moment run the job', async () => {
      const runs: string[] = [];
      const schedulers = ['a', 'b', 'c'].map((name) => {
        const jobs = scheduler();
        jobs.register('essai', { id: 'unique', everyMs: EVERY }, async () => {
          runs.push(name);
        });
        return jobs;
      });

      clock.advance(EVERY);
      await Promise.all(schedulers.map((jobs) => jobs.runDue()));

      expect(runs).to.have.length(1);
    });

    it('lets another process take over a job whose runner died, once the lease is over', async () => {
      const lease = 60_000;
      const dead = scheduler(undefined, lease);
      const alive = scheduler(undefined, lease);
      const runs: string[] = [];
      const never = gate();
      const started = gate();
      dead.register('essai', { id: 'orphelin', everyMs: EVERY }, async () => {
        runs.push('dead');
        started.open();
        await never.opened;
      });
      alive.register('essai', { id: 'orphelin', everyMs: EVERY }, async () => {
        runs.push('alive');
      });

      clock.advance(EVERY);
      const stuck = dead.runDue();
      await started.opened;
      clock.advance(lease);
      await alive.runDue();
      expect(runs).to.deep.equal(['dead']);

      clock.advance(1);
      await alive.runDue();
      expect(runs).to.deep.equal(['dead', 'alive']);

      // The dead runner wakes up late: its stale lease no longer lets it write the row.
      never.open();
      await stuck;
      const row = await core.preau.ctx
        .knex('scheduled_jobs')
        .where({ owner: 'essai', job_id: 'orphelin' })
        .first('next_run_at');
      expect(Number(row.next_run_at)).to.equal(clock.now() + EVERY);
    });

    it('waits for a running pass when stopped', async () => {
      const jobs = scheduler();
      const held = gate();
      let finished = false;
      jobs.register('essai', { id: 'lente', everyMs: EVERY }, async () => {
        await held.opened;
        finished = true;
      });
      clock.advance(EVERY);
      const pass = jobs.runDue();
      const stopping = jobs.stop();
      held.open();
      await stopping;

      expect(finished).to.equal(true);
      await pass;
    });

    it('refuses an id that is not kebab-case, an interval under a second and a duplicate', () => {
      const jobs = scheduler();
      const run = async () => undefined;
      expect(() =>
        jobs.register('essai', { id: 'Resume_Quotidien', everyMs: EVERY }, run),
      ).to.throw('kebab-case');
      expect(() => jobs.register('essai', { id: 'rapide', everyMs: 999 }, run)).to.throw(
        'au moins 1000',
      );
      jobs.register('essai', { id: 'resume', everyMs: EVERY }, run);
      expect(() => jobs.register('essai', { id: 'resume', everyMs: EVERY }, run)).to.throw(
        'essai/resume est déjà déclarée',
      );
      jobs.register('autre', { id: 'resume', everyMs: EVERY }, run);
    });

    it('refuses a job registered after start', async () => {
      const jobs = scheduler();
      jobs.start();
      try {
        expect(() =>
          jobs.register('essai', { id: 'tardive', everyMs: EVERY }, async () => undefined),
        ).to.throw('après le démarrage');
      } finally {
        await jobs.stop();
      }
    });
  });
}
