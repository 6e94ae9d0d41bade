import type { PluginMigration } from '../context.js';
import type { LiveMessage } from '../live.js';
import type { PluginHooks } from '../plugin.js';
import type { FixtureWorld } from './fixtures.js';
import type { TestEngine } from './engines.js';

/*
 * The small part of `@preau/core/testing` this harness relies on. Core depends on the SDK, so the
 * SDK cannot depend on core at compile time: core is an optional peer dependency, imported at
 * run time only, and described here by the shape the SDK needs of it.
 */

/** What `server.inject` answers (hapi's ServerInjectResponse, reduced). */
export interface CoreInjectResponse {
  statusCode: number;
  payload: string;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A client of core's harness: a person with a live session, or nobody. */
export interface CoreTestClient {
  login: string;
  personId: number;
  request(
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<CoreInjectResponse>;
}

/** The clock of core's harness: it moves only when told. */
export interface CoreManualClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** A plugin as core's plugin host reports it. */
export interface CoreInstalledPlugin {
  id: string;
  source: string;
  status: string;
  reason: string | null;
}

/** The knex instance of core, as far as the harness uses it (migrations by hand). */
export interface CoreKnex {
  (table: string): unknown;
  readonly schema: unknown;
  /** Its client's configuration: `client` names the driver (`better-sqlite3` or `mysql2`). */
  readonly client?: { config?: { client?: unknown } };
  migrate: {
    latest(config: object): Promise<unknown>;
    rollback(config: object, all: boolean): Promise<unknown>;
  };
}

/** A started plugin, as core's plugin host keeps it. */
export interface CoreStartedPlugin {
  id: string;
  migrations: readonly PluginMigration[];
  hooks: PluginHooks;
}

/** An e-mail core handed to its transport, as core's harness records it. */
export interface CoreSentMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
}

/** A test core started by `startTestCore`. */
export interface CoreTestCore {
  world: FixtureWorld;
  clock: CoreManualClock;
  as(login: string, context?: { ecoleId: number; profile: string }): Promise<CoreTestClient>;
  anonymous(): CoreTestClient;
  /** Runs the recurring jobs due by the test clock; resolves when they are done. */
  runJobs(): Promise<void>;
  /** E-mails sent so far, oldest first. */
  mails: readonly CoreSentMail[];
  close(): Promise<void>;
  preau: {
    ctx: {
      knex: CoreKnex;
      /** Core's live hub: what `ctx.live.push` reaches. */
      live?: {
        listen(personId: number, listener: (message: LiveMessage) => void): () => void;
      };
    };
    services: {
      plugins: {
        installed?(): readonly CoreInstalledPlugin[];
        get?(pluginId: string): CoreStartedPlugin | undefined;
        migrate?(pluginId: string, direction: 'up' | 'down'): Promise<unknown>;
      };
    };
  };
}

/** The module `@preau/core/testing`, as far as the SDK uses it. */
export interface CoreTestingModule {
  startTestCore(options: {
    engine?: TestEngine;
    plugins?: string[];
    fixtures?: boolean;
    config?: Record<string, unknown>;
  }): Promise<CoreTestCore>;
}

/**
 * Imports `@preau/core/testing`, or explains in French how to install it.
 *
 * @example
 * ```ts
 * const { startTestCore } = await loadCoreTesting();
 * ```
 */
export async function loadCoreTesting(): Promise<CoreTestingModule> {
  // A variable, not a literal: TypeScript must not try to resolve core's types while the SDK
  // is compiled (core is built after the SDK).
  const specifier = '@preau/core/testing';
  try {
    return (await import(specifier)) as CoreTestingModule;
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    if (missing && (error as Error).message.includes("'@preau/core'")) {
      throw new Error(
        '@preau/sdk/testing a besoin de @preau/core : ajoutez-le aux devDependencies du plugin ' +
          '(npm install --save-dev @preau/core).',
        { cause: error },
      );
    }
    throw error;
  }
}
