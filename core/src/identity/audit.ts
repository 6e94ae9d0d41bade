import type { Knex } from 'knex';

import type { Clock } from '../clock.js';

/** Actions the audit log records. Plugins' admin actions use `<plugin-id>.<action>`. */
export type AuditAction =
  | 'login.succeeded'
  | 'login.failed'
  | 'login.throttled'
  | 'logout'
  | 'password.changed'
  | (string & {});

/** One entry: who did what, where, from which address. Never message contents or secrets. */
export interface AuditEntry {
  action: AuditAction;
  actorId?: number | null;
  collectiviteId?: number | null;
  ecoleId?: number | null;
  target?: string | null;
  ip?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditLog {
  record(entry: AuditEntry, transaction?: Knex.Transaction): Promise<void>;
}

/** The audit log kept in the database table `audit_log`. */
export class DatabaseAuditLog implements AuditLog {
  constructor(
    private readonly knex: Knex,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, transaction?: Knex.Transaction): Promise<void> {
    await (transaction ?? this.knex)('audit_log').insert({
      at: this.clock.now(),
      action: entry.action,
      actor_id: entry.actorId ?? null,
      collectivite_id: entry.collectiviteId ?? null,
      ecole_id: entry.ecoleId ?? null,
      target: entry.target?.slice(0, 160) ?? null,
      ip: entry.ip ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    });
  }
}
