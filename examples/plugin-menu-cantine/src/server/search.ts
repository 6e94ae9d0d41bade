import type { PluginContext, SearchDocument } from '@preau/sdk';

import { COURSES, type DayMenu } from '../menu.js';
import { isoWeekOf, weekdayName } from '../calendar.js';
import type { MenuStore } from './menu-store.js';

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

/** Menus read and indexed at a time when an école's menus are indexed again. */
const REINDEX_BATCH = 100;

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

/**
 * The dates of an école's menus, oldest first; only those before `before` when given. The
 * search needs them to index every menu again, and to forget the menus the year rollover
 * deletes.
 */
export async function menuDates(
  ctx: PluginContext,
  ecoleId: number,
  before?: string,
): Promise<string[]> {
  let query = ctx.db.forEcole(ecoleId).table('menus');
  if (before) query = query.where('date', '<', before);
  const rows = (await query.orderBy('date').select('date')) as Array<{ date: string }>;
  return rows.map((row) => row.date);
}

/**
 * The `searchReindex` hook: indexes every menu of the école again (core calls it when search
 * starts there while menus already exist). Read by batches so a long history never sits in
 * memory at once; an indexing error is thrown, for core to log.
 */
export async function reindexMenus(
  ctx: PluginContext,
  store: MenuStore,
  ecoleId: number,
): Promise<void> {
  const dates = await menuDates(ctx, ecoleId);
  for (let start = 0; start < dates.length; start += REINDEX_BATCH) {
    const menus = await store.ofDates(ecoleId, dates.slice(start, start + REINDEX_BATCH));
    for (const menu of menus) await ctx.search.index(menuDocument(ecoleId, menu));
  }
}

/**
 * Forgets in the index menus deleted from the store (the year rollover's old menus). The menus
 * are gone whatever happens here: an index failure is logged, not thrown.
 */
export async function forgetMenus(
  ctx: PluginContext,
  ecoleId: number,
  dates: readonly string[],
): Promise<void> {
  try {
    for (const date of dates) await ctx.search.remove(ecoleId, PROVIDER, date);
  } catch (error) {
    ctx.log.warn(
      { ecoleId, menus: dates.length, error: (error as Error).message },
      'Index de recherche non tenu à jour',
    );
  }
}
