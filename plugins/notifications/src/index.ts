import { definePlugin, readManifest } from '@preau/sdk';

import { Delivery } from './server/delivery.js';
import { registerFeedRoutes } from './server/feed-routes.js';
import { livePusher } from './server/live.js';
import { migrations } from './server/migrations.js';
import { notificationService } from './server/notifier.js';
import { registerPreferenceRoutes } from './server/preferences-routes.js';
import { privacyHooks } from './server/privacy.js';
import { registerReportRoutes } from './server/reports-routes.js';
import { NotificationStore } from './server/store.js';
import { registerUnsubscribeRoutes } from './server/unsubscribe-routes.js';

export { Delivery, latestSlot, type DeliveryReport } from './server/delivery.js';
export {
  DEFAULT_QUIET_HOURS,
  isQuiet,
  quietUntil,
  type QuietHours,
  type QuietInterval,
  type WeekTime,
} from './server/quiet-hours.js';

/** How often the delivery job runs, and the purge. */
const DELIVER_EVERY_MS = 60_000;
const PURGE_EVERY_MS = 24 * 3600_000;

/**
 * The « Notifications » plugin: the service `ctx.notifications` forwards to, the feed
 * « Quoi de neuf ? » and the bell, each person's channels and quiet hours, e-mails and digests
 * sent by a job, and reports of inappropriate items to the école's managers.
 */
export default definePlugin({
  manifest: readManifest(import.meta.url, '../../manifest.json'),
  migrations,
  register(ctx) {
    const store = new NotificationStore(ctx.db);
    const live = livePusher(ctx, store);
    const service = notificationService(ctx, store, live);
    ctx.provide(service);
    const delivery = new Delivery(ctx, store, live);
    ctx.jobs.every({ id: 'deliver', everyMs: DELIVER_EVERY_MS }, async (now) => {
      await delivery.deliverDue(now);
    });
    ctx.jobs.every({ id: 'purge', everyMs: PURGE_EVERY_MS }, (now) => delivery.purge(now));
    registerFeedRoutes(ctx, store, live, service);
    registerPreferenceRoutes(ctx, store);
    registerReportRoutes(ctx);
    registerUnsubscribeRoutes(ctx, store);
    ctx.widgetData('quoi-de-neuf', async ({ user }) => ({
      unread: await store.unread(user.ecoleId, user.personId, ctx.now()),
      ...(await store.feed(user.ecoleId, user.personId, ctx.now(), undefined, 5)),
    }));
  },
  hooks: (ctx) => privacyHooks(ctx.db),
});
