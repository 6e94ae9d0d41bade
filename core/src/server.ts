import Hapi, { type Server } from '@hapi/hapi';
import { pino, type Logger } from 'pino';

import { systemClock, type Clock } from './clock.js';
import type { PreauConfig } from './config/schema.js';
import type { CoreContext } from './context.js';
import { connectDatabase } from './db/connect.js';
import { migrateCore } from './db/migrate.js';
import { openStatements } from './db/statements.js';
import { InProcessEventBus } from './events/bus.js';
import type { ServerAppSettings } from './http/client-address.js';
import { registerErrorMessages } from './http/errors.js';
import { registerResponseCheck } from './http/response-check.js';
import { toHapiRoute } from './http/route.js';
import { registerDefaultPolicy, securityOptions } from './http/security-headers.js';
import { registerWriteGuard } from './http/write-guard.js';
import { DatabaseAuditLog } from './identity/audit.js';
import { registerCorePurge } from './jobs/core-purge.js';
import { DbJobScheduler } from './jobs/db-scheduler.js';
import { LiveHub } from './live/hub.js';
import { registerLive } from './live/routes.js';
import { SmtpMailer } from './mail/smtp-mailer.js';
import { createMailTransport, type MailTransport } from './mail/transport.js';
import { registerSessionAuth } from './identity/auth-scheme.js';
import { coreRoutes } from './routes.js';
import { createServices, type CoreServices } from './services.js';
import { registerWeb } from './web/register.js';

export interface CreatePreauOptions {
  config: PreauConfig;
  /** Defaults to the system clock; tests pass a ManualClock. */
  clock?: Clock;
  /** Defaults to a pino logger at the configured level. */
  logger?: Logger;
  /** Run core and plugin migrations before serving (default true). */
  migrate?: boolean;
  /** Where e-mail goes instead of the configured transport (the test harness records it). */
  mailTransport?: MailTransport;
  /**
   * Makes a 200 answer that does not match its route's response schema a 500 saying why
   * (`http/response-check.ts`). The test harness turns it on; off by default.
   */
  checkResponses?: boolean;
}

/** A running (or ready to run) Préau: its hapi server, context and services. */
export interface Preau {
  server: Server;
  ctx: CoreContext;
  services: CoreServices;
  /** Starts listening on the configured host and port, and the recurring jobs' timers. */
  listen(): Promise<void>;
  /** Stops listening and the job timers (after a running job), closes SMTP and the database. */
  stop(): Promise<void>;
}

/**
 * Builds a Préau: opens the database, migrates it, creates core services, loads the configured
 * plugins and registers every route. Nothing listens until `listen()`: tests use `server.inject`.
 */
export async function createPreau(options: CreatePreauOptions): Promise<Preau> {
  const { config } = options;
  const log = options.logger ?? pino({ level: config.log.level, name: 'preau' });
  const clock = options.clock ?? systemClock;
  const knex = connectDatabase(config.database.url);
  const mail = new SmtpMailer(
    knex,
    config.mail.from,
    options.mailTransport ?? createMailTransport(config, log, clock),
  );
  try {
    if (options.migrate !== false) await migrateCore(knex);
    const sql = await openStatements(knex, config.database.url);
    const bus = new InProcessEventBus(log);
    const ctx: CoreContext = {
      config,
      log,
      knex,
      sql,
      bus,
      clock,
      audit: new DatabaseAuditLog(knex, clock),
      mail,
      jobs: new DbJobScheduler({ knex, log, clock }),
      live: new LiveHub(),
    };
    const services = createServices(ctx);
    registerCorePurge(ctx, services.sessions);

    const server = Hapi.server({
      host: config.server.host,
      port: config.server.port,
      app: { trustProxy: config.server.trustProxy } satisfies ServerAppSettings,
      routes: {
        validate: { failAction: (_request, _h, error) => Promise.reject(error ?? new Error()) },
        security: securityOptions(config.server.publicUrl),
      },
      router: { stripTrailingSlash: true },
      // pino logs server errors; hapi's own console output would only repeat them.
      debug: false,
    });
    registerErrorMessages(server);
    if (options.checkResponses) registerResponseCheck(server);
    registerWriteGuard(server, config.server.publicUrl);
    registerDefaultPolicy(server);
    registerSessionAuth(server, ctx, services.sessions);
    server.route(coreRoutes(ctx, services).map(toHapiRoute));
    registerLive(server, ctx);
    await registerWeb(server, ctx, services);
    await services.plugins.start(server, { migrate: options.migrate !== false });

    return {
      server,
      ctx,
      services,
      async listen() {
        await server.start();
        // Timers only in a listening process: tests run jobs by hand (`runDue`).
        ctx.jobs.start();
        log.info({ url: server.info.uri }, 'Préau écoute');
      },
      async stop() {
        await server.stop({ timeout: 5000 });
        // Before the plugins and the database go: a running job may still need them.
        await ctx.jobs.stop();
        await services.plugins.stop();
        mail.close();
        await sql.close();
        await knex.destroy();
      },
    };
  } catch (error) {
    mail.close();
    await knex.destroy();
    throw error;
  }
}
