import type { Knex } from 'knex';

import type { CoreContext } from '../context.js';
import { isUniqueViolation } from '../directory/unique-violation.js';

/** One key's counters, as stored in `login_throttle`. */
export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

/** The limits one kind of key (login or address) is held to, in milliseconds. */
export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** A lock in force: until when, and whether it holds the account or the address. */
export interface ThrottleLock {
  scope: 'login' | 'ip';
  lockedUntil: number;
  retryAfterSeconds: number;
}

/** The longest a lock may last, however many times it has doubled. */
export const MAX_LOCK_MS = 24 * 3_600_000;

/**
 * The state after one more failure. Failures count within a fixed window from the first one;
 * every `maxFailures`-th failure locks the key, each lock of a streak twice as long as the one
 * before (capped at 24 h). The next window opens when a lock ends, so an attacker who resumes
 * right after a lock meets a longer one; a full window without failures forgets the streak.
 */
export function afterFailure(
  state: ThrottleState | undefined,
  now: number,
  limits: ThrottleLimits,
): ThrottleState {
  if (state?.lockedUntil && state.lockedUntil > now) return state;
  const next: ThrottleState =
    !state || now - state.windowStartedAt >= limits.windowMs
      ? { failures: 1, windowStartedAt: now, lockedUntil: null }
      : { ...state, failures: state.failures + 1 };
  if (next.failures % limits.maxFailures === 0) {
    const streak = next.failures / limits.maxFailures;
    const lockMs = Math.min(limits.lockMs * 2 ** (streak - 1), MAX_LOCK_MS);
    next.lockedUntil = now + lockMs;
    next.windowStartedAt = next.lockedUntil;
  }
  return next;
}

/**
 * Login throttling, kept in the database so it holds across restarts and instances: per login
 * (`login:<login>`) and per address (`ip:<address>`). Unknown logins are counted like known
 * ones, so a lock reveals nothing about which accounts exist.
 */
export class LoginThrottle {
  constructor(private readonly ctx: CoreContext) {}

  /** The lock in force on this login or this address (the longer one), or null. */
  async lockOf(login: string, ip: string | null): Promise<ThrottleLock | null> {
    const now = this.ctx.clock.now();
    const keys = ip ? [loginKey(login), ipKey(ip)] : [loginKey(login)];
    const rows: Array<{ key: string; locked_until: number | string }> = await this.ctx
      .knex('login_throttle')
      .whereIn('key', keys)
      .andWhere('locked_until', '>', now)
      .select('key', 'locked_until');
    let lock: ThrottleLock | null = null;
    for (const row of rows) {
      const lockedUntil = Number(row.locked_until);
      if (lock && lock.lockedUntil >= lockedUntil) continue;
      lock = {
        scope: row.key.startsWith('ip:') ? 'ip' : 'login',
        lockedUntil,
        retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)),
      };
    }
    return lock;
  }

  /** Counts a failed attempt against the login and the address, in one transaction. */
  async recordFailure(login: string, ip: string | null): Promise<void> {
    const { throttle } = this.ctx.config;
    const common = {
      windowMs: throttle.windowMinutes * 60_000,
      lockMs: throttle.lockMinutes * 60_000,
    };
    const updates: Array<[string, ThrottleLimits]> = [
      [loginKey(login), { ...common, maxFailures: throttle.maxFailuresPerLogin }],
    ];
    if (ip) updates.push([ipKey(ip), { ...common, maxFailures: throttle.maxFailuresPerIp }]);
    // Two first failures at once may both try to insert the same key: the loser retries and
    // then finds the row to update.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ctx.knex.transaction(async (trx) => {
          for (const [key, limits] of updates) await this.bump(trx, key, limits);
        });
        return;
      } catch (error) {
        if (attempt >= 3 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /** A successful login forgets the login's failures (the address's stay counted). */
  async recordSuccess(login: string): Promise<void> {
    await this.ctx.knex('login_throttle').where('key', loginKey(login)).delete();
  }

  /** Deletes rows with no lock in force and no failure within the window; run now and then. */
  async purgeStale(): Promise<number> {
    const now = this.ctx.clock.now();
    const windowStart = now - this.ctx.config.throttle.windowMinutes * 60_000;
    return this.ctx
      .knex('login_throttle')
      .where('window_started_at', '<', windowStart)
      .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', now))
      .delete();
  }

  private async bump(trx: Knex.Transaction, key: string, limits: ThrottleLimits): Promise<void> {
    let query = trx('login_throttle')
      .where('key', key)
      .first('failures', 'window_started_at', 'locked_until');
    // SQLite has one writer at a time already; MariaDB needs the row locked for the update.
    if (this.ctx.sql.engine === 'mysql') query = query.forUpdate();
    const row = (await query) as
      | {
          failures: number;
          window_started_at: number | string;
          locked_until: number | string | null;
        }
      | undefined;
    const before = row && {
      failures: Number(row.failures),
      windowStartedAt: Number(row.window_started_at),
      lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    };
    const after = afterFailure(before, this.ctx.clock.now(), limits);
    const values = {
      failures: after.failures,
      window_started_at: after.windowStartedAt,
      locked_until: after.lockedUntil,
    };
    if (before) await trx('login_throttle').where('key', key).update(values);
    else await trx('login_throttle').insert({ key, ...values });
  }
}

/** The throttle key of a login: lowercased, like the stored logins. */
export function loginKey(login: string): string {
  return `login:${login.toLowerCase()}`.slice(0, 160);
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** « 15 minutes », « 1 h 30 »: how long until a lock lifts, for the person who meets it. */
export function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return 'une minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}
