import { dateOf, datesOfWeek, dayNumber, isoWeekOf } from '../calendar.js';

/*
 * Weeks as the page moves through them. The calendar arithmetic is the server's own
 * (server/calendar.ts imports nothing from Node), so the page and the API agree on what
 * « la semaine 36 » is.
 */

/** The query parameter that keeps the week shown in the address: `?semaine=2026-W37`. */
export const WEEK_PARAMETER = 'semaine';

const WEEK = /^\d{4}-W\d{2}$/;

/**
 * The ISO week `offset` weeks after `week` (before, when negative).
 *
 * @example
 * ```ts
 * shiftWeek('2026-W53', 1); // '2027-W01'
 * ```
 */
export function shiftWeek(week: string, offset: number): string {
  const monday = datesOfWeek(week)?.[0];
  const days = monday ? dayNumber(monday) : null;
  if (days === null) throw new RangeError(`Semaine invalide « ${week} »`);
  return isoWeekOf(dateOf(days + 7 * offset));
}

/**
 * The date of a weekday of an ISO week: 0 for Monday … 6 for Sunday.
 *
 * @example
 * ```ts
 * dayOfWeek('2026-W36', 4); // '2026-09-04', the Friday
 * ```
 */
export function dayOfWeek(week: string, index: number): string {
  const date = datesOfWeek(week)?.[index];
  if (!date) throw new RangeError(`Semaine invalide « ${week} »`);
  return date;
}

/** The week the address asks for (`?semaine=`), when it names one that exists. */
export function weekFromAddress(search = globalThis.location?.search ?? ''): string | undefined {
  const week = new URLSearchParams(search).get(WEEK_PARAMETER) ?? '';
  return WEEK.test(week) && datesOfWeek(week) ? week : undefined;
}

/**
 * Keeps the week shown in the address (null: the current week, no parameter), replacing the
 * history entry: the shell's router reads only the path, and Back leaves the page as expected.
 */
export function weekToAddress(week: string | null): void {
  if (typeof location === 'undefined' || typeof history === 'undefined') return;
  const url = new URL(location.href);
  if (week) url.searchParams.set(WEEK_PARAMETER, week);
  else url.searchParams.delete(WEEK_PARAMETER);
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}
