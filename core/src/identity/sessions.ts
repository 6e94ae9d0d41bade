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
    const row = await this.ctx.sql.first<SessionRow>(
      'SELECT id, person_id, ecole_id, profile, last_seen_at, expires_at FROM sessions WHERE id = ?',
      [id],
    );
    if (!row) return null;
    const now = this.ctx.clock.now();
    const idleLimit = this.ctx.config.sessions.idleMinutes * 60_000;
    if (Number(row.expires_at) <= now || Number(row.last_seen_at) + idleLimit <= now) {
      await this.ctx.sql.run('DELETE FROM sessions WHERE id = ?', [id]);
      return null;
    }
    if (now - Number(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
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
    await this.ctx.sql.run('UPDATE sessions SET ecole_id = ?, profile = ? WHERE id = ?', [
      ecoleId,
      profile,
      sessionId,
    ]);
  }

  /** Ends one session (logout). */
  async revoke(sessionId: string): Promise<void> {
    await this.ctx.sql.run('DELETE FROM sessions WHERE id = ?', [sessionId]);
  }

  /** Ends every session of a person (password change, blocked account). */
  async revokeAllOf(personId: number): Promise<void> {
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

  /** Deletes sessions past their absolute expiry; run now and then. */
  async purgeExpired(): Promise<number> {
    return this.ctx.sql.run('DELETE FROM sessions WHERE expires_at <= ?', [this.ctx.clock.now()]);
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
