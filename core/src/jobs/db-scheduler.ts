import type { JobDefinition } from '@preau/sdk';
import type { Knex } from 'knex';
import type { Logger } from 'pino';

import type { Clock } from '../clock.js';
import type { JobRun, JobScheduler } from './scheduler.js';

export interface DbJobSchedulerOptions {
  knex: Knex;
  log: Logger;
  clock: Clock;
  /** How often the timer looks for due jobs (15 s by default). */
  pollMs?: number;
  /**
   * How long a claimed run keeps other processes away (15 min by default). A process that dies
   * mid-run frees its jobs when the lease ends; a run longer than this may overlap another.
   */
  leaseMs?: number;
}

interface RegisteredJob {
  owner: string;
  id: string;
  everyMs: number;
  run: JobRun;
  /** When it was registered: its first turn comes one interval later. */
  registeredAt: number;
}

/** Kebab-case, like plugin ids. */
const JOB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 64;
const MIN_INTERVAL_MS = 1000;
/** The longest last error kept in the table: enough to act on, never a log file. */
const MAX_ERROR_LENGTH = 2000;

/**
 * Recurring jobs whose turns live in the database (`scheduled_jobs`), so that several Préau
 * processes share them: a process claims a due run with one atomic UPDATE that also sets a lease,
 * and only the process whose UPDATE changed the row runs it. After a run, the next turn is one
 * interval after the time it ran for: a process that was stopped for a day runs each job once,
 * not once per missed turn. A job that throws is logged, its error kept in `last_error`, and it
 * is tried again at its next turn; no job's failure stops another or the process.
 *
 * @example
 * ```ts
 * const jobs = new DbJobScheduler({ knex, log, clock });
 * jobs.register('core', { id: 'purge', everyMs: 3_600_000 }, async (now) => purge(now));
 * jobs.start(); // in listen(); tests call `await jobs.runDue()` instead
 * ```
 */
export class DbJobScheduler implements JobScheduler {
  private readonly jobs = new Map<string, RegisteredJob>();
  /** Jobs whose row is known to exist. */
  private readonly seeded = new Set<string>();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private pass: Promise<void> | undefined;

  constructor(private readonly options: DbJobSchedulerOptions) {
    this.pollMs = options.pollMs ?? 15_000;
    this.leaseMs = options.leaseMs ?? 15 * 60_000;
  }

  register(owner: string, job: JobDefinition, run: JobRun): void {
    this.check(owner, job, run);
    this.jobs.set(`${owner}/${job.id}`, {
      owner,
      id: job.id,
      everyMs: job.everyMs,
      run,
      registeredAt: this.options.clock.now(),
    });
  }

  check(owner: string, job: JobDefinition, run: JobRun): void {
    const label = `${owner}/${String(job?.id)}`;
    if (this.started) {
      throw new Error(`La tâche ${label} arrive après le démarrage : déclarez-la dans register()`);
    }
    if (typeof job?.id !== 'string' || !JOB_ID.test(job.id) || job.id.length > MAX_ID_LENGTH) {
      throw new Error(
        `ctx.jobs.every() : l’identifiant de tâche « ${String(job?.id)} » doit être en ` +
          `kebab-case (minuscules, chiffres et tirets, ${MAX_ID_LENGTH} caractères au plus)`,
      );
    }
    if (!Number.isInteger(job.everyMs) || job.everyMs < MIN_INTERVAL_MS) {
      throw new Error(
        `ctx.jobs.every() : l’intervalle de la tâche ${label} (everyMs) doit être un nombre ` +
          `entier de millisecondes, au moins ${MIN_INTERVAL_MS}`,
      );
    }
    if (typeof run !== 'function') {
      throw new Error(`ctx.jobs.every() : la tâche ${label} n’a pas de fonction à exécuter`);
    }
    if (this.jobs.has(label)) {
      throw new Error(`ctx.jobs.every() : la tâche ${label} est déjà déclarée`);
    }
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.timer = setInterval(() => {
      // A pass still running (a long digest) is not doubled: the next tick will look again.
      if (!this.pass) void this.runDue();
    }, this.pollMs);
    // The timer alone must not keep the process alive (the CLI exits when the server stops).
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    while (this.pass) await this.pass;
  }

  async runDue(): Promise<void> {
    // One pass at a time in this process; the lease guards against the others.
    while (this.pass) await this.pass;
    const pass = this.runPass();
    this.pass = pass;
    try {
      await pass;
    } finally {
      if (this.pass === pass) this.pass = undefined;
    }
  }

  private async runPass(): Promise<void> {
    const now = this.options.clock.now();
    const jobs = [...this.jobs.values()];
    // Jobs run side by side: a slow one does not hold the others back.
    await Promise.all(jobs.map((job) => this.runIfDue(job, now)));
  }

  private async runIfDue(job: RegisteredJob, now: number): Promise<void> {
    const label = `${job.owner}/${job.id}`;
    try {
      await this.seed(job, label);
      const leaseUntil = now + this.leaseMs;
      if (!(await this.claim(job, now, leaseUntil))) return;
      let failure: unknown;
      try {
        await job.run(now);
      } catch (error) {
        failure = error;
        this.options.log.error(
          { err: error, job: label },
          'Une tâche planifiée a échoué ; elle sera retentée à son prochain tour',
        );
      }
      await this.options
        .knex('scheduled_jobs')
        .where({ owner: job.owner, job_id: job.id, lease_until: leaseUntil })
        .update({
          next_run_at: now + job.everyMs,
          lease_until: null,
          last_error: failure === undefined ? null : describe(failure),
        });
    } catch (error) {
      // The database itself failed (stopping, unreachable): the next pass tries again.
      this.options.log.error({ err: error, job: label }, 'Planification de tâche impossible');
    }
  }

  /** Creates the job's row the first time it is seen; another process may have done it. */
  private async seed(job: RegisteredJob, label: string): Promise<void> {
    if (this.seeded.has(label)) return;
    await this.options
      .knex('scheduled_jobs')
      .insert({
        owner: job.owner,
        job_id: job.id,
        next_run_at: job.registeredAt + job.everyMs,
        lease_until: null,
        last_error: null,
      })
      .onConflict(['owner', 'job_id'])
      .ignore();
    this.seeded.add(label);
  }

  /**
   * Takes the run for this process if it is due and nobody holds it: one UPDATE, so that of two
   * processes claiming at once exactly one changes the row. A turn further away than one
   * interval (the clock was set back, the interval was shortened) counts as due as well.
   */
  private async claim(job: RegisteredJob, now: number, leaseUntil: number): Promise<boolean> {
    const changed = await this.options
      .knex('scheduled_jobs')
      .where({ owner: job.owner, job_id: job.id })
      .andWhere((due) => {
        due.where('next_run_at', '<=', now).orWhere('next_run_at', '>', now + job.everyMs);
      })
      .andWhere((free) => {
        free.whereNull('lease_until').orWhere('lease_until', '<', now);
      })
      .update({ lease_until: leaseUntil });
    return changed === 1;
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
