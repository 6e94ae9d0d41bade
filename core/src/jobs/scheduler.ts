import type { JobDefinition } from '@preau/sdk';

/** What a job does when it runs, given the time it runs for. */
export type JobRun = (now: number) => Promise<void>;

/**
 * Core's recurring jobs: core's own (purges) and plugins' (`ctx.jobs.every`), each run on one
 * process at a time.
 */
export interface JobScheduler {
  /**
   * Adds a job of `owner` ('core' or a plugin id). Throws, in French, on an id that is not
   * kebab-case, an interval under 1,000 ms, a job already registered, or after `start()`.
   */
  register(owner: string, job: JobDefinition, run: JobRun): void;
  /**
   * Throws what `register` would throw, and keeps nothing: a plugin's jobs are checked while its
   * `register()` runs and registered only once the plugin is accepted (ADR 0012).
   */
  check(owner: string, job: JobDefinition, run: JobRun): void;
  /** Starts the timers (not in tests: they call `runDue`). */
  start(): void;
  /** Stops the timers and waits for running jobs. */
  stop(): Promise<void>;
  /** Runs now every job whose turn has come by the clock; resolves when they are done. */
  runDue(): Promise<void>;
}

/** A scheduler that keeps nothing (tools that build a Préau without jobs); see DbJobScheduler. */
export const noScheduler: JobScheduler = {
  register: () => undefined,
  check: () => undefined,
  start: () => undefined,
  stop: async () => undefined,
  runDue: async () => undefined,
};
