import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { PluginDefinition, PluginMigration } from '@preau/sdk';

import type { DiscoveredPlugin } from './discover.js';

/** Raised when a plugin's code cannot be used; its message completes « Plugin « x » refusé : … ». */
export class PluginLoadError extends Error {
  override name = 'PluginLoadError';
}

/**
 * Imports a plugin's code (the package's `exports["."]`, else `main`, else index.js) and checks
 * that its default export is what `definePlugin()` returns, for the plugin the manifest names.
 */
export async function loadPluginCode(plugin: DiscoveredPlugin): Promise<PluginDefinition> {
  const entry = entryPoint(plugin);
  let imported: { default?: unknown };
  try {
    imported = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (error) {
    throw new PluginLoadError(`son code n’a pas pu être chargé (${(error as Error).message})`);
  }
  const definition = imported.default as Partial<PluginDefinition> | undefined;
  if (
    typeof definition !== 'object' ||
    definition === null ||
    typeof definition.register !== 'function' ||
    typeof definition.manifest !== 'object'
  ) {
    throw new PluginLoadError(
      'son code n’exporte pas par défaut le résultat de definePlugin({ manifest, register })',
    );
  }
  if (definition.manifest?.id !== plugin.id) {
    throw new PluginLoadError(
      `son code déclare l’identifiant « ${String(definition.manifest?.id)} », ` +
        `son manifest.json « ${plugin.id} »`,
    );
  }
  checkMigrations(definition.migrations);
  return definition as PluginDefinition;
}

// Module-private helpers.

function entryPoint(plugin: DiscoveredPlugin): string {
  const target = exportedEntry(plugin.packageJson.exports) ?? plugin.packageJson.main ?? 'index.js';
  const file = resolve(plugin.root, target);
  if (relative(plugin.root, file).startsWith('..')) {
    throw new PluginLoadError(`son point d’entrée « ${target} » sort de son paquet`);
  }
  if (!existsSync(file)) {
    throw new PluginLoadError(
      `son point d’entrée « ${target} » est introuvable (le paquet a-t-il été compilé ?)`,
    );
  }
  return file;
}

/** The file `import '<package>'` would load, from the `exports` field's common shapes. */
function exportedEntry(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return undefined;
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  const root = keys.some((key) => key.startsWith('.')) ? map['.'] : map;
  return conditionalEntry(root);
}

function conditionalEntry(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const conditions = value as Record<string, unknown>;
  for (const condition of ['import', 'node', 'default']) {
    const found = conditionalEntry(conditions[condition]);
    if (found) return found;
  }
  return undefined;
}

function checkMigrations(migrations: unknown): asserts migrations is PluginMigration[] | undefined {
  if (migrations === undefined) return;
  if (!Array.isArray(migrations)) {
    throw new PluginLoadError('ses migrations doivent être une liste');
  }
  const names = new Set<string>();
  for (const migration of migrations as Partial<PluginMigration>[]) {
    if (
      typeof migration?.name !== 'string' ||
      typeof migration.up !== 'function' ||
      typeof migration.down !== 'function'
    ) {
      throw new PluginLoadError('chacune de ses migrations doit avoir un nom, up() et down()');
    }
    if (names.has(migration.name)) {
      throw new PluginLoadError(`sa migration « ${migration.name} » apparaît deux fois`);
    }
    names.add(migration.name);
  }
}
