import { randomBytes } from 'node:crypto';

import Boom from '@hapi/boom';

import type { CoreContext } from '../context.js';
import { accountByLogin, membershipsOfPerson, type AccountRecord } from '../directory/queries.js';
import type { DeviceCookies } from './device-cookie.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import {
  describeWait,
  type LoginAttempt,
  type LoginThrottle,
  type ThrottleLock,
  type ThrottleScope,
} from './throttle.js';

/** The one answer to every failed login: it must not tell which part was wrong. */
export const LOGIN_FAILED_MESSAGE = 'Identifiant ou mot de passe incorrect.';

/** Where a login attempt comes from, for throttling and the audit log. */
export interface LoginOrigin {
  ip: string | null;
  userAgent: string | null;
  /** The device cookie the browser sent, if any (device-cookie.ts). */
  deviceCookie?: string;
}

/** A successful login: the cookie token and the context the session opened in. */
export interface OpenedSession {
  token: string;
  personId: number;
  ecoleId: number | null;
  profile: string | null;
  /** The device cookie to send back: this browser is now trusted for this login. */
  deviceCookie: string;
}

/**
 * Password login. Unknown logins, wrong passwords, never-activated and blocked accounts all get
 * the same 401 after the same argon2 work, so neither the answer nor its timing tells whether
 * an account exists; the audit log keeps the real reason.
 */
export class LoginService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly devices: DeviceCookies,
  ) {}

  /** Logs in or throws: 429 while throttled, 401 for any failure. */
  async login(login: string, password: string, origin: LoginOrigin): Promise<OpenedSession> {
    const normalised = normaliseLogin(login);
    const attempt: LoginAttempt = {
      login: normalised,
      ip: origin.ip,
      deviceId: await this.devices.deviceFor(origin.deviceCookie, normalised),
    };
    const [lock, account] = await Promise.all([
      this.throttle.lockOf(attempt),
      this.account(normalised),
    ]);
    if (lock) {
      await this.ctx.audit.record({
        action: 'login.throttled',
        actorId: account?.personId ?? null,
        target: normalised,
        ip: origin.ip,
        details: {
          scope: lock.scope,
          retryAfterSeconds: lock.retryAfterSeconds,
          trustedDevice: attempt.deviceId !== null,
        },
      });
      throw throttled(lock);
    }
    const valid = await verifyPassword(account?.passwordHash ?? (await this.dummy()), password);
    const reason = !account
      ? 'unknown-login'
      : !account.passwordHash
        ? 'not-activated'
        : !valid
          ? 'wrong-password'
          : account.blockedAt !== null
            ? 'blocked'
            : null;
    if (reason || !account) {
      await this.throttle.recordFailure(attempt);
      await this.ctx.audit.record({
        action: 'login.failed',
        actorId: account?.personId ?? null,
        target: normalised,
        ip: origin.ip,
        details: { reason, trustedDevice: attempt.deviceId !== null },
      });
      throw Boom.unauthorized(LOGIN_FAILED_MESSAGE);
    }

    await this.throttle.recordSuccess(attempt);
    const personId = account.personId;
    // A login lands in the person's oldest membership; the portal offers to switch.
    const [first] = await membershipsOfPerson(this.ctx.sql, personId);
    const ecoleId = first?.ecoleId ?? null;
    const profile = first?.profile ?? null;
    const { token } = await this.sessions.open({
      personId,
      ecoleId,
      profile,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    await this.ctx.audit.record({
      action: 'login.succeeded',
      actorId: personId,
      ecoleId,
      target: normalised,
      ip: origin.ip,
      details: { trustedDevice: attempt.deviceId !== null },
    });
    const deviceCookie = await this.devices.issue(origin.deviceCookie, normalised);
    return { token, personId, ecoleId, profile, deviceCookie };
  }

  private account(login: string): Promise<AccountRecord | undefined> {
    return accountByLogin(this.ctx.sql, login);
  }

  /** A hash of a random password, verified in place of a missing one to spend the same time. */
  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
    return this.dummyHash;
  }
}

/** Logins are stored lowercased; people type them as they like. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

/** The 429 a throttled attempt gets, with `Retry-After` in seconds. */
export function throttled(lock: ThrottleLock): Boom.Boom {
  const error = Boom.tooManyRequests(
    `Trop de tentatives de connexion ${internals.where[lock.scope]}. ` +
      `Réessayez dans ${describeWait(lock.retryAfterSeconds)}.` +
      // Only the login's own counter is shared by everyone: tell the person the way around it.
      (lock.scope === 'login'
        ? ' Depuis un appareil où vous vous êtes déjà connecté, la connexion reste possible.'
        : ''),
  );
  error.output.headers['Retry-After'] = String(lock.retryAfterSeconds);
  return error;
}

const internals = {
  where: {
    device: 'depuis cet appareil',
    login: 'pour cet identifiant',
    'login-ip': 'pour cet identifiant depuis cette adresse',
    ip: 'depuis cette adresse',
  } satisfies Record<ThrottleScope, string>,
};
