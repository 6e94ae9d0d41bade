import type { PluginContext, WidgetDataLoader } from '@preau/sdk';

import type { Courses, MenuDuJourData } from '../menu.js';
import { isSchoolDay, nextSchoolDay, parisNow } from '../calendar.js';
import type { MenuStore } from './menu-store.js';
import { settingsOf } from './settings.js';

/** From this hour (Paris), lunch is over: the widget shows the next school day's menu. */
export const SWITCH_HOUR = 14;

/**
 * The loader of the « Menu du jour » widget: today's menu, or the next school day's once lunch
 * is over or on a day without meals, saying which. Allergens are left out when the école chose
 * not to show them.
 */
export function menuDuJourLoader(ctx: PluginContext, store: MenuStore): WidgetDataLoader {
  return async ({ ecole }): Promise<MenuDuJourData> => {
    const settings = await settingsOf(ctx, ecole.id);
    const now = parisNow(ctx.now());
    const today = isSchoolDay(now.date, settings.wednesdayMeals) && now.hour < SWITCH_HOUR;
    const date = today ? now.date : nextSchoolDay(now.date, settings.wednesdayMeals);
    const menu = await store.ofDate(ecole.id, date);
    return {
      date,
      when: today ? 'today' : 'next',
      serviceLabel: settings.serviceLabel,
      showAllergens: settings.showAllergens,
      menu: menu
        ? {
            courses: settings.showAllergens ? menu.courses : withoutAllergens(menu.courses),
            note: menu.note,
          }
        : null,
    };
  };
}

// Module-private helpers.

function withoutAllergens(courses: Courses): Courses {
  return Object.fromEntries(
    Object.entries(courses).map(([course, dishes]) => [
      course,
      dishes.map((dish) => ({ ...dish, allergens: [] })),
    ]),
  );
}
