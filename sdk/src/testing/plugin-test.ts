import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { LiveMessage } from '../live.js';
import type { PluginManifest } from '../manifest/types.js';
import type { PluginHooks } from '../plugin.js';
import { isProfile, type Profile } from '../profiles.js';
import { loadCoreTesting, type CoreTestCore } from './core-harness.js';
import type { TestEngine } from './engines.js';
import {
  ECOLE_KEYS,
  FIXTURE_LOGINS,
  FIXTURE_MEMBERSHIPS,
  fixtureLoginFor,
  type EcoleKey,
  type FixtureWorld,
} from './fixtures.js';
import { migratePlugin } from './migrations.js';
import { wrapClient, type PluginTestClient, type TestResponse } from './http-client.js';

/**
 * How to start a plugin test.
 *
 * @example
 * ```ts
 * const options: PluginTestOptions = {
 *   plugin: fileURLToPath(new URL('../..', import.meta.url)),
 *   engine: 'sqlite',
 *   enableFor: ['a1', 'b1'],
 * };
 * ```
 */
export interface PluginTestOptions {
  /** The plugin's package folder (absolute, or relative to the current directory), built. */
  plugin: string;
  /** Database engine: SQLite by default. */
  engine?: TestEngine;
  /** Écoles the plugin is enabled for at start: `['a1']` by default; `'all'`, or `[]` for none. */
  enableFor?: 'all' | readonly EcoleKey[];
  /** Other plugins to load beside it (its dependencies): package names or folders. */
  plugins?: readonly string[];
  /** Configuration values over the test defaults (same shape as `preau.config.json`). */
  config?: Record<string, unknown>;
}

/**
 * The clock of the test core: it stays still unless a test moves it. It starts on
 * 2026-09-01 at 08:00 UTC (a Tuesday, 10:00 in Paris: the rentrée).
 *
 * @example
 * ```ts
 * test.clock.set('2026-09-03T14:30:00+02:00'); // a Thursday afternoon in Paris
 * test.clock.advance(24 * 3600_000); // one day later
 * ```
 */
export interface TestClock {
  /** Milliseconds since the epoch, as `ctx.now()` answers. */
  now(): number;
  advance(ms: number): void;
  /** Sets the time: milliseconds, a Date, or an ISO 8601 string with its offset. */
  set(time: number | Date | string): void;
}

/**
 * An e-mail as core sent it, recorded by the test harness.
 *
 * @example
 * ```ts
 * const mail: TestMail | undefined = test.mails.at(-1);
 * expect(mail?.headers['List-Unsubscribe']).to.match(/^<http/);
 * ```
 */
export interface TestMail {
  /** The platform's sender (`mail.from` of the configuration). */
  from: string;
  /** The recipient's address, looked up by core. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The extra headers the plugin gave. */
  headers: Record<string, string>;
}

/**
 * Who a test acts as, beyond the profile or login: the école and profile to act with.
 *
 * @example
 * ```ts
 * await test.actAs('TUT', { ecole: 'b1' }); // parent.b1
 * await test.actAs('directeur.a1', { profile: 'ENS' }); // the directeur as a teacher
 * ```
 */
export interface ActAsOptions {
  /** The école to act in: A1 by default (or the person's first école, for a login). */
  ecole?: EcoleKey;
  /** For a login holding several profiles there (e.g. `directeur.a1`: DIR and ENS). */
  profile?: Profile;
}

/**
 * A running plugin test: a Préau with the plugin, a fixture world, and people to act as.
 *
 * @example
 * ```ts
 * const test: PluginTest = await startPluginTest({ plugin: folder });
 * const atsem = await test.actAs('COL');
 * await atsem.put('/menus/2026-09-01', menu);
 * await test.close();
 * ```
 */
export interface PluginTest {
  /** The plugin's id, from its manifest. */
  pluginId: string;
  manifest: PluginManifest;
  engine: TestEngine;
  /** Ids of the fixture world (see `FIXTURE_MEMBERSHIPS` for who is who). */
  world: FixtureWorld;
  clock: TestClock;
  /**
   * A client acting as a fixture person: by profile (`'ENS'`: the first person holding it in the
   * école, A1 unless `options.ecole` says otherwise) or by login (`'parent.b1'`).
   */
  actAs(who: Profile | string, options?: ActAsOptions): Promise<PluginTestClient>;
  /** A client without a session. */
  anonymous(): PluginTestClient;
  /** A client acting as the platform administrator (`admin.plateforme`). */
  admin(): Promise<PluginTestClient>;
  /** Enables a plugin (this one by default) for an école, as its collectivité would. */
  enable(ecole: EcoleKey, pluginId?: string): Promise<void>;
  /** Disables a plugin (this one by default) for an école. */
  disable(ecole: EcoleKey, pluginId?: string): Promise<void>;
  /**
   * Replaces an école's settings of a plugin (this one by default), as its collectivité's
   * administrator would; core checks them against the manifest's `settings` schema.
   */
  setSettings(ecole: EcoleKey, settings: Record<string, unknown>, pluginId?: string): Promise<void>;
  /**
   * The plugin's lifecycle hooks, bound to its running context, to call as core would
   * (`exportUser`, `eraseUser`, `yearRollover`…). Empty when the plugin gave none.
   *
   * @example
   * ```ts
   * const files = await test.hooks.exportUser?.(test.world.people['atsem.a1']);
   * ```
   */
  readonly hooks: PluginHooks;
  /**
   * Runs every recurring job (`ctx.jobs.every`, this plugin's, others' and core's) whose turn has
   * come by the test clock, and resolves when they are done. Nothing runs by itself in a test:
   * move the clock, then call this. A job's first turn comes one interval after the start; after
   * a long gap it runs once, not once per missed turn; a job that throws is logged and tried
   * again at its next turn (the promise still resolves).
   *
   * @example
   * ```ts
   * // In register(): ctx.jobs.every({ id: 'digests', everyMs: 60_000 }, …)
   * test.clock.advance(60_000);
   * await test.runJobs(); // the digests job has run once, for test.clock.now()
   * ```
   */
  runJobs(): Promise<void>;
  /**
   * The e-mails core sent so far (`ctx.mail.send` answered `{ sent: true }`), oldest first: the
   * address core chose (fixture people have `<login>@example.test`), the sender, subject, bodies
   * and extra headers. Refused messages (pupil, no address…) are not here. Nothing leaves the
   * machine: without `config.mail.smtpUrl` they are also written as .eml files in a temporary
   * folder.
   *
   * @example
   * ```ts
   * test.clock.advance(24 * 3600_000);
   * await test.runJobs();
   * const digest = test.mails.find((mail) => mail.to === 'parent.a1@example.test');
   * expect(digest?.subject).to.contain('nouveautés');
   * ```
   */
  readonly mails: readonly TestMail[];
  /**
   * Records, from now on, the live messages (`ctx.live.push`) that reach a fixture person, as
   * their open page would receive them; `stop()` ends the recording.
   *
   * @example
   * ```ts
   * const parent = test.liveMessages('parent.a1');
   * await atsem.put('/menus/2026-09-03', menu);
   * expect(parent.messages.map((m) => m.type)).to.include('notifications.changed');
   * parent.stop();
   * ```
   */
  liveMessages(login: string): { readonly messages: readonly LiveMessage[]; stop(): void };
  /** The plugin's migrations, run by hand: for up/down/up tests. */
  migrations: {
    /** Undoes every migration of the plugin, newest first. */
    down(): Promise<void>;
    /** Runs the migrations not yet run. */
    up(): Promise<void>;
  };
  /** Stops the core and drops its database. */
  close(): Promise<void>;
}

/**
 * Starts a Préau in process, on a throwaway database (SQLite or MariaDB), with the fixture world
 * and the plugin loaded, migrated and enabled for École A1 (see `enableFor`). Requires
 * `@preau/core` among the plugin's devDependencies; rejects, saying why, when core refuses the
 * plugin (invalid manifest, API range, build missing…).
 *
 * @example
 * ```ts
 * import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';
 *
 * for (const engine of testEngines()) {
 *   describe(`GET /menus (${engine})`, () => {
 *     let test: PluginTest;
 *     before(async () => {
 *       const plugin = fileURLToPath(new URL('../..', import.meta.url)); // the package folder
 *       test = await startPluginTest({ plugin, engine });
 *     });
 *     after(() => test?.close());
 *
 *     it('refuses a parent who tries to publish a menu', async () => {
 *       const parent = await test.actAs('TUT');
 *       expect((await parent.put('/menus/2026-09-01', menu)).status).to.equal(403);
 *     });
 *   });
 * }
 * ```
 */
export async function startPluginTest(options: PluginTestOptions): Promise<PluginTest> {
  const folder = resolve(options.plugin);
  const manifest = internals.readManifestOf(folder);
  const pluginId = manifest.id;
  const engine = options.engine ?? 'sqlite';
  const { startTestCore } = await loadCoreTesting();
  const core = await startTestCore({
    engine,
    plugins: [...(options.plugins ?? []), folder],
    ...(options.config ? { config: options.config } : {}),
  });
  try {
    internals.requireStarted(core, pluginId);
    const test = internals.build(core, manifest, engine);
    const enableFor = options.enableFor ?? ['a1'];
    for (const ecole of enableFor === 'all' ? ECOLE_KEYS : enableFor) await test.enable(ecole);
    return test;
  } catch (error) {
    await core.close();
    throw error;
  }
}

// Module-private helpers.

const internals = {
  readManifestOf(folder: string): PluginManifest {
    try {
      return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as PluginManifest;
    } catch (error) {
      throw new Error(
        `startPluginTest : manifest.json illisible dans ${folder} (${(error as Error).message})`,
        { cause: error },
      );
    }
  },

  requireStarted(core: CoreTestCore, pluginId: string): void {
    const installed = core.preau.services.plugins.installed?.();
    if (!installed) return;
    const plugin = installed.find((candidate) => candidate.id === pluginId);
    if (!plugin) throw new Error(`startPluginTest : le plugin « ${pluginId} » n’a pas été trouvé.`);
    if (plugin.status !== 'started') {
      throw new Error(
        `startPluginTest : Préau a refusé le plugin « ${pluginId} » : ${plugin.reason}`,
      );
    }
  },

  build(core: CoreTestCore, manifest: PluginManifest, engine: TestEngine): PluginTest {
    const pluginId = manifest.id;
    const wrap = (client: Awaited<ReturnType<CoreTestCore['as']>>) =>
      wrapClient(client, pluginId, { login: client.login, personId: client.personId });
    let adminClient: PluginTestClient | undefined;
    const admin = async () => (adminClient ??= wrap(await core.as('admin.plateforme')));
    const setEnabled = async (ecole: EcoleKey, id: string, enabled: boolean) => {
      const ecoleId = internals.ecoleId(core.world, ecole);
      const client = await admin();
      const path = `/api/admin/ecoles/${ecoleId}/plugins/${encodeURIComponent(id)}`;
      const response = enabled ? await client.put(path, {}) : await client.delete(path);
      internals.expectSuccess(response, `${enabled ? 'd’activer' : 'de désactiver'} « ${id} »`);
    };

    return {
      pluginId,
      manifest,
      engine,
      world: core.world,
      clock: internals.clock(core),
      async actAs(who, options = {}) {
        const target = internals.whom(core.world, who, options);
        return wrap(await core.as(target.login, target.context));
      },
      anonymous: () => wrapClient(core.anonymous(), pluginId, { login: null, personId: null }),
      admin,
      enable: (ecole, id = pluginId) => setEnabled(ecole, id, true),
      disable: (ecole, id = pluginId) => setEnabled(ecole, id, false),
      async setSettings(ecole, settings, id = pluginId) {
        const ecoleId = internals.ecoleId(core.world, ecole);
        const path = `/api/admin/ecoles/${ecoleId}/plugins/${encodeURIComponent(id)}/settings`;
        const response = await (await admin()).put(path, settings);
        internals.expectSuccess(response, `d’enregistrer les réglages de « ${id} »`);
      },
      runJobs: () => core.runJobs(),
      get mails() {
        return core.mails;
      },
      liveMessages(login) {
        const personId = (core.world.people as Record<string, number>)[login];
        if (personId === undefined) {
          throw new Error(`liveMessages : « ${login} » n’est pas une personne du monde de test`);
        }
        const live = core.preau.ctx.live;
        if (!live) throw new Error('liveMessages : ce cœur ne pousse pas de messages en direct');
        const messages: LiveMessage[] = [];
        const stop = live.listen(personId, (message) => messages.push(message));
        return { messages, stop };
      },
      get hooks() {
        return core.preau.services.plugins.get?.(pluginId)?.hooks ?? {};
      },
      migrations: {
        down: () => migratePlugin(core, pluginId, 'down'),
        up: () => migratePlugin(core, pluginId, 'up'),
      },
      close: () => core.close(),
    };
  },

  /** The login and (when it must be said) the école and profile `actAs` acts with. */
  whom(
    world: FixtureWorld,
    who: string,
    options: ActAsOptions,
  ): { login: string; context?: { ecoleId: number; profile: string } } {
    if (isProfile(who)) {
      const ecole = options.ecole ?? 'a1';
      const login = fixtureLoginFor(who, ecole);
      if (!login) {
        throw new Error(
          `actAs : aucune personne des fixtures n’a le profil ${who} dans l’école ${ecole.toUpperCase()}.`,
        );
      }
      return { login, context: { ecoleId: internals.ecoleId(world, ecole), profile: who } };
    }
    if (!(FIXTURE_LOGINS as readonly string[]).includes(who)) {
      throw new Error(`actAs : « ${who} » n’est ni un profil ni un identifiant des fixtures.`);
    }
    if (!options.ecole && !options.profile) return { login: who };
    const membership = FIXTURE_MEMBERSHIPS.find(
      (m) =>
        m.login === who &&
        (!options.ecole || m.ecole === options.ecole) &&
        (!options.profile || m.profile === options.profile),
    );
    if (!membership) {
      throw new Error(`actAs : « ${who} » n’a pas cette appartenance dans les fixtures.`);
    }
    return {
      login: who,
      context: { ecoleId: internals.ecoleId(world, membership.ecole), profile: membership.profile },
    };
  },

  ecoleId(world: FixtureWorld, ecole: EcoleKey): number {
    const id = world.ecoles?.[ecole];
    if (id === undefined)
      throw new Error(`École de fixtures inconnue « ${ecole} » (a1, a2 ou b1).`);
    return id;
  },

  clock(core: CoreTestCore): TestClock {
    return {
      now: () => core.clock.now(),
      advance: (ms) => core.clock.advance(ms),
      set(time) {
        const ms = typeof time === 'number' ? time : new Date(time).getTime();
        if (!Number.isFinite(ms)) throw new Error(`clock.set : date illisible « ${String(time)} »`);
        core.clock.set(ms);
      },
    };
  },

  expectSuccess(response: TestResponse, action: string): void {
    if (response.status >= 200 && response.status < 300) return;
    const message = (response.body as { message?: string } | undefined)?.message ?? response.text;
    throw new Error(`Impossible ${action} (HTTP ${response.status}) : ${message}`);
  },
};
