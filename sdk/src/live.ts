/**
 * A message pushed to the open pages of people (`ctx.live.push`): the portal keeps one
 * server-sent events stream per page (`GET /api/live`), reconnecting by itself, and hands each
 * message to the elements listening to its `type` (`onLive()` of `@preau/sdk/widget`).
 *
 * @example
 * ```ts
 * ctx.live.push([parent.id], { type: 'notifications.new', data: { unread: 3 } });
 * ```
 */
export interface LiveMessage {
  /** `<plugin-id>.<name>`: core prefixes nothing, and refuses another plugin's prefix. */
  type: string;
  /** Small JSON data (a few kilobytes at most): a hint to reload, not the content itself. */
  data: unknown;
}

/**
 * Pushing to open pages (`ctx.live`). A person with no open page receives nothing: live
 * messages are never stored.
 *
 * @example
 * ```ts
 * ctx.live.push(recipients, { type: 'notifications.new', data: { count: 1 } });
 * ```
 */
export interface PluginLive {
  push(personIds: number[], message: LiveMessage): void;
}
