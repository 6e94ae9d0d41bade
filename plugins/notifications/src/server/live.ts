import type { PluginContext } from '@preau/sdk';

import { chunks, type NotificationStore } from './store.js';

/** The live message telling open pages that the feed changed, with the new unread count. */
export const CHANGED = 'notifications.changed';

/** Pushes `notifications.changed` to the open pages of people whose feed changed. */
export interface LivePusher {
  /**
   * Pushes to everyone with items that became visible by `now` and were not pushed yet (only
   * those of one item when `itemId` is given), then remembers they were.
   */
  pushVisible(now: number, itemId?: number): Promise<number>;
  /** Pushes one person's unread count in an école (after they read something). */
  pushUnread(ecoleId: number, personId: number, now: number): Promise<void>;
}

/**
 * The live side of the feed. A message carries the unread count and the école it is about
 * (`data: { unread, ecoleId }`): a page open in another école of the same person reloads its own
 * count instead of showing this one.
 */
export function livePusher(ctx: PluginContext, store: NotificationStore): LivePusher {
  const push = (ecoleId: number, counts: Map<number, number>) => {
    for (const [personId, unread] of counts) {
      ctx.live.push([personId], { type: CHANGED, data: { unread, ecoleId } });
    }
  };
  return {
    async pushVisible(now, itemId) {
      let query = ctx.db
        .table('inbox')
        .where('pushed', 0)
        .where('visible_at', '<=', now)
        .select('id', 'ecole_id', 'person_id');
      if (itemId !== undefined) query = query.where('item_id', itemId);
      const rows = (await query) as Array<{ id: number; ecole_id: number; person_id: number }>;
      const byEcole = new Map<number, Set<number>>();
      for (const row of rows) {
        const people = byEcole.get(Number(row.ecole_id)) ?? new Set<number>();
        people.add(Number(row.person_id));
        byEcole.set(Number(row.ecole_id), people);
      }
      for (const [ecoleId, people] of byEcole) {
        push(ecoleId, await store.unreadOf(ecoleId, [...people], now));
      }
      for (const chunk of chunks(rows.map((row) => Number(row.id)))) {
        await ctx.db.table('inbox').whereIn('id', chunk).update({ pushed: 1 });
      }
      return rows.length;
    },
    async pushUnread(ecoleId, personId, now) {
      push(ecoleId, await store.unreadOf(ecoleId, [personId], now));
    },
  };
}
