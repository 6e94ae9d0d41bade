import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ServerInjectOptions, ServerInjectResponse } from '@hapi/hapi';
import { ManualClock } from '../clock.js';
import { loadConfig, type ConfigInput } from '../config/load.js';
import { accountByLogin, membershipsOfPerson } from '../directory/queries.js';
import { createMailTransport, type OutgoingMail } from '../mail/transport.js';
import { createPreau, type Preau } from '../server.js';
import { createTestDatabase, type TestDatabase, type TestEngine } from './databases.js';
import { insertFixtures, type FixtureLogin, type FixtureWorld } from './fixtures.js';
import { captureTestLogs } from './logs.js';

export interface TestCoreOptions {
  /** Database engine; SQLite by default. */
  engine?: TestEngine;
  /** Plugin packages to load (names or folder paths). */
  plugins?: string[];
  /** Insert the fixture world (default true). */
  fixtures?: boolean;
  /** Configuration values over the test defaults. */
  config?: ConfigInput;
}

/** A person acting through HTTP with a live session cookie. */
export interface TestClient {
  login: string;
  personId: number;
  cookie: string;
  /**
   * `headers` are added to (and win over) the client's own: the session cookie and, on writes,
   * `content-type: application/json`, as the portal sends them.
   */
  request(
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<ServerInjectResponse>;
  get(url: string): Promise<ServerInjectResponse>;
  post(url: string, payload?: unknown): Promise<ServerInjectResponse>;
  put(url: string, payload?: unknown): Promise<ServerInjectResponse>;
  patch(url: string, payload?: unknown): Promise<ServerInjectResponse>;
  delete(url: string): Promise<ServerInjectResponse>;
}

/** A Préau started in-process on a throwaway database, with a clock that only moves when told. */
export interface TestCore {
  preau: Preau;
  world: FixtureWorld;
  clock: ManualClock;
  database: TestDatabase;
  inject(options: ServerInjectOptions | string): Promise<ServerInjectResponse>;
  /** Acts as a fixture person, in their first école and profile (or the one given). */
  as(
    login: FixtureLogin | string,
    context?: { ecoleId: number; profile: string },
  ): Promise<TestClient>;
  /** An anonymous client (no cookie). */
  anonymous(): TestClient;
  /**
   * Runs every recurring job whose turn has come by the test clock (core's and plugins'), and
   * resolves when they are done. A job's first turn comes one interval after start.
   */
  runJobs(): Promise<void>;
  /**
   * Every e-mail core handed over, oldest first (after its checks: refused ones are not here),
   * with the address and sender core chose. They also went to the configured transport: the
   * SMTP server of `config.mail.smtpUrl`, or `<dataDir>/outbox/`.
   */
  mails: OutgoingMail[];
  /**
   * This core's data folder: a fresh temporary one unless `config.dataDir` says otherwise.
   * Without `mail.smtpUrl`, e-mails land in `<dataDir>/outbox/` as .eml files.
   */
  dataDir: string;
  close(): Promise<void>;
}

/** Starts a core for tests: fresh database, migrations, fixtures, chosen plugins. */
export async function startTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const database = await createTestDatabase(options.engine ?? 'sqlite');
  const clock = new ManualClock();
  // Each core gets its own data folder, so that e-mails written to the outbox by one test never
  // land in the working copy nor in another test's folder.
  const ownDataDir = options.config?.dataDir
    ? null
    : mkdtempSync(join(tmpdir(), 'preau-test-data-'));
  const config = loadConfig({
    env: {},
    cwd: process.cwd(),
    overrides: {
      ...(ownDataDir ? { dataDir: ownDataDir } : {}),
      ...options.config,
      database: { url: database.url },
      log: { level: 'silent' },
      server: {
        trustProxy: false,
        publicUrl: 'http://localhost',
        ...options.config?.server,
        host: '127.0.0.1',
        port: 0,
      },
      plugins: options.plugins ?? [],
    },
  });
  // Kept in memory and printed only when a mocha test fails (or with PREAU_TEST_LOGS=1).
  const logs = captureTestLogs();
  const logger = logs.logger;
  const mails: OutgoingMail[] = [];
  const transport = createMailTransport(config, logger, clock);
  let preau: Preau;
  try {
    preau = await createPreau({
      config,
      clock,
      logger,
      // A route answering something else than it documents fails the test that calls it.
      checkResponses: true,
      mailTransport: {
        async deliver(mail) {
          await transport.deliver(mail);
          mails.push(mail);
        },
        close: () => transport.close(),
      },
    });
  } catch (error) {
    logs.release();
    await database.drop();
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    throw error;
  }
  const world =
    options.fixtures === false ? ({} as FixtureWorld) : await insertFixtures(preau.ctx.knex, clock);
  const cookieName = config.sessions.cookieName;

  const client = (login: string, personId: number, cookie: string): TestClient => {
    const request = (
      method: string,
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ) =>
      preau.server.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        // As the portal's API client: every write says JSON, with or without a body.
        headers: {
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie: `${cookieName}=${cookie}` } : {}),
          ...headers,
        },
      });
    return {
      login,
      personId,
      cookie,
      request,
      get: (url) => request('GET', url),
      post: (url, payload) => request('POST', url, payload),
      put: (url, payload) => request('PUT', url, payload),
      patch: (url, payload) => request('PATCH', url, payload),
      delete: (url) => request('DELETE', url),
    };
  };

  return {
    preau,
    world,
    clock,
    database,
    inject: (injected) => preau.server.inject(injected),
    async as(login, context) {
      const account = await accountByLogin(preau.ctx.sql, login);
      if (!account) throw new Error(`Aucun compte de test « ${login} »`);
      const { personId } = account;
      // Where a login lands: the oldest membership, unless the test chose.
      const first = context ?? (await membershipsOfPerson(preau.ctx.sql, personId))[0];
      const { token } = await preau.services.sessions.open({
        personId,
        ecoleId: first?.ecoleId ?? null,
        profile: first?.profile ?? null,
        ip: '127.0.0.1',
        userAgent: 'preau-test',
      });
      return client(login, personId, token);
    },
    anonymous: () => client('', 0, ''),
    runJobs: () => preau.ctx.jobs.runDue(),
    mails,
    dataDir: config.dataDir,
    async close() {
      try {
        await preau.stop();
      } finally {
        logs.release();
        await database.drop();
        if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      }
    },
  };
}
