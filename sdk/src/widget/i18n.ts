import type { PreauLocale } from './contexts.js';

/**
 * Messages of one language: key → text, with `{name}` placeholders.
 *
 * @example
 * ```ts
 * const fr: Messages = { count: '{count} message(s) non lu(s)' };
 * ```
 */
export type Messages = Readonly<Record<string, string>>;

/**
 * A plugin's translations: French is required and is what a missing English message falls
 * back to.
 *
 * @example
 * ```ts
 * const catalogue: Catalogue = {
 *   fr: { empty: 'Aucun menu pour {day}.' },
 *   en: { empty: 'No menu for {day}.' },
 * };
 * ```
 */
export interface Catalogue {
  fr: Messages;
  en?: Messages;
}

/**
 * Values for the placeholders of a message.
 *
 * @example
 * ```ts
 * this.t('count', { count: 3 } satisfies MessageValues);
 * ```
 */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Looks a message up in a catalogue: the locale's text, else the French one, else the key itself
 * (so a forgotten translation shows up on screen instead of an empty space). `{name}` is
 * replaced by `values.name`; an unknown placeholder is left as it is.
 *
 * @example
 * ```ts
 * translate(catalogue, 'en', 'empty', { day: 'Monday' }); // 'No menu for Monday.'
 * translate(catalogue, 'en', 'missing'); // 'missing'
 * ```
 */
export function translate(
  catalogue: Catalogue,
  locale: PreauLocale,
  key: string,
  values?: MessageValues,
): string {
  const own = locale === 'en' ? catalogue.en?.[key] : undefined;
  const message = own ?? catalogue.fr[key] ?? key;
  if (!values) return message;
  return message.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/**
 * Formats a calendar date (`YYYY-MM-DD`, as plugins exchange them) for people, without any time
 * zone shift: '2026-09-01' is « mardi 1 septembre » everywhere.
 *
 * @example
 * ```ts
 * formatCalendarDate('2026-09-01', 'fr'); // 'mardi 1 septembre'
 * formatCalendarDate('2026-09-01', 'en', { weekday: 'short', day: 'numeric', month: 'short' });
 * ```
 */
export function formatCalendarDate(
  date: string,
  locale: PreauLocale,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    ...options,
    timeZone: 'UTC',
  }).format(utc);
}
