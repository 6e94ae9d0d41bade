import { fork, type ChildProcess } from 'node:child_process';

import autocannon from 'autocannon';

/** One measured case: its throughput and tail latency. */
export interface Measurement {
  name: string;
  engine: string;
  requestsPerSecond: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers: any of them spoils the figures. */
  failures: number;
}

/** How hard and how long each case is loaded. */
export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  /** Measured seconds per case, over all rounds. */
  seconds: number;
  rounds: number;
}

/** A server running in a child process, so the load generator never shares its event loop. */
export interface ChildServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts one of the bench servers (`servers/serve.js <kind>`) in a child process and waits for
 * the port it listens on. The child exits by itself if the bench process goes away.
 */
export function startChildServer(kind: string, options: object): Promise<ChildServer> {
  const script = new URL('./servers/serve.js', import.meta.url);
  const child = fork(script, [kind, JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`le serveur « ${kind} » n’a pas démarré en 60 s`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`le serveur « ${kind} » s’est arrêté au démarrage (code ${code})`));
    });
    child.once('message', (message: { port?: number; error?: string }) => {
      clearTimeout(timer);
      if (message.error || !message.port) {
        child.kill('SIGKILL');
        reject(new Error(`le serveur « ${kind} » n’a pas démarré : ${message.error}`));
        return;
      }
      child.removeAllListeners('exit');
      resolve({ url: `http://127.0.0.1:${message.port}`, stop: () => stopChild(child) });
    });
  });
}

/** One case to load: a server, a path, and the sessions to rotate through. */
export interface LoadCase {
  name: string;
  server: ChildServer;
  path: string;
  /** `Cookie` header values; each connection cycles through them, one request each. */
  cookies: readonly string[];
}

/**
 * Measures several cases on one engine. Each case is warmed up first (JIT, caches, connection
 * pools); then the measured time is cut into short rounds that visit the cases in turn, and each
 * case keeps its median round: a burst of load from elsewhere on the machine spoils a round, not
 * a ratio.
 */
export async function measureCases(
  engine: string,
  cases: readonly LoadCase[],
  settings: LoadSettings,
  onProgress: (line: string) => void = () => {},
): Promise<Measurement[]> {
  for (const loadCase of cases) await load(loadCase, settings.connections, settings.warmupSeconds);
  const runs = new Map<LoadCase, autocannon.Result[]>(cases.map((c) => [c, []]));
  const seconds = settings.seconds / settings.rounds;
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const loadCase of cases) {
      const result = await load(loadCase, settings.connections, seconds);
      runs.get(loadCase)!.push(result);
      onProgress(
        `[${engine}] tour ${round}/${settings.rounds} ${loadCase.name} : ` +
          `${Math.round(result.requests.total / result.duration)} req/s, p99 ${result.latency.p99} ms`,
      );
    }
  }
  return cases.map((loadCase) => {
    const results = runs.get(loadCase)!;
    return {
      name: loadCase.name,
      engine,
      requestsPerSecond: median(results.map((r) => r.requests.total / r.duration)),
      p99Ms: median(results.map((r) => r.latency.p99)),
      failures: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
    };
  });
}

/** Checks a request answers 200 before loading it: a bench of error pages measures nothing. */
export async function probe(server: ChildServer, path: string, cookie?: string): Promise<number> {
  const response = await fetch(`${server.url}${path}`, {
    headers: cookie ? { cookie } : {},
  });
  await response.arrayBuffer();
  return response.status;
}

function load(loadCase: LoadCase, connections: number, seconds: number) {
  const { server, path, cookies } = loadCase;
  const requests: autocannon.Request[] =
    cookies.length > 0
      ? cookies.map((cookie) => ({ method: 'GET', path, headers: { cookie } }))
      : [{ method: 'GET', path }];
  return autocannon({ url: server.url, connections, duration: seconds, requests });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
