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
import { toHapiRoute } from './http/route.js';
import { DatabaseAuditLog } from './identity/audit.js';
import { noScheduler } from './jobs/scheduler.js';
import { LiveHub } from './live/hub.js';
import { noMailer } from './mail/mailer.js';
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
}

/** A running (or ready to run) Préau: its hapi server, context and services. */
export interface Preau {
  server: Server;
  ctx: CoreContext;
  services: CoreServices;
  /** Starts listening on the configured host and port. */
  listen(): Promise<void>;
  /** Stops listening and closes the database. */
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
      mail: noMailer,
      jobs: noScheduler,
      live: new LiveHub(),
    };
    const services = createServices(ctx);

    const server = Hapi.server({
      host: config.server.host,
      port: config.server.port,
      app: { trustProxy: config.server.trustProxy } satisfies ServerAppSettings,
      routes: {
        validate: { failAction: (_request, _h, error) => Promise.reject(error ?? new Error()) },
        security: { noSniff: true, xframe: 'deny', referrer: 'same-origin', hsts: false },
      },
      router: { stripTrailingSlash: true },
      // pino logs server errors; hapi's own console output would only repeat them.
      debug: false,
    });
    registerErrorMessages(server);
    registerSessionAuth(server, ctx, services.sessions);
    server.route(coreRoutes(ctx, services).map(toHapiRoute));
    await registerWeb(server, ctx, services);
    await services.plugins.start(server, { migrate: options.migrate !== false });

    return {
      server,
      ctx,
      services,
      async listen() {
        await server.start();
        log.info({ url: server.info.uri }, 'Préau écoute');
      },
      async stop() {
        await server.stop({ timeout: 5000 });
        await services.plugins.stop();
        await sql.close();
        await knex.destroy();
      },
    };
  } catch (error) {
    await knex.destroy();
    throw error;
  }
}
