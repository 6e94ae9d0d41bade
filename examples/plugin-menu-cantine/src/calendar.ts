/*
 * Calendar dates (`YYYY-MM-DD`) and ISO weeks (`YYYY-Www`), computed on day numbers so that no
 * time zone or summer time can shift a day. Only "now" depends on a zone: the écoles' own,
 * Europe/Paris.
 */

/** Weekday names, ISO order (1 = lundi). */
export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/**
 * The years whose menus the plugin accepts: a canteen publishes for this school year and the next,
 * so a century is room enough, and every date in it is a plain four-digit one (far years turn
 * `toISOString()` into `+010000-…`, and `Date.UTC` reads years 0 to 99 as 1900 to 1999).
 */
export const MENU_YEARS = { first: 2000, last: 2099 } as const;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** The date and hour in Paris at `ms`. */
export function parisNow(ms: number): { date: string; hour: number; minute: number } {
  const parts = Object.fromEntries(
    internals.parisFormat.formatToParts(ms).map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

/** Whether `text` is a real calendar date (`2026-02-30` is not). */
export function isCalendarDate(text: string): boolean {
  return dayNumber(text) !== null;
}

/** Days since 1970-01-01 of a calendar date; null when it is not one. */
export function dayNumber(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = internals.utc(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  if (back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** The calendar date of a day number. */
export function dateOf(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a valid date: 1 (lundi) to 7 (dimanche). */
export function isoWeekday(date: string): number {
  const days = internals.valid(date);
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** The French name of a valid date's weekday: `lundi` … `dimanche`. */
export function weekdayName(date: string): string {
  return WEEKDAYS[isoWeekday(date) - 1] as string;
}

/** The ISO week of a valid date, `YYYY-Www` (the week of 2027-01-01 is `2026-W53`). */
export function isoWeekOf(date: string): string {
  const days = internals.valid(date);
  const thursday = days - isoWeekday(date) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - internals.utc(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The seven dates of an ISO week, Monday first; null when the week does not exist. */
export function datesOfWeek(week: string): string[] | null {
  const match = WEEK.exec(week);
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  if (number < 1 || number > weeksIn(year)) return null;
  const january4 = internals.utc(year, 0, 4) / DAY_MS;
  const monday = january4 - (isoWeekday(dateOf(january4)) - 1) + 7 * (number - 1);
  return Array.from({ length: 7 }, (_, offset) => dateOf(monday + offset));
}

/**
 * Whether a date (`YYYY-MM-DD`) or a week (`YYYY-Www`) lies in the years menus are accepted for
 * (`MENU_YEARS`); says nothing of whether it exists.
 */
export function inMenuYears(dateOrWeek: string): boolean {
  const year = Number(dateOrWeek.slice(0, 4));
  return year >= MENU_YEARS.first && year <= MENU_YEARS.last;
}

/** Whether meals are served on a valid date: Monday to Friday, Wednesday only when chosen. */
export function isSchoolDay(date: string, wednesdayMeals: boolean): boolean {
  const weekday = isoWeekday(date);
  return weekday <= 5 && (weekday !== 3 || wednesdayMeals);
}

/** The first school day strictly after a valid date. */
export function nextSchoolDay(date: string, wednesdayMeals: boolean): string {
  let days = internals.valid(date);
  do days += 1;
  while (!isSchoolDay(dateOf(days), wednesdayMeals));
  return dateOf(days);
}

// Module-private helpers.

/** ISO weeks in a year: 53 when 28 December falls in week 53. */
function weeksIn(year: number): number {
  return isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).endsWith('53') ? 53 : 52;
}

const internals = {
  parisFormat: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),

  /** `Date.UTC` without its reading of years 0 to 99 as 1900 to 1999. */
  utc(year: number, month: number, day: number): number {
    const date = new Date(0);
    date.setUTCFullYear(year, month, day);
    return date.getTime();
  },

  valid(date: string): number {
    const days = dayNumber(date);
    if (days === null) throw new RangeError(`Date invalide « ${date} » (attendu AAAA-MM-JJ)`);
    return days;
  },
};
