import type {
  NotificationChannel,
  NotificationTypeManifest,
  PluginContext,
  PluginUser,
} from '@preau/sdk';

import { DEFAULT_TIME_ZONE, validTimeZone } from './quiet-hours.js';

/** Every channel, in the order the settings page lists them. */
export const CHANNELS: readonly NotificationChannel[] = [
  'in-app',
  'email-immediate',
  'digest-daily',
  'digest-weekly',
  'never',
];

/** Channels that send e-mail: pupils never get them (they count as in-app). */
export const EMAIL_CHANNELS: ReadonlySet<NotificationChannel> = new Set([
  'email-immediate',
  'digest-daily',
  'digest-weekly',
]);

/** A notification type of an enabled plugin, with the plugin's name. */
export interface CatalogType extends NotificationTypeManifest {
  pluginId: string;
  pluginName: string;
}

/**
 * The notification types the plugins enabled for an école declare in their manifests (read
 * through `ctx.plugins`, which gives manifests' data and nothing else).
 */
export async function typesOf(ctx: PluginContext, ecoleId: number): Promise<CatalogType[]> {
  const plugins = await ctx.plugins.enabledFor(ecoleId);
  return plugins.flatMap((plugin) =>
    (plugin.notificationTypes ?? []).map((type) => ({
      ...type,
      pluginId: plugin.id,
      pluginName: plugin.name.fr,
    })),
  );
}

/** The types a person acting in their école may receive: those whose permission they hold. */
export async function typesFor(ctx: PluginContext, user: PluginUser): Promise<CatalogType[]> {
  const all = await typesOf(ctx, user.ecoleId);
  const allowed = await Promise.all(
    all.map((type) =>
      type.permission ? ctx.rights.has(user, type.permission) : Promise.resolve(true),
    ),
  );
  return all.filter((_, index) => allowed[index]);
}

/** What the channel really does for a person: e-mail channels are in-app for a pupil. */
export function effectiveChannel(
  channel: NotificationChannel,
  isPupil: boolean,
): NotificationChannel {
  return isPupil && EMAIL_CHANNELS.has(channel) ? 'in-app' : channel;
}

/** The école's settings this plugin uses, with the manifest's defaults. */
export interface EcoleSettings {
  timeZone: string;
  digestTime: string;
}

/** The settings in force for an école; a value of the wrong shape falls back to the default. */
export async function ecoleSettings(ctx: PluginContext, ecoleId: number): Promise<EcoleSettings> {
  const raw = await ctx.settings.forEcole<Partial<Record<keyof EcoleSettings, unknown>>>(ecoleId);
  const digestTime =
    typeof raw?.digestTime === 'string' && /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(raw.digestTime)
      ? raw.digestTime
      : '17:30';
  return { timeZone: validTimeZone(raw?.timeZone ?? DEFAULT_TIME_ZONE), digestTime };
}
