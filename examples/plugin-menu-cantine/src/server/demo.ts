import type { HookEcole, PluginContext } from '@preau/sdk';

import type { Courses, Dish } from '../menu.js';
import { datesOfWeek, isoWeekOf, isSchoolDay, nextSchoolDay, parisNow } from '../calendar.js';
import type { MenuStore } from './menu-store.js';
import { notifyMenuPublished } from './notify.js';
import { menuSearch } from './search.js';
import { settingsOf } from './settings.js';

/**
 * The `demoContent` hook: the menus of this week and the next in a demo école, published by its
 * directeur, indexed for search, and the next school day's menu notified to families, so that the
 * demo's « Menu du jour », search box and bell have something to show. Days that already have a
 * menu are left alone: installing the demo twice changes nothing.
 */
export async function demoMenus(
  ctx: PluginContext,
  store: MenuStore,
  ecole: HookEcole,
): Promise<void> {
  const [directeur] = await ctx.directory.audienceOf(ecole.id, { profiles: ['DIR'] });
  if (!directeur) return;
  const { wednesdayMeals } = await settingsOf(ctx, ecole.id);
  const today = parisNow(ctx.now()).date;
  const nextWeek = nextSchoolDay(datesOfWeek(isoWeekOf(today))![6]!, wednesdayMeals);
  const dates = [isoWeekOf(today), isoWeekOf(nextWeek)]
    .flatMap((week) => datesOfWeek(week)!)
    .filter((date) => isSchoolDay(date, wednesdayMeals));
  const existing = new Set((await store.ofDates(ecole.id, dates)).map((menu) => menu.date));
  const search = menuSearch(ctx);
  let published = 0;
  for (const [index, date] of dates.entries()) {
    if (existing.has(date)) continue;
    const courses = SAMPLE_MENUS[index % SAMPLE_MENUS.length]!;
    await store.replace(
      ecole.id,
      date,
      { courses },
      { personId: directeur.personId, at: ctx.now() },
    );
    const menu = await store.ofDate(ecole.id, date);
    if (menu) await search.published(ecole.id, menu);
    published += 1;
  }
  if (published > 0) {
    await notifyMenuPublished(
      ctx,
      ecole.id,
      nextSchoolDay(today, wednesdayMeals),
      directeur.personId,
    );
  }
}

// Module-private helpers.

const dish = (name: string, allergens: Dish['allergens'] = [], labels: Dish['labels'] = []) => ({
  name,
  allergens,
  labels,
});

/** Eight school meals, in the style of a municipal kitchen, with their allergens. */
const SAMPLE_MENUS: Courses[] = [
  {
    entree: [dish('Carottes râpées au citron', [], ['bio'])],
    plat: [dish('Hachis parmentier', ['lait'])],
    accompagnement: [dish('Salade verte')],
    laitage: [dish('Yaourt nature', ['lait'], ['local'])],
    dessert: [dish('Pomme', [], ['local'])],
  },
  {
    entree: [dish('Potage de légumes', ['celeri'])],
    plat: [dish('Filet de colin sauce citron', ['poissons', 'lait'])],
    accompagnement: [dish('Riz pilaf')],
    laitage: [dish('Emmental', ['lait'])],
    dessert: [dish('Compote pomme-poire', [], ['bio'])],
  },
  {
    entree: [dish('Concombre à la crème', ['lait'])],
    plat: [dish('Lasagnes aux légumes', ['gluten', 'lait', 'oeufs'], ['vegetarien'])],
    laitage: [dish('Fromage blanc', ['lait'])],
    dessert: [dish('Clémentines')],
  },
  {
    entree: [dish('Salade de lentilles', ['moutarde'], ['local'])],
    plat: [dish('Poulet rôti', [], ['local'])],
    accompagnement: [dish('Haricots verts persillés', [], ['bio'])],
    laitage: [dish('Camembert', ['lait'])],
    dessert: [dish('Gâteau au chocolat maison', ['gluten', 'oeufs', 'lait'])],
  },
  {
    entree: [dish('Betteraves vinaigrette', ['moutarde'], ['bio'])],
    plat: [dish('Sauté de bœuf aux carottes')],
    accompagnement: [dish('Semoule', ['gluten'])],
    laitage: [dish('Petit-suisse', ['lait'])],
    dessert: [dish('Poire', [], ['local'])],
  },
  {
    entree: [dish('Pamplemousse')],
    plat: [dish('Omelette aux fines herbes', ['oeufs'], ['vegetarien'])],
    accompagnement: [dish('Purée de potiron', ['lait'], ['bio'])],
    laitage: [dish('Yaourt aux fruits', ['lait'])],
    dessert: [dish('Crêpe au sucre', ['gluten', 'oeufs', 'lait'])],
  },
  {
    entree: [dish('Céleri rémoulade', ['celeri', 'moutarde', 'oeufs'])],
    plat: [dish('Poisson pané', ['poissons', 'gluten'])],
    accompagnement: [dish('Épinards à la crème', ['lait'])],
    laitage: [dish('Tomme de Savoie', ['lait'])],
    dessert: [dish('Banane', [], ['bio'])],
  },
  {
    entree: [dish('Taboulé', ['gluten'])],
    plat: [dish('Boulettes de pois chiches sauce tomate', [], ['vegetarien'])],
    accompagnement: [dish('Courgettes sautées', [], ['local'])],
    laitage: [dish('Fromage frais aux noix', ['lait', 'fruits-a-coque'])],
    dessert: [dish('Flan vanille', ['lait', 'oeufs'])],
  },
];
