import type { Notification, PluginManifest, PluginNotifications } from '@preau/sdk';

import type { ExtensionProviders } from './extension-points.js';

/**
 * Builds one plugin's `ctx.notifications`: it checks the type is one the manifest declares (a
 * mistake of the plugin's author, thrown at once), then forwards to the `notifications`
 * provider enabled for the école (the notifications plugin, or a vendor's service) with the
 * caller's id, so a plugin only ever sends its own types. When no provider is enabled there it
 * resolves without doing anything.
 */
export function notificationsFacade(
  manifest: PluginManifest,
  providers: ExtensionProviders,
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
      const service = await providers.providerOf('notifications', notification.ecoleId);
      await service?.notify(manifest.id, notification);
    },
  };
}
