import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Server } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import type { ServerSecrets } from './server-secrets.js';

/**
 * Device cookies: after a successful login, the browser receives a signed note « this browser
 * has logged in as <login> ». Later attempts on that login presenting the note are throttled on
 * the device's own budget, never by strangers' failures, so nobody can lock a person out of the
 * browsers they already use (see ADR 0014).
 *
 * One cookie holds several notes (a classroom computer serves a whole class), each
 * `<issued-at base36>.<nonce>.<HMAC>`, joined by `~`. The login is inside the HMAC only, so the
 * cookie does not show who used the browser.
 */

/** How long a device stays trusted after its last successful login. */
export const DEVICE_TRUST_DAYS = 180;

/** The most logins one browser remembers; the oldest are dropped first. */
export const MAX_DEVICE_ENTRIES = 30;

/** The device cookie's name, next to the session cookie's. */
export function deviceCookieName(ctx: CoreContext): string {
  return `${ctx.config.sessions.cookieName}_appareil`;
}

/** Registers the device cookie: httpOnly, sent to the API only, Secure like the session's. */
export function registerDeviceCookie(server: Server, ctx: CoreContext): void {
  server.state(deviceCookieName(ctx), {
    isHttpOnly: true,
    isSameSite: 'Lax',
    isSecure: ctx.config.sessions.secureCookie,
    path: '/api',
    ttl: DEVICE_TRUST_DAYS * internals.dayMs,
    encoding: 'none',
    strictHeader: true,
    ignoreErrors: true,
    clearInvalid: true,
  });
}

/** Signs and checks device notes with the server secret `device-cookie`. */
export class DeviceCookies {
  constructor(
    private readonly ctx: CoreContext,
    private readonly secrets: ServerSecrets,
  ) {}

  /**
   * The device id (the note's nonce) when `cookie` holds a valid, unexpired note for `login`,
   * otherwise null: forged, expired or someone else's notes make the attempt untrusted.
   */
  async deviceFor(cookie: string | undefined, login: string): Promise<string | null> {
    if (!cookie) return null;
    const key = await this.key();
    const now = this.ctx.clock.now();
    for (const note of internals.parse(cookie)) {
      if (internals.isExpired(note, now)) continue;
      if (internals.verify(key, login, note)) return note.nonce;
    }
    return null;
  }

  /** The cookie value after a successful login: a fresh note for `login` first, then the others. */
  async issue(cookie: string | undefined, login: string): Promise<string> {
    const key = await this.key();
    const now = this.ctx.clock.now();
    const kept = internals
      .parse(cookie ?? '')
      .filter((note) => !internals.isExpired(note, now) && !internals.verify(key, login, note));
    const issuedAt = Math.floor(now / 1000).toString(36);
    const nonce = randomBytes(12).toString('base64url');
    const fresh = { issuedAt, nonce, mac: internals.mac(key, login, issuedAt, nonce) };
    return [fresh, ...kept]
      .slice(0, MAX_DEVICE_ENTRIES)
      .map((note) => `${note.issuedAt}.${note.nonce}.${note.mac}`)
      .join('~');
  }

  private key(): Promise<Buffer> {
    return this.secrets.get('device-cookie');
  }
}

interface DeviceNote {
  issuedAt: string;
  nonce: string;
  mac: string;
}

const internals = {
  dayMs: 24 * 3_600_000,

  parse(cookie: string): DeviceNote[] {
    const notes: DeviceNote[] = [];
    // Never more notes than a genuine cookie holds: a crafted one cannot make us hash at length.
    for (const part of cookie.split('~').slice(0, MAX_DEVICE_ENTRIES)) {
      const match = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/.exec(part);
      if (match) notes.push({ issuedAt: match[1]!, nonce: match[2]!, mac: match[3]! });
    }
    return notes;
  },

  isExpired(note: DeviceNote, now: number): boolean {
    return parseInt(note.issuedAt, 36) * 1000 + DEVICE_TRUST_DAYS * internals.dayMs <= now;
  },

  mac(key: Buffer, login: string, issuedAt: string, nonce: string): string {
    return createHmac('sha256', key)
      .update(`preau-device-v1\n${login}\n${issuedAt}\n${nonce}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  },

  verify(key: Buffer, login: string, note: DeviceNote): boolean {
    const expected = Buffer.from(internals.mac(key, login, note.issuedAt, note.nonce));
    const given = Buffer.from(note.mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  },
};
