import type { Audience } from './audience.js';

/**
 * Something that happened in a plugin, told to the people of an audience through the
 * notifications plugin: in their « Quoi de neuf ? » feed and bell, by e-mail or in a digest, as
 * each of them chose for its `type`, never during their quiet hours.
 *
 * @example
 * ```ts
 * await ctx.notifications.notify({
 *   ecoleId: ecole.id,
 *   type: 'menu-publie',
 *   audience: 'ecole',
 *   title: 'Menus de la semaine du 7 septembre',
 *   text: 'Lundi : carottes râpées, hachis parmentier, yaourt…',
 *   url: '/apps/menu-cantine/semaine?du=2026-09-07',
 *   actorPersonId: user.personId,
 * });
 * ```
 */
export interface Notification {
  ecoleId: number;
  /** The id of one of the manifest's `notificationTypes`. */
  type: string;
  audience: Audience;
  /** One line, plain text (1 to 200 characters). */
  title: string;
  /** A few lines of plain text (at most 1,000 characters). */
  text?: string;
  /** Where the portal shows what happened: a path starting with `/`. */
  url: string;
  /** Who did it: never notified of their own action. */
  actorPersonId?: number;
}

/**
 * What a plugin uses to notify (`ctx.notifications`). It forwards to the notifications plugin,
 * and quietly does nothing when that plugin is not installed or not enabled for the école: a
 * plugin calls it without checking.
 *
 * @example
 * ```ts
 * await ctx.notifications.notify({ ecoleId, type: 'menu-publie', audience: 'ecole', title, url });
 * ```
 */
export interface PluginNotifications {
  notify(notification: Notification): Promise<void>;
}

/**
 * The service a provider of the `notifications` extension point (`"provides":
 * ["notifications"]`: the notifications plugin, or a vendor's service) gives with
 * `ctx.provide()`; core's `ctx.notifications` of an école forwards to the provider enabled
 * there, naming the plugin the notification comes from.
 *
 * @example
 * ```ts
 * ctx.provide<NotificationService>({ notify: async (pluginId, notification) => … });
 * ```
 */
export interface NotificationService {
  notify(pluginId: string, notification: Notification): Promise<void>;
}
