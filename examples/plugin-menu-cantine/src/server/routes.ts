import {
  errors,
  respond,
  type PluginContext,
  type PluginEcole,
  type PluginRequest,
  type PluginUser,
} from '@preau/sdk';

import type { DayMenu } from '../menu.js';
import {
  datesOfWeek,
  inMenuYears,
  isCalendarDate,
  MENU_YEARS,
  isoWeekday,
  isoWeekOf,
  isSchoolDay,
  parisNow,
  WEEKDAYS,
} from '../calendar.js';
import { isUniqueViolation, type DayMenuInput, type MenuStore } from './menu-store.js';
import { notifyMenuPublished } from './notify.js';
import {
  dateParams,
  dayMenuPayload,
  dayMenuResponse,
  rightsResponse,
  weekQuery,
} from './schemas.js';
import { menuSearch } from './search.js';
import { settingsOf } from './settings.js';

declare module '@preau/sdk' {
  interface PreauEvents {
    /** A day's menu was published, changed or deleted: the notifications plugin may tell families. */
    'menu-cantine.menu-changed': { ecoleId: number; date: string; deleted: boolean };
  }
}

const READ = 'menu-cantine.menus.read';
const WRITE = 'menu-cantine.menus.write';

/**
 * The plugin's routes, mounted by Préau under `/api/plugins/menu-cantine`. Core has checked,
 * before any handler runs: a session, the plugin enabled for the person's école, the permission,
 * and the inputs against their schemas.
 */
export function registerMenuRoutes(ctx: PluginContext, store: MenuStore): void {
  const search = menuSearch(ctx);
  ctx.route<Record<string, never>, { week?: string }, undefined>({
    method: 'GET',
    path: '/menus',
    summary: 'Menus d’une semaine de l’école (la semaine en cours par défaut)',
    permission: READ,
    schemas: { query: weekQuery },
    handler: async (request) => {
      const ecole = ecoleOf(request);
      const week = request.query.week ?? isoWeekOf(parisNow(ctx.now()).date);
      if (!inMenuYears(week)) {
        throw errors.badRequest(
          `week : la semaine ${week} est hors des années acceptées (${MENU_YEARS.first} à ` +
            `${MENU_YEARS.last}) ; choisissez-en une entre ${MENU_YEARS.first}-W01 et ` +
            `${MENU_YEARS.last}-W52.`,
        );
      }
      const dates = datesOfWeek(week);
      if (!dates) throw errors.badRequest(`week : la semaine ${week} n’existe pas.`);
      const settings = await settingsOf(ctx, ecole.id);
      return {
        week,
        schoolDays: dates.filter((date) => isSchoolDay(date, settings.wednesdayMeals)),
        days: await store.ofDates(ecole.id, dates),
      };
    },
  });

  ctx.route<Record<string, never>, Record<string, never>, undefined>({
    method: 'GET',
    path: '/droits',
    summary: 'Ce que je peux faire des menus de mon école (la page les montre en conséquence)',
    permission: READ,
    schemas: { response: rightsResponse },
    handler: async (request) => ({
      // The page offers the form only to those whom PUT and DELETE would let through; those
      // routes still check the permission themselves.
      canWrite: await ctx.rights.has(userOf(request), WRITE),
    }),
  });

  ctx.route<Record<string, never>, Record<string, never>, undefined>({
    method: 'GET',
    path: '/menus/today',
    summary: 'Menu du jour de l’école (null s’il n’est pas publié)',
    permission: READ,
    handler: async (request) => {
      const date = parisNow(ctx.now()).date;
      return { date, menu: await store.ofDate(ecoleOf(request).id, date) };
    },
  });

  ctx.route<{ date: string }, Record<string, never>, undefined>({
    method: 'GET',
    path: '/menus/{date}',
    summary: 'Menu d’un jour de l’école',
    permission: READ,
    schemas: { params: dateParams, response: dayMenuResponse },
    handler: async (request) => {
      const date = realDate(request.params.date);
      const menu = await store.ofDate(ecoleOf(request).id, date);
      if (!menu) throw errors.notFound(`Aucun menu n’est publié pour le ${date}.`);
      return menu;
    },
  });

  ctx.route<{ date: string }, Record<string, never>, DayMenuInput>({
    method: 'PUT',
    path: '/menus/{date}',
    summary: 'Publie le menu d’un jour de classe (remplace celui qui existait)',
    permission: WRITE,
    schemas: { params: dateParams, payload: dayMenuPayload, response: dayMenuResponse },
    handler: async (request) => {
      const ecole = ecoleOf(request);
      const date = realDate(request.params.date);
      const settings = await settingsOf(ctx, ecole.id);
      if (!isSchoolDay(date, settings.wednesdayMeals)) {
        const weekday = WEEKDAYS[isoWeekday(date) - 1];
        throw errors.badRequest(
          weekday === 'mercredi'
            ? `date : le ${date} est un mercredi, et cette école ne sert pas de repas le mercredi ` +
                '(réglage « Repas servis le mercredi »).'
            : `date : le ${date} est un ${weekday}, pas un jour de classe.`,
        );
      }
      let created: boolean;
      try {
        ({ created } = await store.replace(ecole.id, date, request.payload, {
          personId: personOf(request),
          at: ctx.now(),
        }));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw errors.conflict('Ce menu vient d’être publié par quelqu’un d’autre : réessayez.');
      }
      await ctx.events.publish('menu-cantine.menu-changed', {
        ecoleId: ecole.id,
        date,
        deleted: false,
      });
      const menu = (await store.ofDate(ecole.id, date)) as DayMenu;
      await search.published(ecole.id, menu);
      // A new menu, not a correction: families are told once per day's menu.
      if (created) await notifyMenuPublished(ctx, ecole.id, date, personOf(request));
      return created ? respond(201, menu) : menu;
    },
  });

  ctx.route<{ date: string }, Record<string, never>, undefined>({
    method: 'DELETE',
    path: '/menus/{date}',
    summary: 'Supprime le menu d’un jour',
    permission: WRITE,
    schemas: { params: dateParams },
    handler: async (request) => {
      const ecole = ecoleOf(request);
      const date = realDate(request.params.date);
      if (!(await store.remove(ecole.id, date))) {
        throw errors.notFound(`Aucun menu n’est publié pour le ${date}.`);
      }
      await search.deleted(ecole.id, date);
      await ctx.events.publish('menu-cantine.menu-changed', {
        ecoleId: ecole.id,
        date,
        deleted: true,
      });
      return undefined;
    },
  });
}

// Module-private helpers.

/** The école of the request: always there on session routes, which these all are. */
function ecoleOf(request: PluginRequest<unknown, unknown, unknown>): PluginEcole {
  if (!request.ecole) throw errors.conflict('Choisissez d’abord une école.');
  return request.ecole;
}

/** Who is asking: always someone on session routes. */
function userOf(request: PluginRequest<unknown, unknown, unknown>): PluginUser {
  if (!request.user) throw errors.forbidden('Vous devez être connecté.');
  return request.user;
}

function personOf(request: PluginRequest<unknown, unknown, unknown>): number {
  return userOf(request).personId;
}

/** The schema checked the shape; this checks the calendar (no 30 February) and the years. */
function realDate(date: string): string {
  if (!isCalendarDate(date)) throw errors.badRequest(`date : le ${date} n’existe pas.`);
  if (!inMenuYears(date)) {
    throw errors.badRequest(
      `date : le ${date} est hors des dates acceptées, du ${MENU_YEARS.first}-01-01 au ` +
        `${MENU_YEARS.last}-12-31.`,
    );
  }
  return date;
}
