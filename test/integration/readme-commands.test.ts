import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

/*
 * What the README tells a newcomer to run, run as written from the repository's root. In CI the
 * checkout is a fresh clone, installed by `npm ci` before anything was built: that is where a
 * `preau` bin pointing into dist/ once went unlinked and `npx preau` failed.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('the README’s commands, run from the repository', function () {
  this.timeout(120_000);

  it('opens with the two commands: install and run, install and test', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock.trim().split('\n')).to.deep.equal([
      'npm install && npm start',
      'npm ci && npm test',
    ]);
  });

  it('`npx preau demo accounts --json` lists every account of the README’s table', () => {
    const result = spawnSync('npx', ['--no-install', 'preau', 'demo', 'accounts', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).to.equal(0);
    const accounts = JSON.parse(result.stdout) as Array<{ login: string; password: string }>;
    const documented = demoTableRows();
    expect(documented).to.have.length.above(10);
    for (const row of documented) {
      const account = accounts.find((candidate) => candidate.login === row.login);
      expect(account, `${row.login} n’est pas un compte de démonstration`).to.not.equal(undefined);
      expect(account!.password, row.login).to.equal(row.password);
    }
  });

  describe('`npx preau start --demo`, then the README’s curl example', () => {
    let server: ChildProcess;
    let dataDir: string;
    let base: string;
    let output = '';

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'preau-readme-'));
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = spawn('npx', ['--no-install', 'preau', 'start', '--demo'], {
        cwd: root,
        env: { ...process.env, PORT: String(port), PREAU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: npx starts node as a child, and both must stop with the test.
        detached: true,
      });
      server.stdout?.on('data', (chunk) => (output += String(chunk)));
      server.stderr?.on('data', (chunk) => (output += String(chunk)));
      await waitForHealth(base, () => output);
    });

    after(async () => {
      if (server) await stopGroup(server);
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('logs camille.martin in with the demo password and answers /api/me with her', async () => {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'camille.martin', password: 'Preau-Demo-2026!' }),
      });
      expect(login.status, await login.clone().text()).to.equal(200);
      const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]);
      const me = await fetch(`${base}/api/me`, { headers: { cookie: cookie.join('; ') } });
      expect(me.status).to.equal(200);
      expect(JSON.stringify(await me.json())).to.contain('Camille');
    });

    it('serves the OpenAPI document the README links to', async () => {
      const response = await fetch(`${base}/api/docs/openapi.json`);
      expect(response.status).to.equal(200);
      expect(((await response.json()) as { openapi: string }).openapi).to.match(/^3\./);
    });
  });
});

// Module-private helpers.

/** The rows of the README's « Demo accounts » table: login and password. */
function demoTableRows(): Array<{ login: string; password: string }> {
  const section = readme.split('## Demo accounts')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map(([, login, password]) => ({
    login: login!,
    password: password!,
  }));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Stops npx and the server it started. Killing npx alone left the server holding the pipes open,
 * and mocha, waiting for them, never exited.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group has already ended.
    }
  };
  const closed = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('close', () => resolve());
  });
  signalGroup('SIGTERM');
  let deadline: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => (deadline = setTimeout(() => resolve(false), 10_000))),
  ]);
  clearTimeout(deadline);
  if (!stopped) signalGroup('SIGKILL');
  child.stdout?.destroy();
  child.stderr?.destroy();
}

async function waitForHealth(base: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Préau n’a pas démarré en 90 s :\n${output()}`);
}
