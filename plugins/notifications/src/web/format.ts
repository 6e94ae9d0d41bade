import type { PreauLocale } from '@preau/sdk/widget';

import type { QuietHours, QuietInterval } from './types.js';

/** A translation function, as the elements' `t`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * When something happened, said the way people say it: « à l’instant », « il y a 5 min »,
 * « il y a 3 h », « hier », « il y a 3 jours », then the date (« 12 sept. ») past a week.
 *
 * @example
 * ```ts
 * relativeTime(Date.now() - 5 * 60_000, 'fr', t); // 'il y a 5 min'
 * ```
 */
export function relativeTime(at: number, locale: PreauLocale, t: Translate, now = Date.now()) {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 60) return t('time.now');
  const format = new Intl.RelativeTimeFormat(internals.tag(locale), {
    numeric: 'auto',
    style: 'short',
  });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  // Days in full: « il y a 3 j » reads badly, « hier » well.
  if (days < 7) {
    return new Intl.RelativeTimeFormat(internals.tag(locale), { numeric: 'auto' }).format(
      -days,
      'day',
    );
  }
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(internals.tag(locale), {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/** The full date and time, for a `title` and for reports: « samedi 12 septembre 2026 à 08:05 ». */
export function fullDateTime(at: number, locale: PreauLocale): string {
  return new Intl.DateTimeFormat(internals.tag(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(at);
}

/**
 * Quiet hours said in words, the nightly ones gathered: « Chaque soir de 20:00 à 07:00 ; du
 * vendredi 20:00 au lundi 07:00 ». `none` when there is no interval.
 *
 * @example
 * ```ts
 * quietHoursInWords([{ from: { day: 5, time: '20:00' }, to: { day: 1, time: '07:00' } }], t);
 * // 'Du vendredi 20:00 au lundi 07:00'
 * ```
 */
export function quietHoursInWords(hours: QuietHours, t: Translate, none: string): string {
  if (hours.length === 0) return none;
  const nights = new Map<string, number[]>();
  const others: QuietInterval[] = [];
  for (const interval of hours) {
    const { from, to } = interval;
    const overnight = to.day === (from.day % 7) + 1 && to.time <= from.time;
    if (!overnight) {
      others.push(interval);
      continue;
    }
    const key = `${from.time}-${to.time}`;
    nights.set(key, [...(nights.get(key) ?? []), from.day]);
  }
  const parts: string[] = [];
  for (const [key, days] of nights) {
    const [from = '', to = ''] = key.split('-');
    const distinct = [...new Set(days)].sort((a, b) => a - b);
    parts.push(
      distinct.length === 7
        ? t('quiet.every-night', { from, to })
        : t('quiet.nights', { days: internals.list(distinct, t), from, to }),
    );
  }
  for (const { from, to } of others) {
    parts.push(
      from.day === to.day && from.time < to.time
        ? t('quiet.same-day', { day: t(`day.${from.day}`), from: from.time, to: to.time })
        : t('quiet.span', {
            fromDay: t(`day.${from.day}`),
            from: from.time,
            toDay: t(`day.${to.day}`),
            to: to.time,
          }),
    );
  }
  const text = parts.join(' ; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message key for a count: `<base>.none`, `<base>.one` or `<base>.many`. */
export function countKey(base: string, count: number, withNone = false): string {
  if (withNone && count === 0) return `${base}.none`;
  return count === 1 ? `${base}.one` : `${base}.many`;
}

// Module-private helpers.

const internals = {
  tag: (locale: PreauLocale) => (locale === 'en' ? 'en-GB' : 'fr-FR'),

  /** « lundi, mardi et jeudi ». */
  list(days: number[], t: Translate): string {
    const names = days.map((day) => t(`day.${day}`));
    if (names.length < 2) return names.join('');
    return `${names.slice(0, -1).join(', ')}${t('quiet.and')}${names[names.length - 1]}`;
  },
};
