/**
 * The live messages the notifications elements follow (`onLive` of `@preau/sdk/widget`).
 */

export { LIVE_RECONNECTED, onLive as listenLive } from '@preau/sdk/widget';

/** What the server pushes when my notifications change (new ones visible, some read). */
export const NOTIFICATIONS_CHANGED = 'notifications.changed';

/** The unread count a `notifications.changed` message carries, when it carries one. */
export function unreadOf(data: unknown): number | null {
  const unread = (data as { unread?: unknown } | null | undefined)?.unread;
  return typeof unread === 'number' && Number.isFinite(unread) && unread >= 0 ? unread : null;
}
