import { isUniqueViolation } from '@preau/sdk';
import type { Knex } from 'knex';

import type { CoreContext } from '../context.js';

/** One key's counters, as stored in `login_throttle`. */
export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

/** The limits one kind of key is held to, in milliseconds. */
export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** The longest a lock of this key may last, however many times it has doubled. */
  maxLockMs: number;
}

/**
 * What a key counts: a trusted browser's own attempts on one login (`device`), every untrusted
 * attempt on a login (`login`), untrusted attempts on a login from one address (`login-ip`),
 * untrusted attempts from one address on any login (`ip`).
 */
export type ThrottleScope = 'device' | 'login' | 'login-ip' | 'ip';

/** A lock in force: until when, and which counter holds it. */
export interface ThrottleLock {
  scope: ThrottleScope;
  lockedUntil: number;
  retryAfterSeconds: number;
}

/**
 * One login attempt as the throttle sees it. `deviceId` is set when the browser presented a
 * valid device cookie for this login (device-cookie.ts): the attempt is then trusted.
 */
export interface LoginAttempt {
  login: string;
  ip: string | null;
  deviceId: string | null;
}

/**
 * The state after one more failure. Failures count within a fixed window from the first one;
 * every `maxFailures`-th failure locks the key, each lock of a streak twice as long as the one
 * before, up to `maxLockMs`. The next window opens when a lock ends, so an attacker who resumes
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
    const lockMs = Math.min(limits.lockMs * 2 ** (streak - 1), limits.maxLockMs);
    next.lockedUntil = now + lockMs;
    next.windowStartedAt = next.lockedUntil;
  }
  return next;
}

/**
 * Login throttling, kept in the database so it holds across restarts and instances. A trusted
 * attempt (valid device cookie) is counted and checked on its device's key alone, so strangers'
 * failures never reach it. An untrusted one is counted on the login, the login from this
 * address and the address; the login's own lock never doubles (a stranger can delay a person's
 * first login on a new browser by one window at most, not for hours). Unknown logins are
 * counted like known ones, so a lock reveals nothing about which accounts exist.
 */
export class LoginThrottle {
  constructor(private readonly ctx: CoreContext) {}

  /** The longest lock in force on any counter of this attempt, or null. */
  async lockOf(attempt: LoginAttempt): Promise<ThrottleLock | null> {
    const now = this.ctx.clock.now();
    const counters = this.countersOf(attempt);
    const rows: Array<{ key: string; locked_until: number | string }> = await this.ctx
      .knex('login_throttle')
      .whereIn(
        'key',
        counters.map((counter) => counter.key),
      )
      .andWhere('locked_until', '>', now)
      .select('key', 'locked_until');
    let lock: ThrottleLock | null = null;
    for (const row of rows) {
      const lockedUntil = Number(row.locked_until);
      if (lock && lock.lockedUntil >= lockedUntil) continue;
      lock = {
        scope: counters.find((counter) => counter.key === row.key)?.scope ?? 'login',
        lockedUntil,
        retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)),
      };
    }
    return lock;
  }

  /** Counts a failed attempt against each of its counters, in one transaction. */
  async recordFailure(attempt: LoginAttempt): Promise<void> {
    const counters = this.countersOf(attempt);
    // Two first failures at once may both try to insert the same key: the loser retries and
    // then finds the row to update.
    for (let retry = 1; ; retry++) {
      try {
        await this.ctx.knex.transaction(async (trx) => {
          for (const { key, limits } of counters) await this.bump(trx, key, limits);
        });
        return;
      } catch (error) {
        if (retry >= 3 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /**
   * A successful login forgets the failures of the login (and, trusted, of its device); the
   * address's stay counted, since other logins may be being guessed from it.
   */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    const keys = this.countersOf(attempt)
      .filter((counter) => counter.scope !== 'ip')
      .map((counter) => counter.key);
    await this.ctx.knex('login_throttle').whereIn('key', keys).delete();
  }

  /** Deletes rows with no lock in force and no failure within the window; run now and then. */
  async purgeStale(): Promise<number> {
    const now = this.ctx.clock.now();
    const windowStart = now - this.ctx.config.throttle.windowMinutes * 60_000;
    return this.ctx
      .knex('login_throttle')
      .where('window_started_at', '<', windowStart)
      .andWhere((q) => {
        q.whereNull('locked_until').orWhere('locked_until', '<=', now);
      })
      .delete();
  }

  private countersOf(attempt: LoginAttempt): ThrottleCounter[] {
    const { throttle } = this.ctx.config;
    const windowMs = throttle.windowMinutes * 60_000;
    const lockMs = throttle.lockMinutes * 60_000;
    const maxLockMs = Math.max(lockMs, throttle.maxLockMinutes * 60_000);
    const limits = (maxFailures: number, doubling = true): ThrottleLimits => ({
      maxFailures,
      windowMs,
      lockMs,
      maxLockMs: doubling ? maxLockMs : lockMs,
    });
    if (attempt.deviceId) {
      return [
        {
          scope: 'device',
          key: deviceKey(attempt.deviceId),
          limits: limits(throttle.maxFailuresPerDevice),
        },
      ];
    }
    const counters: ThrottleCounter[] = [
      {
        scope: 'login',
        key: loginKey(attempt.login),
        limits: limits(throttle.maxFailuresPerLogin, false),
      },
    ];
    if (attempt.ip) {
      counters.push(
        {
          scope: 'login-ip',
          key: loginIpKey(attempt.login, attempt.ip),
          limits: limits(throttle.maxFailuresPerLoginAndIp),
        },
        { scope: 'ip', key: ipKey(attempt.ip), limits: limits(throttle.maxFailuresPerIp) },
      );
    }
    return counters;
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

/** The throttle key of a login's untrusted attempts: lowercased, like the stored logins. */
export function loginKey(login: string): string {
  return `login:${login.toLowerCase()}`.slice(0, 160);
}

/** The key of untrusted attempts on one login from one address (a login is at most 80). */
export function loginIpKey(login: string, ip: string): string {
  return `login-ip:${ip}|${login.toLowerCase()}`.slice(0, 160);
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** The key of one trusted browser's attempts on the login its device note names. */
export function deviceKey(deviceId: string): string {
  return `device:${deviceId}`;
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

/** One counter an attempt is checked and counted against. */
interface ThrottleCounter {
  scope: ThrottleScope;
  key: string;
  limits: ThrottleLimits;
}
