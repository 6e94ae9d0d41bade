import type { PluginDatabase } from '@preau/sdk';

import {
  COURSES,
  type Allergen,
  type Course,
  type Courses,
  type DayMenu,
  type DishLabel,
} from '../menu.js';
import { weekdayName } from '../calendar.js';

/** What `PUT /menus/{date}` receives, once validated. */
export interface DayMenuInput {
  courses: Courses;
  note?: string;
}

/** A menu someone last published: what their « Mes données » export lists. */
export interface AuthoredMenu {
  ecoleId: number;
  date: string;
  updatedAt: number;
}

/**
 * The menus of the écoles, in two tables: `menus` (one row per école and day) and `dishes` (its
 * dishes, each with its course and position). Every read and write of a request goes through
 * `db.forEcole(ecoleId)`, so one école never reaches another's menus.
 */
export class MenuStore {
  constructor(private readonly db: PluginDatabase) {}

  /** The menus of some dates of an école, by date. */
  async ofDates(ecoleId: number, dates: readonly string[]): Promise<DayMenu[]> {
    const scoped = this.db.forEcole(ecoleId);
    const menus = (await scoped
      .table('menus')
      .whereIn('date', dates)
      .orderBy('date')
      .select('id', 'date', 'note', 'updated_at')) as MenuRow[];
    if (menus.length === 0) return [];
    const dishes = (await scoped
      .table('dishes')
      .whereIn(
        'menu_id',
        menus.map((menu) => menu.id),
      )
      .select('menu_id', 'course', 'position', 'name', 'allergens', 'labels')) as DishRow[];
    return menus.map((menu) => internals.toDayMenu(menu, dishes));
  }

  /** The menu of one day of an école, or null. */
  async ofDate(ecoleId: number, date: string): Promise<DayMenu | null> {
    const [menu] = await this.ofDates(ecoleId, [date]);
    return menu ?? null;
  }

  /**
   * Replaces the menu of a day, all or nothing: the day's row is created or updated and its
   * dishes rewritten in one transaction. Resolves to whether the day had no menu before.
   */
  async replace(
    ecoleId: number,
    date: string,
    input: DayMenuInput,
    author: { personId: number; at: number },
  ): Promise<{ created: boolean }> {
    return this.db.transaction(async (trx) => {
      const scoped = trx.forEcole(ecoleId);
      const fields = {
        note: input.note ?? null,
        updated_at: author.at,
        updated_by: author.personId,
      };
      const existing = (await scoped.table('menus').where({ date }).first('id')) as
        { id: number } | undefined;
      let menuId: number;
      if (existing) {
        menuId = Number(existing.id);
        await scoped.table('dishes').where({ menu_id: menuId }).delete();
        await scoped.table('menus').where({ id: menuId }).update(fields);
      } else {
        const [id] = await scoped.insert('menus', { date, ...fields });
        menuId = Number(id);
      }
      const rows = COURSES.flatMap((course) =>
        (input.courses[course] ?? []).map((dish, position) => ({
          menu_id: menuId,
          course,
          position,
          name: dish.name.trim(),
          allergens: (dish.allergens ?? []).join(','),
          labels: (dish.labels ?? []).join(','),
        })),
      );
      await scoped.insert('dishes', rows);
      return { created: !existing };
    });
  }

  /** Deletes the menu of a day; resolves to whether there was one. */
  async remove(ecoleId: number, date: string): Promise<boolean> {
    return this.db.transaction(async (trx) => {
      const scoped = trx.forEcole(ecoleId);
      const existing = (await scoped.table('menus').where({ date }).first('id')) as
        { id: number } | undefined;
      if (!existing) return false;
      await scoped.table('dishes').where({ menu_id: existing.id }).delete();
      await scoped.table('menus').where({ id: existing.id }).delete();
      return true;
    });
  }

  /** Deletes an école's menus dated before `date`; resolves to how many days went. */
  async removeBefore(ecoleId: number, date: string): Promise<number> {
    return this.db.transaction(async (trx) => {
      const scoped = trx.forEcole(ecoleId);
      const old = (await scoped.table('menus').where('date', '<', date).select('id')) as Array<{
        id: number;
      }>;
      const ids = old.map((row) => row.id);
      if (ids.length === 0) return 0;
      await scoped.table('dishes').whereIn('menu_id', ids).delete();
      await scoped.table('menus').whereIn('id', ids).delete();
      return ids.length;
    });
  }

  /** Across écoles: the menus a person published last (for their data export). */
  async authoredBy(personId: number): Promise<AuthoredMenu[]> {
    const rows = (await this.db
      .table('menus')
      .where({ updated_by: personId })
      .orderBy(['ecole_id', 'date'])
      .select('ecole_id', 'date', 'updated_at')) as Array<{
      ecole_id: number;
      date: string;
      updated_at: number;
    }>;
    return rows.map((row) => ({
      ecoleId: Number(row.ecole_id),
      date: row.date,
      updatedAt: Number(row.updated_at),
    }));
  }

  /** Across écoles: forgets that a person published menus (the menus stay, unsigned). */
  async forgetAuthor(personId: number): Promise<void> {
    await this.db.table('menus').where({ updated_by: personId }).update({ updated_by: null });
  }
}

/**
 * Whether a write failed on a unique index: two people creating the same day's menu at the same
 * instant. The loser gets a 409 and can try again.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

// Module-private helpers.

interface MenuRow {
  id: number;
  date: string;
  note: string | null;
  updated_at: number | string;
}

interface DishRow {
  menu_id: number;
  course: Course;
  position: number;
  name: string;
  allergens: string;
  labels: string;
}

const internals = {
  toDayMenu(menu: MenuRow, dishes: readonly DishRow[]): DayMenu {
    const own = dishes
      .filter((dish) => Number(dish.menu_id) === Number(menu.id))
      .sort((a, b) => Number(a.position) - Number(b.position));
    const courses: Courses = {};
    for (const course of COURSES) {
      const list = own.filter((dish) => dish.course === course);
      if (list.length === 0) continue;
      courses[course] = list.map((dish) => ({
        name: dish.name,
        allergens: internals.codes(dish.allergens) as Allergen[],
        labels: internals.codes(dish.labels) as DishLabel[],
      }));
    }
    return {
      date: menu.date,
      weekday: weekdayName(menu.date),
      courses,
      note: menu.note ?? null,
      updatedAt: Number(menu.updated_at),
    };
  },

  codes(list: string | null): string[] {
    return list ? list.split(',').filter(Boolean) : [];
  },
};
