import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

const run = promisify(execFile);
const MOCHA = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const HARNESS = new URL('../../src/testing/index.js', import.meta.url).href;

/** A spec file of someone testing with the harness: one test passes, one fails. */
const SPEC = `import { startTestCore } from '${HARNESS}';
describe('journal', () => {
  let core;
  before(async () => { core = await startTestCore({ fixtures: false }); });
  after(() => core.close());
  it('passe', () => core.preau.ctx.log.info({}, 'Ligne du test qui passe'));
  it('échoue', () => {
    core.preau.ctx.log.info({}, 'Ligne du test qui échoue');
    throw new Error('raté exprès');
  });
});
`;

/** Runs the spec in its own mocha, as a plugin author would; resolves with what it printed. */
async function runSpec(folder: string, env: Record<string, string> = {}): Promise<string> {
  const outcome = await run(process.execPath, [MOCHA, '--no-config', join(folder, 'spec.mjs')], {
    env: { ...process.env, PREAU_TEST_DATABASES: 'sqlite', PREAU_TEST_LOGS: '', ...env },
  }).catch((error: { stdout: string; stderr: string; code: number }) => error);
  return `${outcome.stdout}\n${outcome.stderr}`;
}

describe('Logs of a test Préau', function () {
  this.timeout(60_000);
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'preau-logs-'));
    await writeFile(join(folder, 'spec.mjs'), SPEC);
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('prints the logs of a failed test under its title, and not those of a passing one', async () => {
    const output = await runSpec(folder);
    expect(output).to.contain('1 failing');
    expect(output).to.contain('--- Journaux de Préau pendant « journal échoue »');
    expect(output).to.contain('Ligne du test qui échoue');
    expect(output).not.to.contain('Ligne du test qui passe');
  });

  it('prints the logs of every test with PREAU_TEST_LOGS=1', async () => {
    const output = await runSpec(folder, { PREAU_TEST_LOGS: '1' });
    expect(output).to.contain('--- Journaux de Préau pendant « journal passe »');
    expect(output).to.contain('Ligne du test qui passe');
    expect(output).to.contain('Ligne du test qui échoue');
  });
});
