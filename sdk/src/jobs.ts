/**
 * A plugin's recurring job (`ctx.jobs.every`). Core runs it about every `everyMs`, on one Préau
 * process at a time (a lease in the database), with the time it is run for; a job that throws is
 * logged and tried again at its next turn. Jobs must be idempotent: catching up after a stop
 * runs them once, not once per missed turn. The first turn comes one interval after the job is
 * first registered; in tests, move the clock and call `test.runJobs()`.
 *
 * @example
 * ```ts
 * ctx.jobs.every({ id: 'digests', everyMs: 60_000 }, async (now) => digests.sendDue(now));
 * ```
 */
export interface JobDefinition {
  /** Kebab-case, unique within the plugin. */
  id: string;
  /** Interval between runs, at least 1,000 ms. */
  everyMs: number;
}

/**
 * Recurring work (`ctx.jobs`), registered during `register()`.
 *
 * @example
 * ```ts
 * ctx.jobs.every({ id: 'purge', everyMs: 3_600_000 }, async (now) => store.purgeBefore(now - YEAR));
 * ```
 */
export interface PluginJobs {
  every(job: JobDefinition, run: (now: number) => Promise<void>): void;
}
