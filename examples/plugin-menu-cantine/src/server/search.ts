import type { PluginContext, SearchDocument } from '@preau/sdk';

import { COURSES, type DayMenu } from '../menu.js';
import { isoWeekOf, weekdayName } from './calendar.js';

/** The search provider the manifest declares for menus. */
const PROVIDER = 'menus';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** « Menu du lundi 7 septembre », for a valid `YYYY-MM-DD`. */
export function menuTitle(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `Menu du ${weekdayName(date)} ${day === 1 ? '1er' : day} ${MONTHS[month - 1]}`;
}

/** A day's menu as a search document: its dishes and note, seen by the whole école. */
export function menuDocument(ecoleId: number, menu: DayMenu): SearchDocument {
  const dishes = COURSES.flatMap((course) => (menu.courses[course] ?? []).map((d) => d.name));
  return {
    ecoleId,
    provider: PROVIDER,
    id: menu.date,
    title: menuTitle(menu.date),
    text: [...dishes, menu.note ?? ''].filter(Boolean).join(', '),
    url: `/apps/menu-cantine/?semaine=${isoWeekOf(menu.date)}`,
    audience: 'ecole',
  };
}

/**
 * Keeps the recherche plugin's index in step with the menus. `ctx.search` does nothing when
 * recherche is not enabled for the école; a failure of the index is logged, never turned into
 * a failed publication (the menu is saved either way).
 */
export function menuSearch(ctx: PluginContext) {
  const quietly = async (work: () => Promise<void>, details: object) => {
    try {
      await work();
    } catch (error) {
      ctx.log.warn(
        { ...details, error: (error as Error).message },
        'Index de recherche non tenu à jour',
      );
    }
  };
  return {
    published: (ecoleId: number, menu: DayMenu) =>
      quietly(() => ctx.search.index(menuDocument(ecoleId, menu)), { ecoleId, date: menu.date }),
    deleted: (ecoleId: number, date: string) =>
      quietly(() => ctx.search.remove(ecoleId, PROVIDER, date), { ecoleId, date }),
  };
}
