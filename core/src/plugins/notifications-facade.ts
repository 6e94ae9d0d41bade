import {
  NOTIFICATIONS_PLUGIN_ID,
  type Notification,
  type NotificationService,
  type PluginManifest,
  type PluginNotifications,
} from '@preau/sdk';

/** What `ctx.notifications` needs from the host, looked up at each call. */
export interface NotificationsFacadeHost {
  /** The service the notifications plugin provided, if it started. */
  notificationService(): NotificationService | undefined;
  /** The plugins enabled for an école. */
  enabledFor(ecoleId: number): Promise<ReadonlySet<string>>;
}

/**
 * Builds one plugin's `ctx.notifications`: it checks the type is one the manifest declares (a
 * mistake of the plugin's author, thrown at once), then forwards to the notifications plugin
 * with the caller's id, so a plugin only ever sends its own types. When notifications is not
 * started or not enabled for the école it resolves without doing anything.
 */
export function notificationsFacade(
  manifest: PluginManifest,
  host: NotificationsFacadeHost,
): PluginNotifications {
  const types = new Set((manifest.notificationTypes ?? []).map((type) => type.id));
  return {
    async notify(notification: Notification) {
      if (!types.has(notification.type)) {
        throw new Error(
          `ctx.notifications : le manifeste de « ${manifest.id} » ne déclare pas de ` +
            `notificationTypes « ${notification.type} »`,
        );
      }
      const service = host.notificationService();
      if (!service) return;
      if (!(await host.enabledFor(notification.ecoleId)).has(NOTIFICATIONS_PLUGIN_ID)) return;
      await service.notify(manifest.id, notification);
    },
  };
}
