import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/seed/demo-accounts.js';

const cli = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/** Runs `preau …` to completion in its own data directory; resolves to its output and code. */
function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** Starts `preau start --demo` and resolves once it says it is ready. */
function serve(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'start', '--demo'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Préau est prêt')) resolve(child);
    });
    child.on('close', (code) => reject(new Error(`preau start s’est arrêté (${code}) : ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('close');
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('The preau command', () => {
  const env = () => ({
    PREAU_DATA_DIR: mkdtempSync(join(tmpdir(), 'preau-cli-')),
    PREAU_CONFIG: '',
    PREAU_PLUGINS: '',
  });

  it('prints the documented demo accounts as JSON', async () => {
    const { code, out } = await run(['demo', 'accounts', '--json'], env());
    expect(code).to.equal(0);
    const accounts = JSON.parse(out) as Array<{ login: string; password: string }>;
    expect(accounts.map((a) => a.login)).to.deep.equal(DEMO_ACCOUNTS.map((a) => a.login));
    expect(accounts.every((a) => a.password === DEMO_PASSWORD)).to.equal(true);
  });

  it('migrates an empty data directory, then seeds the demo only once', async () => {
    const dirs = env();
    expect((await run(['migrate'], dirs)).out).to.contain('Base de données à jour');
    expect((await run(['seed', 'demo'], dirs)).out).to.contain('installée');
    expect((await run(['seed', 'demo'], dirs)).out).to.contain('déjà installée');
  });

  it('refuses an unknown data set with a message and a failure code', async () => {
    const { code, err } = await run(['seed', 'production'], env());
    expect(code).to.equal(1);
    expect(err).to.contain('Jeu de données inconnu');
  });

  it('lists configured plugins with their state', async () => {
    const { code, out } = await run(['plugins', 'list', '--json'], {
      ...env(),
      PREAU_PLUGINS: 'preau-plugin-menu-cantine',
    });
    expect(code).to.equal(0);
    expect(JSON.parse(out)).to.deep.include.members([
      {
        id: 'menu-cantine',
        version: '1.0.0',
        status: 'started',
        reason: null,
        source: 'preau-plugin-menu-cantine',
      },
    ]);
  });

  it('serves the demo, and keeps its data across a restart', async () => {
    const port = await freePort();
    const dirs = { ...env(), PORT: String(port), PREAU_PLUGINS: 'preau-plugin-menu-cantine' };
    const base = `http://127.0.0.1:${port}`;
    let server = await serve(dirs);
    let cookie: string;
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'sophie.lefebvre', password: DEMO_PASSWORD }),
      });
      expect(login.status).to.equal(200);
      cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    } finally {
      await stop(server);
    }
    server = await serve(dirs);
    try {
      const me = await fetch(`${base}/api/me`, { headers: { cookie } });
      expect(me.status).to.equal(200);
      expect(((await me.json()) as { login: string }).login).to.equal('sophie.lefebvre');
    } finally {
      await stop(server);
    }
  });
});
