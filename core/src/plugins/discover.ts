import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { PluginManifest } from '@preau/sdk';

import { browserFoldersProblem } from './browser-files.js';
import { helpFilesProblem } from './help-files.js';
import {
  headerItemFilesProblem,
  manifestProblem,
  navigationIconsProblem,
  schemaProblem,
} from './manifest-checks.js';

/** The few fields of a plugin's package.json that core reads. */
export interface PluginPackageJson {
  name?: string;
  version?: string;
  main?: string;
  exports?: unknown;
}

/** A plugin package whose manifest passed every static check; its code has not run yet. */
export interface DiscoveredPlugin {
  id: string;
  version: string;
  /** The `config.plugins` entry it came from. */
  source: string;
  /** Absolute, real path of the package folder. */
  root: string;
  manifest: PluginManifest;
  packageJson: PluginPackageJson;
}

/** A plugin core will not start, and why (French, completing « Plugin « x » refusé : … »). */
export interface PluginRefusal {
  id: string;
  version: string | null;
  source: string;
  reason: string;
  manifest: PluginManifest | null;
}

export interface DiscoveryResult {
  /** Plugins that passed the static checks, in configuration order. */
  plugins: DiscoveredPlugin[];
  refused: PluginRefusal[];
}

/**
 * Finds the configured plugins and checks their manifests without running any of their code.
 * Each entry of `config.plugins` is an npm package name (resolved from `cwd`, then from core's
 * own location) or a folder (absolute, or relative to `cwd`). A plugin that fails a check is
 * refused with its reason; the others carry on.
 */
export function discoverPlugins(entries: readonly string[], cwd: string): DiscoveryResult {
  const result: DiscoveryResult = { plugins: [], refused: [] };
  const seen = new Map<string, DiscoveredPlugin>();
  for (const source of entries) {
    const found = inspect(source, cwd);
    if ('reason' in found) {
      result.refused.push(found);
      continue;
    }
    const first = seen.get(found.id);
    if (first) {
      result.refused.push({
        ...refusalOf(found),
        reason: `un autre plugin porte déjà cet identifiant (« ${first.source} »)`,
      });
      continue;
    }
    seen.set(found.id, found);
    result.plugins.push(found);
  }
  return result;
}

/** The folder of a configured plugin, or null when nothing is found there. */
export function locatePlugin(source: string, cwd: string): string | null {
  if (looksLikePath(source)) {
    const folder = resolve(cwd, source);
    return existsSync(join(folder, 'package.json')) ? realpathSync(folder) : null;
  }
  // Look for the package folder itself rather than `require.resolve(name)`: resolving the entry
  // point would fail on packages whose `exports` hide package.json, and proves nothing here.
  for (const base of [join(cwd, 'preau.config.json'), fileURLToPath(import.meta.url)]) {
    for (const modules of createRequire(base).resolve.paths(source) ?? []) {
      const folder = join(modules, source);
      if (existsSync(join(folder, 'package.json'))) return realpathSync(folder);
    }
  }
  return null;
}

// Module-private helpers.

function inspect(source: string, cwd: string): DiscoveredPlugin | PluginRefusal {
  const refuse = (reason: string, id = source, version: string | null = null) => ({
    id,
    version,
    source,
    reason,
    manifest: null,
  });
  const root = locatePlugin(source, cwd);
  if (!root) {
    return refuse(
      looksLikePath(source)
        ? `aucun paquet (package.json) dans le dossier ${resolve(cwd, source)}`
        : `le paquet npm « ${source} » n’est pas installé`,
    );
  }
  const packageJson = readJson(join(root, 'package.json'));
  if (!isObject(packageJson))
    return refuse(`son package.json est illisible (${String(packageJson)})`);
  const packageVersion = typeof packageJson.version === 'string' ? packageJson.version : null;
  const manifestPath = join(root, 'manifest.json');
  if (!existsSync(manifestPath) || !statSync(manifestPath).isFile()) {
    return refuse('il n’a pas de manifest.json à la racine de son paquet', source, packageVersion);
  }
  const manifest = readJson(manifestPath);
  if (!isObject(manifest)) {
    return refuse(`son manifest.json est illisible (${String(manifest)})`, source, packageVersion);
  }
  const id = typeof manifest.id === 'string' && manifest.id ? manifest.id : source;
  const version = typeof manifest.version === 'string' ? manifest.version : packageVersion;
  const invalid = schemaProblem(manifest);
  if (invalid) return refuse(invalid, id, version);
  const valid = manifest as unknown as PluginManifest;
  const problem =
    manifestProblem(valid, packageJson.version) ??
    helpFilesProblem(valid, root) ??
    headerItemFilesProblem(valid, root) ??
    navigationIconsProblem(valid, root) ??
    browserFoldersProblem(valid);
  if (problem) return { ...refuse(problem, id, version), manifest: valid };
  return {
    id: valid.id,
    version: valid.version,
    source,
    root,
    manifest: valid,
    packageJson: packageJson,
  };
}

function refusalOf(plugin: DiscoveredPlugin): PluginRefusal {
  return {
    id: plugin.id,
    version: plugin.version,
    source: plugin.source,
    reason: '',
    manifest: plugin.manifest,
  };
}

/** Unscoped npm names have no slash, scoped ones start with '@': anything else is a path. */
function looksLikePath(source: string): boolean {
  return (
    isAbsolute(source) ||
    source.startsWith('.') ||
    source.includes('\\') ||
    (source.includes('/') && !source.startsWith('@'))
  );
}

/** The parsed JSON, or the parse error's message as a string. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    return (error as Error).message;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
