import { createHash, randomBytes } from 'node:crypto';

import type { Knex } from 'knex';

import type { CoreContext } from '../context.js';

/** A live session, as the auth strategy hands it to routes in `request.auth.credentials`. */
export interface SessionCredentials {
  sessionId: string;
  personId: number;
  /** The école the person is acting in now (null for administrators without a school role). */
  ecoleId: number | null;
  /** The profile the person is acting with in that école. */
  profile: string | null;
  expiresAt: number;
}

interface SessionRow {
  id: string;
  person_id: number;
  ecole_id: number | null;
  profile: string | null;
  last_seen_at: number;
  expires_at: number;
}

/** Write `last_seen_at` at most this often: one write a minute per session, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Server-side sessions kept in the database. The browser holds a random token; the table keeps
 * only its SHA-256, so reading the table opens no session. A session ends after `idleMinutes`
 * without use or `absoluteHours` after login, whichever comes first, or at logout.
 */
export class SessionStore {
  /** Rows read recently, by session id: see SESSION_CACHE_MS. */
  private readonly recent = new Map<string, { readAt: number; row: SessionRow }>();

  constructor(private readonly ctx: CoreContext) {}

  /** Opens a session; returns the token to put in the cookie. */
  async open(input: {
    personId: number;
    ecoleId: number | null;
    profile: string | null;
    ip: string | null;
    userAgent: string | null;
  }): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    const expiresAt = now + this.ctx.config.sessions.absoluteHours * 3_600_000;
    await this.ctx.sql.run(
      'INSERT INTO sessions (id, person_id, ecole_id, profile, created_at, last_seen_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        hashToken(token),
        input.personId,
        input.ecoleId,
        input.profile,
        now,
        now,
        expiresAt,
        input.ip,
        input.userAgent?.slice(0, 255) ?? null,
      ],
    );
    return { token, expiresAt };
  }

  /** The live session for a cookie token, or null when unknown, idle too long or expired. */
  async find(token: string): Promise<SessionCredentials | null> {
    const id = hashToken(token);
    const now = this.ctx.clock.now();
    const row = await this.row(id, now);
    if (!row) return null;
    const idleLimit = this.ctx.config.sessions.idleMinutes * 60_000;
    if (Number(row.expires_at) <= now || Number(row.last_seen_at) + idleLimit <= now) {
      this.recent.delete(id);
      await this.ctx.sql.run('DELETE FROM sessions WHERE id = ?', [id]);
      return null;
    }
    if (now - Number(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
      row.last_seen_at = now;
      await this.ctx.sql.run('UPDATE sessions SET last_seen_at = ? WHERE id = ?', [now, id]);
    }
    return {
      sessionId: id,
      personId: row.person_id,
      ecoleId: row.ecole_id,
      profile: row.profile,
      expiresAt: Number(row.expires_at),
    };
  }

  /** Moves a session to another (école, profile) the person holds; the caller checks it does. */
  async switchContext(
    sessionId: string,
    ecoleId: number | null,
    profile: string | null,
  ): Promise<void> {
    this.recent.delete(sessionId);
    await this.ctx.sql.run('UPDATE sessions SET ecole_id = ?, profile = ? WHERE id = ?', [
      ecoleId,
      profile,
      sessionId,
    ]);
  }

  /** Ends one session (logout). */
  async revoke(sessionId: string): Promise<void> {
    this.recent.delete(sessionId);
    await this.ctx.sql.run('DELETE FROM sessions WHERE id = ?', [sessionId]);
  }

  /** Ends every session of a person (password change, blocked account). */
  async revokeAllOf(personId: number): Promise<void> {
    this.forgetPerson(personId);
    await this.ctx.sql.run('DELETE FROM sessions WHERE person_id = ?', [personId]);
  }

  /**
   * Ends every session of a person but one (password change: the other devices must log in
   * again, the one that changed it stays). Runs in `transaction` when given.
   */
  async revokeOthersOf(
    personId: number,
    keptSessionId: string,
    transaction?: Knex.Transaction,
  ): Promise<number> {
    this.forgetPerson(personId);
    if (transaction) {
      return transaction('sessions')
        .where('person_id', personId)
        .whereNot('id', keptSessionId)
        .delete();
    }
    return this.ctx.sql.run('DELETE FROM sessions WHERE person_id = ? AND id <> ?', [
      personId,
      keptSessionId,
    ]);
  }

  /** Ends the session a cookie token opens, if any (a new login replaces the old one). */
  async revokeToken(token: string): Promise<void> {
    await this.revoke(hashToken(token));
  }

  private async row(id: string, now: number): Promise<SessionRow | null> {
    const cached = this.recent.get(id);
    if (cached && now - cached.readAt < SESSION_CACHE_MS) return cached.row;
    const row = await this.ctx.sql.first<SessionRow>(
      'SELECT id, person_id, ecole_id, profile, last_seen_at, expires_at FROM sessions WHERE id = ?',
      [id],
    );
    this.recent.delete(id);
    if (!row) return null;
    this.recent.set(id, { readAt: now, row });
    if (this.recent.size > SESSION_CACHE_MAX) {
      this.recent.delete(this.recent.keys().next().value as string);
    }
    return row;
  }

  private forgetPerson(personId: number): void {
    for (const [id, { row }] of this.recent) {
      if (Number(row.person_id) === personId) this.recent.delete(id);
    }
  }

  /** Deletes sessions past their absolute expiry; run now and then. */
  async purgeExpired(): Promise<number> {
    return this.ctx.sql.run('DELETE FROM sessions WHERE expires_at <= ?', [this.ctx.clock.now()]);
  }
}

/**
 * How long a session row read from the database is reused without reading it again. Every
 * request needs it; revocations through this process drop it at once, so the lag only concerns
 * a logout made on another instance (bounded by this, until the Redis bus carries revocations).
 */
export const SESSION_CACHE_MS = 5_000;
/** Beyond this many cached sessions the oldest read is dropped. */
const SESSION_CACHE_MAX = 50_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
