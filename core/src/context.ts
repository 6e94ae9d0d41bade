import type { Knex } from 'knex';
import type { Logger } from 'pino';

import type { Clock } from './clock.js';
import type { PreauConfig } from './config/schema.js';
import type { Statements } from './db/statements.js';
import type { EventBus } from './events/bus.js';
import type { AuditLog } from './identity/audit.js';
import type { JobScheduler } from './jobs/scheduler.js';
import type { LiveHub } from './live/hub.js';
import type { Mailer } from './mail/mailer.js';

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
  /** E-mail to people (SMTP). */
  mail: Mailer;
  /** Recurring jobs, core's and plugins'. */
  jobs: JobScheduler;
  /** Messages pushed to open pages. */
  live: LiveHub;
}
