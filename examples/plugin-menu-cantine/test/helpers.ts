import { fileURLToPath } from 'node:url';

/** The plugin's package folder (tests run from dist/test/). */
export const pluginFolder = fileURLToPath(new URL('../..', import.meta.url));

/** The test core's clock starts on Tuesday 1 September 2026, 10:00 in Paris: ISO week 36. */
export const WEEK = '2026-W36';
export const MONDAY = '2026-08-31';
export const TUESDAY = '2026-09-01';
export const WEDNESDAY = '2026-09-02';
export const THURSDAY = '2026-09-03';
export const FRIDAY = '2026-09-04';
export const SATURDAY = '2026-09-05';
export const NEXT_MONDAY = '2026-09-07';

/** A day's menu as the municipal staff would publish it. */
export function sampleMenu(main = 'Lasagnes à la bolognaise') {
  return {
    note: 'Repas de la rentrée',
    courses: {
      entree: [{ name: 'Carottes râpées', allergens: [], labels: ['bio', 'local'] }],
      plat: [{ name: main, allergens: ['gluten', 'lait', 'celeri'] }],
      laitage: [
        { name: 'Yaourt nature', allergens: ['lait'] },
        { name: 'Fromage blanc', allergens: ['lait'], labels: ['local'] },
      ],
      dessert: [{ name: 'Compote pomme-poire', allergens: [], labels: ['bio'] }],
    },
  };
}
