import type {
  AudienceMember,
  Notification,
  NotificationService,
  PluginContext,
  Profile,
} from '@preau/sdk';

import { EMAIL_CHANNELS, ecoleSettings, effectiveChannel, typesOf } from './catalog.js';
import type { LivePusher } from './live.js';
import { quietUntil } from './quiet-hours.js';
import type { NewInboxRow, NotificationStore } from './store.js';

/**
 * The service `ctx.notifications` of every plugin forwards to (and this plugin's own reports
 * use directly): chooses the recipients, holds the item for those in quiet hours, and tells at
 * once, live, those who may see it now. E-mails are left to the delivery job.
 */
export function notificationService(
  ctx: PluginContext,
  store: NotificationStore,
  live: LivePusher,
): NotificationService {
  return {
    async notify(pluginId, notification) {
      checkNotification(pluginId, notification);
      const { ecoleId } = notification;
      const type = (await typesOf(ctx, ecoleId)).find(
        (candidate) => candidate.pluginId === pluginId && candidate.id === notification.type,
      );
      if (!type) {
        // The facade checked the manifest: the plugin is simply not enabled for this école.
        ctx.log.warn({ pluginId, type: notification.type, ecoleId }, 'Type de notification absent');
        return;
      }
      const now = ctx.now();
      const members = (await ctx.directory.audienceOf(ecoleId, notification.audience)).filter(
        (member) => member.personId !== notification.actorPersonId,
      );
      const allowed = await withPermission(ctx, ecoleId, members, type.permission);
      const personIds = allowed.map((member) => member.personId);
      const chosen = await store.chosenChannels(ecoleId, personIds, pluginId, type.id);
      const { timeZone } = await ecoleSettings(ctx, ecoleId);
      const ecoleQuiet = await store.ecoleQuietHours(ecoleId);
      const extras = await store.extraQuietHoursOf(ecoleId, personIds);
      const recipients: NewInboxRow[] = [];
      for (const member of allowed) {
        const channel = effectiveChannel(
          chosen.get(member.personId) ?? type.defaultChannel,
          member.profiles.includes('ELV'),
        );
        if (channel === 'never') continue;
        const quiet = [...ecoleQuiet, ...(extras.get(member.personId) ?? [])];
        recipients.push({
          personId: member.personId,
          channel,
          visibleAt: quietUntil(now, quiet, timeZone),
          emailState: EMAIL_CHANNELS.has(channel) ? 'pending' : null,
        });
      }
      const itemId = await store.addItem(
        {
          ecoleId,
          pluginId,
          pluginName: type.pluginName,
          type: type.id,
          typeLabel: type.label.fr,
          title: notification.title,
          text: notification.text ?? null,
          url: notification.url,
          actorId: notification.actorPersonId ?? null,
          createdAt: now,
        },
        recipients,
      );
      if (itemId !== null) await live.pushVisible(now, itemId);
    },
  };
}

// Module-private helpers.

/** A notification a plugin's author got wrong: thrown at once, like the facade does. */
function checkNotification(pluginId: string, notification: Notification): void {
  const problem = (what: string) => new Error(`ctx.notifications (« ${pluginId} ») : ${what}`);
  if (!Number.isSafeInteger(notification.ecoleId) || notification.ecoleId <= 0) {
    throw problem('ecoleId doit être l’identifiant d’une école');
  }
  const title = notification.title;
  if (typeof title !== 'string' || title.trim().length === 0 || title.length > 200) {
    throw problem('title doit faire de 1 à 200 caractères');
  }
  if (notification.text !== undefined) {
    if (typeof notification.text !== 'string' || notification.text.length > 1000) {
      throw problem('text doit faire au plus 1 000 caractères');
    }
  }
  const url = notification.url;
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//') || url.length > 500) {
    throw problem('url doit être un chemin du portail commençant par « / »');
  }
}

/** The members who hold `permission` through one of their profiles in the école. */
async function withPermission(
  ctx: PluginContext,
  ecoleId: number,
  members: AudienceMember[],
  permission: string | undefined,
): Promise<AudienceMember[]> {
  if (!permission) return members;
  // Grants depend on the école and the profile only: one check per profile.
  const byProfile = new Map<Profile, Promise<boolean>>();
  const holds = (personId: number, profile: Profile) => {
    let answer = byProfile.get(profile);
    if (!answer) {
      answer = ctx.rights.has({ personId, ecoleId, profile }, permission);
      byProfile.set(profile, answer);
    }
    return answer;
  };
  const kept: AudienceMember[] = [];
  for (const member of members) {
    for (const profile of member.profiles) {
      if (await holds(member.personId, profile)) {
        kept.push(member);
        break;
      }
    }
  }
  return kept;
}
