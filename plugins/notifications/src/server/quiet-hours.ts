import { DateTime, IANAZone } from 'luxon';

/** A moment of the week, in the école's time zone: ISO day (1 = lundi … 7 = dimanche) and `HH:MM`. */
export interface WeekTime {
  day: number;
  time: string;
}

/** A weekly quiet interval; a `to` before its `from` in the week wraps over Sunday → Monday. */
export interface QuietInterval {
  from: WeekTime;
  to: WeekTime;
}

/** Weekly quiet hours, as stored and as the HTTP contract carries them. */
export type QuietHours = QuietInterval[];

/**
 * The école's default (circulaire « numérique raisonné », July 2025): every night 20:00 → 07:00,
 * plus the whole weekend from Friday 20:00 to Monday 07:00.
 */
export const DEFAULT_QUIET_HOURS: QuietHours = [
  ...[1, 2, 3, 4].map((day) => ({
    from: { day, time: '20:00' },
    to: { day: day + 1, time: '07:00' },
  })),
  { from: { day: 5, time: '20:00' }, to: { day: 1, time: '07:00' } },
];

/** The default time zone of an école. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** JSON Schema of a `QuietHours` list, at most `maxItems` intervals. */
export function quietHoursSchema(maxItems: number) {
  const weekTime = {
    type: 'object',
    additionalProperties: false,
    required: ['day', 'time'],
    properties: {
      day: { type: 'integer', minimum: 1, maximum: 7 },
      time: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
    },
  };
  return {
    type: 'array',
    maxItems,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to'],
      properties: { from: weekTime, to: weekTime },
    },
  };
}

/** A time zone name luxon knows, else the default (a setting typed by hand may be wrong). */
export function validTimeZone(zone: unknown): string {
  return typeof zone === 'string' && IANAZone.isValidZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/**
 * When the quiet period containing `now` ends: `now` itself when `now` is not in quiet hours.
 * Overlapping or touching intervals are one period (Friday night running into the weekend),
 * so the answer is always outside every interval.
 *
 * Wall-clock times are turned into instants in `zone` each week, so 07:00 is 07:00 local time on
 * either side of a daylight-saving change. A local time that does not exist (02:30 on the spring
 * change) moves forward by the gap, as luxon does; an ambiguous one (02:30 on the autumn change)
 * is its first occurrence.
 */
export function quietUntil(now: number, quietHours: QuietHours, zone: string): number {
  if (quietHours.length === 0) return now;
  let until = now;
  // Weeks are expanded lazily: a quiet period can chain over several weeks only if someone
  // made the whole week quiet; past MAX_WEEKS the search stops (nothing would ever be sent).
  const startOfWeek = DateTime.fromMillis(now, { zone }).startOf('week');
  const spans: Array<[number, number]> = [];
  let weeksExpanded = 0;
  const expand = () => {
    const week = startOfWeek.plus({ weeks: weeksExpanded - 1 });
    spans.push(...concreteSpans(week, quietHours, zone));
    weeksExpanded += 1;
  };
  for (let i = 0; i < 3; i += 1) expand();
  for (;;) {
    const containing = spans.filter(([start, end]) => start <= until && until < end);
    if (containing.length === 0) return until;
    until = Math.max(...containing.map(([, end]) => end));
    // The spans of the week after `until` must be known before the next look.
    while (weeksExpanded < MAX_WEEKS && lastEnd(spans) <= until + WEEK_MS) expand();
    if (weeksExpanded >= MAX_WEEKS && until >= lastEnd(spans)) return until;
  }
}

/** Whether `now` falls in quiet hours. */
export function isQuiet(now: number, quietHours: QuietHours, zone: string): boolean {
  return quietUntil(now, quietHours, zone) > now;
}

/**
 * The instant of a local wall-clock time on the day of `base` (in `zone`); a nonexistent time
 * moves forward by the daylight-saving gap.
 */
export function localInstant(base: DateTime, time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return base.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

// Module-private helpers.

const WEEK_MS = 7 * 24 * 3600_000;
const MAX_WEEKS = 8;

/** The instants of each interval in the week starting on `monday` (local midnight in `zone`). */
function concreteSpans(monday: DateTime, quietHours: QuietHours, zone: string) {
  const spans: Array<[number, number]> = [];
  for (const { from, to } of quietHours) {
    const fromMinutes = (from.day - 1) * 1440 + minutesOf(from.time);
    const toMinutes = (to.day - 1) * 1440 + minutesOf(to.time);
    if (fromMinutes === toMinutes) continue; // An empty interval.
    const start = atWeekTime(monday, from, 0, zone);
    const end = atWeekTime(monday, to, toMinutes < fromMinutes ? 1 : 0, zone);
    spans.push([start, end]);
  }
  return spans;
}

function atWeekTime(monday: DateTime, weekTime: WeekTime, weeksLater: number, zone: string) {
  // Calendar arithmetic in the zone (plus days, not 24 h), then the wall-clock time that day.
  const day = monday.setZone(zone).plus({ weeks: weeksLater, days: weekTime.day - 1 });
  return localInstant(day, weekTime.time);
}

function minutesOf(time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}

function lastEnd(spans: Array<[number, number]>): number {
  return spans.reduce((max, [, end]) => Math.max(max, end), -Infinity);
}
