/**
 * What the notifications routes answer (plugins/notifications, see the plugin's README): the
 * shapes the web elements read. Times are milliseconds since the epoch.
 */

/** How a person is told of one type of notification. */
export type Channel = 'in-app' | 'email-immediate' | 'digest-daily' | 'digest-weekly' | 'never';

/** Every channel, in the order the réglages page offers them. */
export const CHANNELS: readonly Channel[] = [
  'in-app',
  'email-immediate',
  'digest-daily',
  'digest-weekly',
  'never',
];

/** The channels a person without e-mail (a pupil) may choose. */
export const CHANNELS_WITHOUT_EMAIL: readonly Channel[] = ['in-app', 'never'];

/** A moment of the week: ISO day (1 = lundi … 7 = dimanche) and wall-clock time `HH:MM`. */
export interface WeekTime {
  day: number;
  time: string;
}

/** A weekly interval; one whose `to` comes before its `from` wraps over Sunday → Monday. */
export interface QuietInterval {
  from: WeekTime;
  to: WeekTime;
}

export type QuietHours = QuietInterval[];

/** One notification of my feed. */
export interface Item {
  id: number;
  pluginId: string;
  pluginName: string;
  type: string;
  typeLabel: string;
  title: string;
  text: string | null;
  url: string;
  createdAt: number;
  readAt: number | null;
  reported: boolean;
}

/** `GET /items`. */
export interface ItemsPage {
  unread: number;
  items: Item[];
  nextBefore: number | null;
}

/** `GET /unread`. */
export interface Unread {
  unread: number;
}

/** One type of notification in my preferences. */
export interface TypePreference {
  pluginId: string;
  pluginName: string;
  type: string;
  label: string;
  description: string | null;
  defaultChannel: Channel;
  channel: Channel;
}

/** `GET /preferences` and `PUT /preferences`. */
export interface Preferences {
  emailAllowed: boolean;
  timeZone: string;
  quietHours: { ecole: QuietHours; mine: QuietHours; extra: QuietHours };
  types: TypePreference[];
}

interface PersonName {
  firstName: string;
  lastName: string;
}

/** One report, as the école's report managers see it. */
export interface Report {
  id: number;
  createdAt: number;
  reason: string;
  reporter: PersonName;
  item: { pluginName: string; typeLabel: string; title: string; text: string | null; url: string };
  handledAt: number | null;
  handledBy: PersonName | null;
}
