/*
 * The words of the domain, shared by the server and the widget (so this file imports nothing
 * that needs Node or a browser).
 */

/** The courses of a French school meal, in the order they are served. */
export const COURSES = [
  'entree',
  'plat',
  'accompagnement',
  'laitage',
  'dessert',
  'gouter',
] as const;
/** One course: `entree`, `plat`, `accompagnement`, `laitage`, `dessert` or `gouter`. */
export type Course = (typeof COURSES)[number];

/**
 * The 14 allergens whose presence must be declared (regulation (EU) 1169/2011, annex II;
 * décret 2015-447 for meals served in France).
 */
export const ALLERGENS = [
  'gluten',
  'crustaces',
  'oeufs',
  'poissons',
  'arachides',
  'soja',
  'lait',
  'fruits-a-coque',
  'celeri',
  'moutarde',
  'sesame',
  'sulfites',
  'lupin',
  'mollusques',
] as const;
/** One regulated allergen, e.g. `fruits-a-coque`. */
export type Allergen = (typeof ALLERGENS)[number];

/** Labels a dish may carry. */
export const DISH_LABELS = ['bio', 'local', 'vegetarien'] as const;
/** One label: `bio`, `local` or `vegetarien`. */
export type DishLabel = (typeof DISH_LABELS)[number];

/** A dish as published: its name, the allergens it contains, its labels. */
export interface Dish {
  name: string;
  allergens: Allergen[];
  labels: DishLabel[];
}

/** A day's courses; a course may offer several dishes (« yaourt ou fromage blanc »). */
export type Courses = Partial<Record<Course, Dish[]>>;

/** A day's menu, as the routes answer it. */
export interface DayMenu {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `lundi` … `vendredi`. */
  weekday: string;
  courses: Courses;
  /** A line for families (« Repas à thème : l’Italie »), or null. */
  note: string | null;
  /** When it was last published, in milliseconds. */
  updatedAt: number;
}

/** The data of the « Menu du jour » widget. */
export interface MenuDuJourData {
  /** The day shown, `YYYY-MM-DD`. */
  date: string;
  /** `today`, or `next` when the day shown is the next school day (after 14:00, or a day off). */
  when: 'today' | 'next';
  serviceLabel: string;
  /** Whether allergens are shown (when false, dishes come without them). */
  showAllergens: boolean;
  /** The menu of that day, or null when none is published. */
  menu: { courses: Courses; note: string | null } | null;
}

/** The plugin's settings for an école. */
export interface MenuSettings {
  showAllergens: boolean;
  serviceLabel: string;
  wednesdayMeals: boolean;
}

/** The settings in force when an école has set nothing (the manifest's defaults). */
export const DEFAULT_SETTINGS: Readonly<MenuSettings> = {
  showAllergens: true,
  serviceLabel: 'Restaurant scolaire',
  wednesdayMeals: false,
};
