import type { CoreContext } from '../context.js';
import { LoginThrottle } from '../identity/throttle.js';
import type { SessionStore } from '../identity/sessions.js';

/** Core's purge runs every hour: expired rows only cost space, never correctness. */
export const CORE_PURGE_EVERY_MS = 3_600_000;

/**
 * Registers `core/purge`: deletes sessions past their absolute expiry or idle past the limit
 * (both already refused at login time, see identity/sessions.ts) and login-throttle rows with
 * no lock in force and no failure in the window (identity/throttle.ts).
 *
 * @example
 * ```ts
 * registerCorePurge(ctx, services.sessions);
 * ```
 */
export function registerCorePurge(ctx: CoreContext, sessions: SessionStore): void {
  const throttle = new LoginThrottle(ctx);
  ctx.jobs.register('core', { id: 'purge', everyMs: CORE_PURGE_EVERY_MS }, async (now) => {
    const expired = await sessions.purgeExpired();
    // Same rule as SessionStore.find: unused for idleMinutes, the session is over.
    const idle = await ctx
      .knex('sessions')
      .where('last_seen_at', '<=', now - ctx.config.sessions.idleMinutes * 60_000)
      .delete();
    const throttleRows = await throttle.purgeStale();
    ctx.log.debug({ expired, idle, throttleRows }, 'Purge des sessions et compteurs terminée');
  });
}
