import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createPreau, loadConfig, systemClock, type PreauConfig } from '@preau/core';
import {
  createTestDatabase,
  insertFixtures,
  type FixtureLogin,
  type TestEngine,
} from '@preau/core/testing';

/** The repository's root, from test/dist/bench/. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A seeded throwaway database and the sessions the load rotates through. */
export interface BenchDatabase {
  engine: TestEngine;
  url: string;
  /** The plugin folder loaded, so the dashboard has widgets. */
  pluginPath: string;
  /** `Cookie` header values, one per logged-in person (pupils, teachers, parents). */
  cookies: string[];
  /** Folder used as Préau's working directory (no configuration file in it). */
  workDir: string;
  drop(): Promise<void>;
}

/** Who the load logs in as: two of each of the profiles that use the dashboard most. */
const SESSIONS: Array<{ login: FixtureLogin; profile: string }> = [
  { login: 'eleve.cm1a', profile: 'ELV' },
  { login: 'enseignant.cm1a', profile: 'ENS' },
  { login: 'parent.a1', profile: 'TUT' },
  { login: 'eleve2.cm1a', profile: 'ELV' },
  { login: 'enseignant.ce1', profile: 'ENS' },
  { login: 'parent2.a1', profile: 'TUT' },
];

/** Raised when the chosen plugin did not start: the bench then tries the next one. */
export class PluginDidNotStart extends Error {
  override name = 'PluginDidNotStart';
}

/**
 * The plugins that can give the dashboard its widgets, in order of preference: the example
 * vendor plugin when it is built, then the dashboard tests' own fixture plugin.
 */
export function benchPlugins(): string[] {
  const example = join(repoRoot, 'examples/plugin-menu-cantine');
  const fixture = join(repoRoot, 'core/test/fixtures/plugins/dashboard-alpha');
  return hasWidgets(example) ? [example, fixture] : [fixture];
}

/**
 * Creates and seeds a database: the fixture world, the plugin enabled for école A1, a personal
 * layout for the teachers, an école default (with a mandatory widget) for parents, and pupils on
 * the layout computed from the widgets. Every path of the dashboard's reads is exercised.
 */
export async function prepareDatabase(
  engine: TestEngine,
  pluginPath: string,
): Promise<BenchDatabase> {
  const database = await createTestDatabase(engine);
  const workDir = mkdtempSync(join(tmpdir(), 'preau-bench-'));
  const cleanUp = async () => {
    rmSync(workDir, { recursive: true, force: true });
    await database.drop();
  };
  try {
    const config = benchConfig(database.url, workDir, pluginPath);
    const preau = await createPreau({ config });
    try {
      const { knex } = preau.ctx;
      const refused = preau.services.plugins.installed().find((p) => p.status === 'refused');
      if (refused || preau.services.plugins.widgets().length === 0) {
        throw new PluginDidNotStart(
          `le plugin ${pluginPath} n’a pas démarré ou n’a aucun widget` +
            (refused?.reason ? ` (${refused.reason})` : ''),
        );
      }
      const world = await insertFixtures(knex, systemClock);
      const now = systemClock.now();
      const manifests = preau.services.plugins.manifests();
      for (const manifest of manifests) {
        await knex('plugin_enablements').insert({
          plugin_id: manifest.id,
          ecole_id: world.ecoles.a1,
          enabled_at: now,
          enabled_by: null,
        });
      }
      const widgets = preau.services.plugins
        .widgets()
        .map(({ pluginId, widget }) => ({ widget, key: `${pluginId}/${widget.id}` }));
      const open = widgets.filter(({ widget }) => !widget.permission);
      const layoutOf = (list: typeof widgets) =>
        JSON.stringify(list.map(({ widget, key }) => ({ widget: key, ...widget.sizes.default })));
      await knex('dashboard_defaults').insert({
        ecole_id: world.ecoles.a1,
        profile: 'TUT',
        layout: layoutOf(open),
        mandatory: JSON.stringify(open.slice(0, 1).map(({ key }) => key)),
      });
      const cookies: string[] = [];
      for (const { login, profile } of SESSIONS) {
        const personId = world.people[login];
        if (profile === 'ENS') {
          await knex('dashboard_layouts').insert({
            person_id: personId,
            ecole_id: world.ecoles.a1,
            layout: layoutOf([...widgets].reverse()),
            updated_at: now,
          });
        }
        const { token } = await preau.services.sessions.open({
          personId,
          ecoleId: world.ecoles.a1,
          profile,
          ip: '127.0.0.1',
          userAgent: 'preau-bench',
        });
        cookies.push(`${config.sessions.cookieName}=${token}`);
      }
      return { engine, url: database.url, pluginPath, cookies, workDir, drop: cleanUp };
    } finally {
      await preau.stop();
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** The configuration every bench Préau runs with: quiet, local, ephemeral port. */
export function benchConfig(url: string, workDir: string, pluginPath: string): PreauConfig {
  return loadConfig({
    env: {},
    cwd: workDir,
    overrides: {
      database: { url },
      log: { level: 'silent' },
      server: { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1' },
      plugins: [pluginPath],
    },
  });
}

function hasWidgets(folder: string): boolean {
  const manifestPath = join(folder, 'manifest.json');
  const packagePath = join(folder, 'package.json');
  if (!existsSync(manifestPath) || !existsSync(packagePath)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { widgets?: unknown[] };
    const pkg = JSON.parse(readFileSync(packagePath, 'utf8')) as { main?: string };
    // The example is TypeScript: only usable once compiled.
    return (manifest.widgets?.length ?? 0) > 0 && existsSync(join(folder, pkg.main ?? 'index.js'));
  } catch {
    return false;
  }
}
