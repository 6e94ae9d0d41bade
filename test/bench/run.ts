import { cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';

import type { TestEngine } from '@preau/core/testing';

import {
  measureCases,
  probe,
  startChildServer,
  type ChildServer,
  type LoadCase,
  type LoadSettings,
  type Measurement,
} from './load.js';
import { benchPageWeight } from './page-weight.js';
import { CASES, ratios, table } from './report.js';
import { benchSearch, searchLines, searchTable, type SearchMeasurement } from './search.js';
import { benchPlugins, PluginDidNotStart, prepareDatabase, type BenchDatabase } from './seed.js';

/**
 * `npm run bench`: hapi alone, Préau's `GET /api/me` and `GET /api/dashboard`, and a floor that
 * reads the dashboard's rows with raw prepared statements, on SQLite then MariaDB. Prints a
 * table and the ratios that matter (see README.md). Bounded in time; stops everything it starts.
 * Then the search part (search.ts: 100,000 documents indexed and searched on each engine) and,
 * in Chromium, the weight of the login page and dashboards (page-weight.ts).
 */
const settings: LoadSettings = {
  connections: 50,
  warmupSeconds: 1,
  seconds: Number(process.env.PREAU_BENCH_SECONDS ?? 5),
  rounds: 5,
};

/** `PREAU_BENCH_DATABASES=sqlite` measures one engine only (default: both). */
const engines = (process.env.PREAU_BENCH_DATABASES ?? 'sqlite,mariadb')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is TestEngine => name === 'sqlite' || name === 'mariadb');

// Whatever happens, the bench ends: its children follow it (they exit on disconnect). Five
// minutes for the HTTP cases and page weights, five more for the search part.
const deadline = setTimeout(() => {
  console.error('Banc interrompu : plus de 10 minutes écoulées.');
  process.exit(2);
}, 10 * 60_000);
deadline.unref();

async function main(): Promise<void> {
  console.log(
    `Banc Préau — ${settings.connections} connexions, ${settings.seconds} s par cas en ` +
      `${settings.rounds} tours alternés (après ${settings.warmupSeconds} s de chauffe), ` +
      `Node ${process.version}, ` +
      `${cpus().length} CPU.`,
  );
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  for (const engine of engines) {
    let database: BenchDatabase;
    try {
      console.log(`\n[${engine}] préparation de la base…`);
      database = await prepareWithSomePlugin(engine, notes);
    } catch (error) {
      if (engine !== 'mariadb' || error instanceof PluginDidNotStart) throw error;
      const message = `MariaDB injoignable, banc sur SQLite seulement : ${(error as Error).message}`;
      console.log(message);
      notes.push(message);
      continue;
    }
    try {
      measurements.push(...(await benchEngine(engine, database, notes)));
    } finally {
      await database.drop();
    }
  }
  console.log(`\n${table(measurements)}\n`);
  console.log('Ratios (à coller dans une note) :');
  for (const line of ratios(measurements)) console.log(line);
  for (const note of notes) console.log(`Note : ${note}`);
  const searches: SearchMeasurement[] = [];
  for (const engine of engines) {
    console.log(`\n[${engine}] recherche : indexation puis requêtes…`);
    try {
      searches.push(await benchSearch(engine, (line) => console.log(line)));
    } catch (error) {
      console.log(`[${engine}] recherche non mesurée : ${(error as Error).message}`);
    }
  }
  if (searches.length) {
    console.log(`\n${searchTable(searches)}\n`);
    for (const line of searchLines(searches)) console.log(line);
  }
  if (!(await benchPageWeight((line) => console.log(line)))) {
    throw new Error('budget de poids du premier chargement dépassé (voir ci-dessus)');
  }
}

/** Seeds with the first plugin that starts, noting the ones that did not. */
async function prepareWithSomePlugin(engine: TestEngine, notes: string[]): Promise<BenchDatabase> {
  const candidates = benchPlugins();
  for (const [index, pluginPath] of candidates.entries()) {
    try {
      const database = await prepareDatabase(engine, pluginPath);
      console.log(`[${engine}] widgets du plugin ${pluginPath}`);
      return database;
    } catch (error) {
      if (!(error instanceof PluginDidNotStart) || index === candidates.length - 1) throw error;
      notes.push(`${engine} : ${error.message} ; plugin suivant essayé.`);
    }
  }
  throw new Error('aucun plugin candidat');
}

async function benchEngine(
  engine: TestEngine,
  database: BenchDatabase,
  notes: string[],
): Promise<Measurement[]> {
  const { cookies } = database;
  const servers: ChildServer[] = [];
  try {
    // All three run at once (idle ones cost nothing), so the rounds can alternate between them.
    const start = async (kind: string, options: object) => {
      const server = await startChildServer(kind, options);
      servers.push(server);
      return server;
    };
    const bare = await start('bare', {});
    const preau = await start('preau', {
      url: database.url,
      workDir: database.workDir,
      pluginPath: database.pluginPath,
    });
    const floor = await start('floor', {
      url: database.url,
      pluginPath: database.pluginPath,
      cookieName: 'preau_sid',
    });

    await expectOk(bare, '/bonjour');
    const cases: LoadCase[] = [{ name: CASES.bare, server: bare, path: '/bonjour', cookies: [] }];
    if ((await probe(preau, '/api/me', cookies[0])) === 200) {
      for (const cookie of cookies) await expectOk(preau, '/api/me', cookie);
      cases.push({ name: CASES.me, server: preau, path: '/api/me', cookies });
    } else {
      notes.push(`${engine} : GET /api/me ne répond pas 200 (route pas encore écrite ?) : sauté.`);
    }
    if (!isDeepStrictEqual(await answers(floor, cookies), await answers(preau, cookies))) {
      notes.push(`${engine} : le plancher et Préau ne répondent pas la même chose : à vérifier.`);
    }
    cases.push(
      { name: CASES.dashboard, server: preau, path: '/api/dashboard', cookies },
      { name: CASES.floor, server: floor, path: '/api/dashboard', cookies },
    );
    return await measureCases(engine, cases, settings, (line) => console.log(line));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

async function expectOk(server: ChildServer, path: string, cookie?: string): Promise<void> {
  const status = await probe(server, path, cookie);
  if (status !== 200) throw new Error(`${server.url}${path} répond ${status} au lieu de 200`);
}

/** Each session's dashboard, as JSON: what both servers must answer alike. */
async function answers(server: ChildServer, cookies: string[]): Promise<unknown[]> {
  const bodies: unknown[] = [];
  for (const cookie of cookies) {
    const response = await fetch(`${server.url}/api/dashboard`, { headers: { cookie } });
    if (response.status !== 200) {
      throw new Error(`${server.url}/api/dashboard répond ${response.status} au lieu de 200`);
    }
    bodies.push(await response.json());
  }
  return bodies;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Banc en échec : ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
