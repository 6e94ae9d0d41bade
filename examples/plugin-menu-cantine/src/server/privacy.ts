import type { PluginContext, PluginHooks } from '@preau/sdk';

import { dateOf, dayNumber, parisNow } from '../calendar.js';
import type { MenuStore } from './menu-store.js';
import { forgetMenus, menuDates } from './search.js';

/** How long menus are kept after their date (the retention the manifest declares). */
export const RETENTION_DAYS = 365;

/**
 * The hooks that go with the personal data the manifest declares (who last published each
 * menu): the « Mes données » export, the erasure, and the yearly clean-up that bounds retention.
 */
export function menuHooks(ctx: PluginContext, store: MenuStore): PluginHooks {
  return {
    async exportUser(personId) {
      const menus = await store.authoredBy(personId);
      if (menus.length === 0) return [];
      const content = JSON.stringify(
        {
          description: 'Menus de la cantine dont vous êtes le dernier auteur',
          menus: menus.map((menu) => ({
            ecoleId: menu.ecoleId,
            date: menu.date,
            modifieLe: new Date(menu.updatedAt).toISOString(),
          })),
        },
        null,
        2,
      );
      return [{ path: 'menu-cantine/menus-publies.json', content }];
    },

    async eraseUser(personId) {
      await store.forgetAuthor(personId);
    },

    async yearRollover(ecole) {
      const today = dayNumber(parisNow(ctx.now()).date) as number;
      const limit = dateOf(today - RETENTION_DAYS);
      // Read before deleting: the index forgets exactly the menus that go.
      const old = await menuDates(ctx, ecole.id, limit);
      const removed = await store.removeBefore(ecole.id, limit);
      if (removed > 0) ctx.log.info({ ecoleId: ecole.id, removed }, 'Anciens menus supprimés');
      await forgetMenus(ctx, ecole.id, old);
    },
  };
}
