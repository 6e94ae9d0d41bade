import { pino, type Logger } from 'pino';

/** Lines kept per test Préau: enough to read what led to a failure, never a whole run. */
const MAX_LINES = 2000;

/**
 * The pino logs of one test Préau, kept in memory. When a mocha test fails — or after every test
 * with `PREAU_TEST_LOGS=1` — the lines written since the previous test are printed to stderr
 * under the test's title, then forgotten; a passing test prints nothing.
 *
 * @example
 * ```ts
 * const logs = captureTestLogs();
 * const preau = await createPreau({ config, clock, logger: logs.logger });
 * // … at close:
 * logs.release();
 * ```
 */
export interface CapturedTestLogs {
  /** The logger to give the test Préau (level `PREAU_TEST_LOG_LEVEL`, default `info`). */
  logger: Logger;
  /** The lines not printed yet, oldest first (each a pino JSON line). */
  lines(): readonly string[];
  /** Stops keeping and printing this Préau's lines (it has closed). */
  release(): void;
}

/** Starts keeping a test Préau's logs, and makes sure mocha prints them on failure. */
export function captureTestLogs(): CapturedTestLogs {
  const state = sharedState();
  const kept: string[] = [];
  const buffer = {
    kept,
    write(line: string) {
      kept.push(line.trimEnd());
      if (kept.length > MAX_LINES) kept.splice(0, kept.length - MAX_LINES);
    },
  };
  state.buffers.add(buffer);
  hookMocha(state);
  const logger = pino({ level: process.env.PREAU_TEST_LOG_LEVEL ?? 'info' }, buffer);
  return {
    logger,
    lines: () => kept,
    release: () => void state.buffers.delete(buffer),
  };
}

// Module-private helpers.

interface Buffer {
  kept: string[];
}

interface SharedState {
  buffers: Set<Buffer>;
  hooked: boolean;
}

/**
 * Mocha's hooks are process-wide, and core's testing module may be loaded twice (a plugin's
 * copy through `@preau/sdk/testing`, the repository's own): one state per process, on a
 * registered symbol, so that the hook is added once and sees every test Préau.
 */
function sharedState(): SharedState {
  const key = Symbol.for('preau.test-logs');
  const holder = globalThis as { [key]?: SharedState };
  holder[key] ??= { buffers: new Set(), hooked: false };
  return holder[key];
}

interface MochaTestLike {
  state?: string;
  fullTitle?(): string;
}

/** Adds, once, a root `afterEach` that prints the lines of a failed test, when mocha runs us. */
function hookMocha(state: SharedState): void {
  const afterEach = (globalThis as { afterEach?: (hook: (this: unknown) => void) => void })
    .afterEach;
  if (state.hooked || typeof afterEach !== 'function') return;
  state.hooked = true;
  afterEach(function (this: unknown) {
    const test = (this as { currentTest?: MochaTestLike }).currentTest;
    const show = test?.state === 'failed' || process.env.PREAU_TEST_LOGS === '1';
    const lines = [...state.buffers].flatMap((buffer) => buffer.kept.splice(0));
    if (!show || lines.length === 0) return;
    const title = test?.fullTitle?.() ?? 'test';
    process.stderr.write(
      `\n--- Journaux de Préau pendant « ${title} » (${count(lines.length)}) ---\n` +
        `${lines.join('\n')}\n--- fin des journaux ---\n`,
    );
  });
}

function count(lines: number): string {
  return `${lines} ligne${lines > 1 ? 's' : ''}`;
}
