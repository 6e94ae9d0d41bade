import type { EventBus, EventHandler, EventName, JobDefinition, PreauEvents } from '@preau/sdk';

import type { JobRun, JobScheduler } from '../jobs/scheduler.js';

/**
 * What one plugin adds to machinery core shares between plugins — recurring jobs and event
 * subscriptions — held back while its `register()` runs: each is checked at once (the plugin's
 * author reads the error at start), but none reaches the scheduler or the bus until the host has
 * accepted the plugin (`commit()`). A plugin refused at any step (`discard()`) leaves no job that
 * runs and no handler that fires (ADR 0012).
 *
 * @example
 * ```ts
 * const pending = new PendingContributions('menu-cantine', core.jobs, core.bus);
 * pending.job({ id: 'purge', everyMs: 3_600_000 }, purge); // checked, not yet scheduled
 * pending.commit(); // once every check of the plugin passed
 * ```
 */
export class PendingContributions {
  private state: 'pending' | 'committed' | 'discarded' = 'pending';
  private readonly jobs = new Map<string, { job: JobDefinition; run: JobRun }>();
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly pluginId: string,
    private readonly scheduler: JobScheduler,
    private readonly bus: EventBus,
  ) {}

  /** Whether the plugin was refused: what it still tries to do goes nowhere. */
  get discarded(): boolean {
    return this.state === 'discarded';
  }

  /** Checks a job as the scheduler would, and keeps it until `commit()`. */
  job(job: JobDefinition, run: JobRun): void {
    this.scheduler.check(this.pluginId, job, run);
    if (this.jobs.has(job.id)) {
      throw new Error(`ctx.jobs.every() : la tâche ${this.pluginId}/${job.id} est déjà déclarée`);
    }
    this.jobs.set(job.id, { job, run });
  }

  /**
   * Subscribes on the bus once the plugin is accepted (at once after that; never once refused).
   * The function returned unsubscribes, whenever it is called.
   */
  subscribe<N extends EventName>(name: N, handler: EventHandler<N>): () => void {
    if (typeof name !== 'string' || typeof handler !== 'function') {
      throw new Error(
        'ctx.events.subscribe() : attendu le nom d’un événement et une fonction qui le reçoit',
      );
    }
    if (this.state === 'committed') return this.bus.subscribe(name, handler);
    if (this.state === 'discarded') return () => undefined;
    const subscription: Subscription = {
      name,
      handler: handler as EventHandler<EventName>,
      live: undefined,
    };
    this.subscriptions.add(subscription);
    return () => {
      this.subscriptions.delete(subscription);
      subscription.live?.();
      subscription.live = undefined;
    };
  }

  /** The plugin is accepted: its jobs are scheduled and its handlers start hearing events. */
  commit(): void {
    if (this.state !== 'pending') return;
    this.state = 'committed';
    for (const { job, run } of this.jobs.values()) this.scheduler.register(this.pluginId, job, run);
    for (const subscription of this.subscriptions) {
      subscription.live = this.bus.subscribe(subscription.name, subscription.handler);
    }
    this.jobs.clear();
    this.subscriptions.clear();
  }

  /** The plugin is refused: everything held back is dropped. */
  discard(): void {
    if (this.state !== 'pending') return;
    this.state = 'discarded';
    this.jobs.clear();
    this.subscriptions.clear();
  }
}

/**
 * A plugin's `ctx.events`: it hears every event, but publishes only its own, named
 * `<plugin id>.…`, so that no plugin can announce `plugin.enabled` or `session.closed` and fool
 * core or the other plugins. Core publishes its events on the bus itself.
 *
 * @example
 * ```ts
 * const events = pluginEventBus('menu-cantine', core.bus, pending);
 * await events.publish('menu-cantine.menu-changed', { ecoleId: 3, week: '2026-W49' }); // delivered
 * await events.publish('plugin.enabled', { pluginId: 'x', ecoleId: 3 }); // throws
 * ```
 */
export function pluginEventBus(
  pluginId: string,
  bus: EventBus,
  pending: PendingContributions,
): EventBus {
  const prefix = `${pluginId}.`;
  return {
    publish<N extends EventName>(name: N, payload: PreauEvents[N]): Promise<void> {
      // Thrown, not rejected: a forged event is the author's mistake, and a `void publish(…)`
      // must not turn it into an unhandled rejection that stops the process.
      if (typeof name !== 'string' || !name.startsWith(prefix) || name.length === prefix.length) {
        throw new Error(
          `ctx.events.publish() : « ${pluginId} » ne publie que ses propres événements, dont le ` +
            `nom commence par « ${prefix} » (reçu « ${String(name)} ») ; les événements de ` +
            'Préau sont publiés par Préau seul',
        );
      }
      if (pending.discarded) return Promise.resolve();
      return bus.publish(name, payload);
    },
    subscribe: (name, handler) => pending.subscribe(name, handler),
  };
}

// Module-private helpers.

interface Subscription {
  name: EventName;
  handler: EventHandler<EventName>;
  /** Unsubscribes from the bus, once committed. */
  live: (() => void) | undefined;
}
