import {
  ALLERGENS,
  COURSES,
  DISH_LABELS,
  type Allergen,
  type Course,
  type Courses,
  type DayMenu,
  type DishLabel,
} from '../menu.js';

/*
 * The menu being entered in the page's form: what the person typed, kept as typed until they
 * save. The server validates the result (and answers in French, naming the field); this file
 * only converts between the form and the API's shapes.
 */

/** One dish as the form holds it. */
export interface DishDraft {
  name: string;
  allergens: Allergen[];
  labels: DishLabel[];
}

/** A day's menu as the form holds it: every course present, possibly without dishes. */
export interface MenuDraft {
  note: string;
  courses: Record<Course, DishDraft[]>;
}

/** At most this many dishes per course (the API's limit: « yaourt ou fromage blanc »). */
export const MAX_DISHES = 4;

/** The body of `PUT /menus/{date}`. */
export interface MenuPayload {
  note?: string;
  courses: Courses;
}

/** A draft of an existing menu, or an empty one with a dish to fill in for the main course. */
export function draftOf(menu: Pick<DayMenu, 'courses' | 'note'> | null): MenuDraft {
  const courses = Object.fromEntries(
    COURSES.map((course) => [
      course,
      (menu?.courses[course] ?? []).map((dish) => ({
        name: dish.name,
        allergens: [...dish.allergens],
        labels: [...dish.labels],
      })),
    ]),
  ) as Record<Course, DishDraft[]>;
  if (!menu) courses.plat.push(emptyDish());
  return { note: menu?.note ?? '', courses };
}

/** A dish with nothing entered yet. */
export function emptyDish(): DishDraft {
  return { name: '', allergens: [], labels: [] };
}

/**
 * What to send: courses without dishes are left out, names and the note trimmed, an empty note
 * left out, allergens and labels in their reference order.
 */
export function payloadOf(draft: MenuDraft): MenuPayload {
  const courses: Courses = {};
  for (const course of COURSES) {
    const dishes = draft.courses[course];
    if (dishes.length === 0) continue;
    courses[course] = dishes.map((dish) => ({
      name: dish.name.trim(),
      allergens: ALLERGENS.filter((allergen) => dish.allergens.includes(allergen)),
      labels: DISH_LABELS.filter((label) => dish.labels.includes(label)),
    }));
  }
  const note = draft.note.trim();
  return note ? { note, courses } : { courses };
}

/** Adds or removes one value of a list, keeping the others. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}

/**
 * The id of the form control a server problem points at (`courses.plat.0.name` → `plat-0-name`,
 * `note` → `note`), or null when the problem is not about one control.
 */
export function controlOf(field: string): string | null {
  if (field === 'note') return 'note';
  const match = /^courses\.([a-z]+)\.(\d+)\.(name|allergens|labels)\b/.exec(field);
  if (!match || !(COURSES as readonly string[]).includes(match[1] ?? '')) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}
