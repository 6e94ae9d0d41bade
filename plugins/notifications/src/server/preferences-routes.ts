import { errors, type NotificationChannel, type PluginContext, type PluginUser } from '@preau/sdk';

import { CHANNELS, EMAIL_CHANNELS, ecoleSettings, effectiveChannel, typesFor } from './catalog.js';
import { userOf } from './feed-routes.js';
import { quietHoursSchema, type QuietHours } from './quiet-hours.js';
import type { NotificationStore } from './store.js';

/** At most this many quiet intervals, for the école and for each person. */
export const MAX_QUIET_INTERVALS = 20;

interface PreferencesInput {
  channels?: Array<{ pluginId: string; type: string; channel: NotificationChannel }>;
  extraQuietHours?: QuietHours;
}

/**
 * « Mes notifications »: a channel per type, one's own quiet hours on top of the école's; and
 * the école's quiet hours, for those allowed to set them.
 */
export function registerPreferenceRoutes(ctx: PluginContext, store: NotificationStore): void {
  ctx.route<Record<string, never>, Record<string, never>, undefined>({
    method: 'GET',
    path: '/preferences',
    summary: 'Mes choix de notifications : canal par type, heures de silence',
    handler: async (request) => preferencesOf(ctx, store, userOf(request)),
  });

  ctx.route<Record<string, never>, Record<string, never>, PreferencesInput>({
    method: 'PUT',
    path: '/preferences',
    summary: 'Change mes canaux de notification et mes heures de silence',
    schemas: {
      payload: {
        type: 'object',
        additionalProperties: false,
        properties: {
          channels: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['pluginId', 'type', 'channel'],
              properties: {
                pluginId: { type: 'string', minLength: 1, maxLength: 64 },
                type: { type: 'string', minLength: 1, maxLength: 64 },
                channel: { type: 'string', enum: [...CHANNELS] },
              },
            },
          },
          extraQuietHours: quietHoursSchema(MAX_QUIET_INTERVALS),
        },
      },
    },
    handler: async (request) => {
      const user = userOf(request);
      const { channels = [], extraQuietHours } = request.payload ?? {};
      const available = await typesFor(ctx, user);
      for (const choice of channels) {
        if (!available.some((t) => t.pluginId === choice.pluginId && t.id === choice.type)) {
          throw errors.badRequest(
            `channels : type de notification inconnu « ${choice.pluginId}/${choice.type} » ` +
              '(il n’existe pas, ou son service n’est pas activé pour votre école).',
          );
        }
        if (isPupil(user) && EMAIL_CHANNELS.has(choice.channel)) {
          throw errors.badRequest(
            'Les élèves ne reçoivent pas d’e-mail : choisissez « Dans Préau » ou « Jamais ».',
          );
        }
      }
      await ctx.db.transaction(async (trx) => {
        await store.setChannels(trx, user.ecoleId, user.personId, channels);
      });
      if (extraQuietHours) await store.setQuietHours(user.ecoleId, user.personId, extraQuietHours);
      return preferencesOf(ctx, store, user);
    },
  });

  ctx.route<Record<string, never>, Record<string, never>, undefined>({
    method: 'GET',
    path: '/ecole/quiet-hours',
    summary: 'Les heures de silence de l’école',
    permission: 'notifications.quiet-hours.write',
    handler: async (request) => ({
      quietHours: await store.ecoleQuietHours(userOf(request).ecoleId),
    }),
  });

  ctx.route<Record<string, never>, Record<string, never>, { quietHours: QuietHours }>({
    method: 'PUT',
    path: '/ecole/quiet-hours',
    summary: 'Règle les heures de silence de l’école',
    permission: 'notifications.quiet-hours.write',
    schemas: {
      payload: {
        type: 'object',
        additionalProperties: false,
        required: ['quietHours'],
        properties: { quietHours: quietHoursSchema(MAX_QUIET_INTERVALS) },
      },
    },
    handler: async (request) => {
      const { ecoleId } = userOf(request);
      await store.setQuietHours(ecoleId, null, request.payload.quietHours);
      return { quietHours: await store.ecoleQuietHours(ecoleId) };
    },
  });
}

// Module-private helpers.

function isPupil(user: PluginUser): boolean {
  return user.profile === 'ELV';
}

async function preferencesOf(ctx: PluginContext, store: NotificationStore, user: PluginUser) {
  const pupil = isPupil(user);
  const [types, chosen, ecole, extra, settings] = await Promise.all([
    typesFor(ctx, user),
    store.preferencesOf(user.ecoleId, user.personId),
    store.ecoleQuietHours(user.ecoleId),
    store.extraQuietHours(user.ecoleId, user.personId),
    ecoleSettings(ctx, user.ecoleId),
  ]);
  return {
    emailAllowed: !pupil,
    timeZone: settings.timeZone,
    quietHours: { ecole, mine: [...ecole, ...extra], extra },
    types: types.map((type) => ({
      pluginId: type.pluginId,
      pluginName: type.pluginName,
      type: type.id,
      label: type.label.fr,
      description: type.description?.fr ?? null,
      defaultChannel: effectiveChannel(type.defaultChannel, pupil),
      channel: effectiveChannel(
        chosen.get(`${type.pluginId}/${type.id}`) ?? type.defaultChannel,
        pupil,
      ),
    })),
  };
}
