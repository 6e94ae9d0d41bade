import type { Knex } from 'knex';
import type { Logger } from 'pino';

import type { Clock } from './clock.js';
import type { PreauConfig } from './config/schema.js';
import type { Statements } from './db/statements.js';
import type { EventBus } from './events/bus.js';
import type { AuditLog } from './identity/audit.js';

/** What every core module is built with: one per running Préau. */
export interface CoreContext {
  config: PreauConfig;
  log: Logger;
  /** Query builder and migrations; objection models are bound to it. */
  knex: Knex;
  /** Prepared statements for hot paths. */
  sql: Statements;
  bus: EventBus;
  audit: AuditLog;
  clock: Clock;
}
