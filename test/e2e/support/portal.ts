import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { createPreau, loadConfig, type Preau } from '@preau/core';
import { createTestDatabase, type TestDatabase } from '@preau/core/testing';

import { apiSession } from './api.js';

/**
 * A real Préau for the browser tests: listening on 127.0.0.1 (ephemeral port), on a throwaway
 * SQLite database holding the demo collectivités, with the example plugin menu-cantine and the
 * e2e fixture plugin « vitrine ».
 *
 * SQLite only, on purpose: these tests exercise the pages in a browser; every database path
 * they reach is already tested on SQLite and MariaDB by the HTTP suites.
 */
export interface Portal {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  preau: Preau;
  ecoles: DemoEcoles;
  close(): Promise<void>;
}

/** Ids of the demo écoles. */
export interface DemoEcoles {
  julesFerry: number;
  tilleuls: number;
  petitPrince: number;
}

export interface PortalOptions {
  /**
   * Écoles where « vitrine » stays enabled. The demo enables every plugin everywhere; by default
   * the e2e portal disables « vitrine » at Le Petit-Prince (as its administrator would, through
   * the admin API), so that the profiles tests see one école without it.
   */
  vitrineAt?: Array<keyof DemoEcoles>;
  /**
   * More plugins to load (package names, e.g. '@preau/plugin-notifications'), enabled for every
   * demo école through the admin API. The demo template is seeded with `e2ePlugins` only, so
   * that the tests of the dashboard keep the widgets they count.
   */
  extraPlugins?: string[];
}

/** The repository's root, from test/dist/e2e/support/. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The e2e fixture plugin's folder (its sources are plain JS: nothing to compile). */
export const vitrinePlugin = join(repoRoot, 'test/e2e/fixtures/plugin-vitrine');

/** What `config.plugins` holds for the e2e portal. */
export const e2ePlugins = ['preau-plugin-menu-cantine', vitrinePlugin];

/** The administrator of each demo collectivité, by école. */
const ADMIN_OF: Record<keyof DemoEcoles, string> = {
  julesFerry: 'admin.beaulieu',
  tilleuls: 'admin.beaulieu',
  petitPrince: 'admin.saint-aubin',
};

/** Starts a portal; close it in `after`. */
export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const template = await seededTemplate();
  const database = await createTestDatabase('sqlite');
  const workDir = mkdtempSync(join(tmpdir(), 'preau-e2e-'));
  let preau: Preau | undefined;
  const drop = async () => {
    rmSync(workDir, { recursive: true, force: true });
    await database.drop();
  };
  try {
    copyDatabase(template, fileOf(database));
    const extraPlugins = options.extraPlugins ?? [];
    preau = await createPreau({ config: e2eConfig(database.url, workDir, extraPlugins) });
    await preau.listen();
    const url = String(preau.server.info.uri).replace(/\/$/, '');
    const ecoles = await demoEcoles(preau);
    const keep = new Set(options.vitrineAt ?? ['julesFerry', 'tilleuls']);
    for (const key of Object.keys(ecoles) as Array<keyof DemoEcoles>) {
      if (keep.has(key)) continue;
      const admin = await apiSession(url, ADMIN_OF[key]);
      await admin.request('DELETE', `/api/admin/ecoles/${ecoles[key]}/plugins/vitrine`, 200);
    }
    for (const key of Object.keys(ecoles) as Array<keyof DemoEcoles>) {
      const admin = await apiSession(url, ADMIN_OF[key]);
      for (const plugin of extraPlugins) {
        const installed = preau.services.plugins.installed().find((p) => p.source === plugin);
        if (installed?.status !== 'started') {
          throw new Error(`startPortal : ${plugin} n’a pas démarré (${installed?.reason ?? '?'})`);
        }
        const id = installed.id;
        await admin.request('PUT', `/api/admin/ecoles/${ecoles[key]}/plugins/${id}`, 200);
      }
    }
    const running = preau;
    return {
      url,
      preau: running,
      ecoles,
      async close() {
        try {
          await running.stop();
        } finally {
          await drop();
        }
      },
    };
  } catch (error) {
    await preau?.stop().catch(() => undefined);
    await drop();
    throw error;
  }
}

// Module-private helpers.

/**
 * The demo is seeded once per test run, by the `preau seed demo` command itself (as
 * `preau start --demo` does: migrations, demo collectivités, every plugin enabled for the demo
 * écoles), into a template file that each portal copies. `seedDemo` and `enableDemoPlugins` are
 * not exported by @preau/core, and its package exports forbid deep imports: the command is the
 * public way to the same code.
 */
let template: Promise<string> | undefined;

function seededTemplate(): Promise<string> {
  template ??= seedTemplate();
  return template;
}

async function seedTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'preau-e2e-demo-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'demo.sqlite');
  const cli = join(repoRoot, 'core/dist/src/cli/main.js');
  try {
    await promisify(execFile)(process.execPath, [cli, 'seed', 'demo'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: `sqlite:${file}`,
        PREAU_DATA_DIR: dir,
        PREAU_PLUGINS: e2ePlugins.join(','),
        LOG_LEVEL: 'warn',
      },
    });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`« preau seed demo » a échoué : ${stderr || message}`, { cause: error });
  }
  return file;
}

function e2eConfig(url: string, workDir: string, extraPlugins: string[]) {
  return loadConfig({
    env: {},
    cwd: workDir,
    overrides: {
      database: { url },
      dataDir: workDir,
      log: { level: 'silent' },
      server: { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1' },
      plugins: [...e2ePlugins, ...extraPlugins],
    },
  });
}

function fileOf(database: TestDatabase): string {
  return database.url.replace(/^sqlite:/, '');
}

/** Copies an SQLite file with its journal files, if the seeding process left any. */
function copyDatabase(from: string, to: string): void {
  const dir = join(from, '..');
  const base = from.slice(dir.length + 1);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(base)) copyFileSync(join(dir, name), to + name.slice(base.length));
  }
  if (!existsSync(to)) throw new Error(`copie de la base de démonstration ratée : ${to}`);
}

async function demoEcoles(preau: Preau): Promise<DemoEcoles> {
  const id = async (name: string) => {
    const row = (await preau.ctx.knex('ecoles').where({ name }).first('id')) as
      { id: number } | undefined;
    if (!row) throw new Error(`école de démonstration introuvable : ${name}`);
    return Number(row.id);
  };
  return {
    julesFerry: await id('École élémentaire Jules-Ferry'),
    tilleuls: await id('École maternelle Les Tilleuls'),
    petitPrince: await id('École primaire Le Petit-Prince'),
  };
}
