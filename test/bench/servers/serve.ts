import { startBare } from './bare.js';
import { startFloor, type FloorOptions } from './floor.js';
import { startPreau, type PreauOptions } from './preau.js';

/**
 * Child-process entry of the bench servers: `serve.js <bare|floor|preau> <options as JSON>`.
 * Reports `{ port }` to the parent once listening, and stops when told (SIGTERM) or when the
 * parent goes away, so no server outlives the bench.
 */
const [kind, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}') as FloorOptions & PreauOptions;

async function start(): Promise<{ port: number; stop: () => Promise<void> }> {
  if (kind === 'bare') {
    const server = await startBare();
    return { port: Number(server.info.port), stop: () => server.stop() };
  }
  if (kind === 'floor') {
    const server = await startFloor(options);
    return { port: Number(server.info.port), stop: () => server.stop() };
  }
  if (kind === 'preau') {
    const preau = await startPreau(options);
    return { port: Number(preau.server.info.port), stop: () => preau.stop() };
  }
  throw new Error(`serveur inconnu « ${kind} »`);
}

try {
  const server = await start();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send?.({ port: server.port });
} catch (error) {
  process.send?.({ error: (error as Error).message });
  process.exit(1);
}
