/**
 * Events plugins publish and hear through `ctx.events`. Core declares its own; a plugin adds
 * its events by declaration merging:
 *
 * @example
 * ```ts
 * declare module '@preau/sdk' {
 *   interface PreauEvents {
 *     'menu-cantine.menu-published': { ecoleId: number; week: string };
 *   }
 * }
 * ctx.events.subscribe('plugin.enabled', ({ pluginId, ecoleId }) => { … });
 * ```
 */
export interface PreauEvents {
  'session.opened': { personId: number; ecoleId: number | null };
  'session.closed': { personId: number };
  'plugin.enabled': { pluginId: string; ecoleId: number };
  'plugin.disabled': { pluginId: string; ecoleId: number };
  /**
   * People's memberships, classes, family links or names changed (an import, an admin edit):
   * the people concerned, or null for « anyone ». Caches of directory data listen to it.
   */
  'directory.changed': { personIds: number[] | null };
}

/**
 * The name of a known event.
 *
 * @example
 * ```ts
 * const watched: EventName[] = ['plugin.enabled', 'plugin.disabled'];
 * ```
 */
export type EventName = keyof PreauEvents & string;

/**
 * A subscriber; its errors are logged and never reach the publisher or other subscribers.
 *
 * @example
 * ```ts
 * const announce: EventHandler<'plugin.enabled'> = ({ pluginId, ecoleId }) =>
 *   ctx.log.info({ pluginId, ecoleId }, 'Service activé');
 * ctx.events.subscribe('plugin.enabled', announce);
 * ```
 */
export type EventHandler<N extends EventName> = (payload: PreauEvents[N]) => void | Promise<void>;

/**
 * The event bus: in process by default; a Redis pub/sub adapter implements the same interface
 * when several Préau instances run. A plugin's `ctx.events` publishes only the plugin's own
 * events (`<plugin id>.…`) and throws on any other name; it hears every event.
 *
 * @example
 * ```ts
 * await ctx.events.publish('menu-cantine.menu-published', { ecoleId: 3, week: '2026-W49' });
 * ctx.events.publish('plugin.enabled', { pluginId: 'x', ecoleId: 3 }); // throws: core's event
 * ```
 */
export interface EventBus {
  /**
   * Delivers an event to every subscriber; a failing subscriber never stops the others. Through
   * a plugin's `ctx.events`, throws when the name does not start with `<plugin id>.`.
   */
  publish<N extends EventName>(name: N, payload: PreauEvents[N]): Promise<void>;
  /** Subscribes; returns the function that unsubscribes. */
  subscribe<N extends EventName>(name: N, handler: EventHandler<N>): () => void;
}
