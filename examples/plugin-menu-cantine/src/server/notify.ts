import type { PluginContext } from '@preau/sdk';

import { isoWeekOf } from '../calendar.js';
import { menuTitle } from './search.js';

/** The notification type the manifest declares for a new menu. */
const MENU_PUBLIE = 'menu-publie';

/**
 * Tells the école that a day's menu was published, through `ctx.notifications`: each person
 * gets it as they chose (feed, e-mail, digest), never during quiet hours, and the publisher is
 * not told of their own action. It does nothing when the notifications plugin is not enabled
 * for the école; a failure is logged, never turned into a failed publication.
 */
export async function notifyMenuPublished(
  ctx: PluginContext,
  ecoleId: number,
  date: string,
  publisherId: number,
): Promise<void> {
  try {
    await ctx.notifications.notify({
      ecoleId,
      type: MENU_PUBLIE,
      audience: 'ecole',
      title: `${menuTitle(date)} publié`,
      text: 'Le menu de la cantine est en ligne, avec ses allergènes.',
      url: `/apps/menu-cantine/?semaine=${isoWeekOf(date)}`,
      actorPersonId: publisherId,
    });
  } catch (error) {
    ctx.log.warn({ ecoleId, date, error: (error as Error).message }, 'Notification non envoyée');
  }
}
