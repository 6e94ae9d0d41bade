import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

import type { InstalledPluginHelp, PluginManifest, PluginsReader } from '@preau/sdk';

import type { PluginCatalog } from './types.js';

/**
 * Help files that plugins declare in their manifest (`help[].file`): checked at discovery, read
 * on demand for the « aide » plugin. A file is reachable only when the manifest declares it and
 * it lies inside the package folder, so `ctx.plugins.readHelp()` can never read anything else.
 */

/** The first declared help file that is missing or outside the package; null when all are fine. */
export function helpFilesProblem(manifest: PluginManifest, root: string): string | null {
  const ids = new Set<string>();
  for (const help of manifest.help ?? []) {
    if (ids.has(help.id)) return `sa page d’aide « ${help.id} » est déclarée deux fois`;
    ids.add(help.id);
    for (const file of Object.values(help.file)) {
      if (!file || !insidePackage(root, file)) {
        return `le fichier d’aide « ${file} » de sa page « ${help.id} » est absent de son paquet`;
      }
    }
  }
  return null;
}

/** `ctx.plugins`: the started plugins enabled for an école, and their declared help files. */
export function pluginsReader(
  catalog: PluginCatalog,
  enabledFor: (ecoleId: number) => Promise<ReadonlySet<string>>,
): PluginsReader {
  return {
    async enabledFor(ecoleId) {
      const enabled = await enabledFor(ecoleId);
      return catalog
        .list()
        .filter((plugin) => enabled.has(plugin.id))
        .map((plugin): InstalledPluginHelp => ({
          id: plugin.id,
          version: plugin.version,
          name: plugin.manifest.name,
          pages: (plugin.manifest.pages ?? []).map(({ id, path }) => ({ id, path })),
          help: (plugin.manifest.help ?? []).map((help) => ({ ...help, file: { ...help.file } })),
          ...(plugin.manifest.searchProviders?.length
            ? { searchProviders: plugin.manifest.searchProviders.map((p) => ({ ...p })) }
            : {}),
          ...(plugin.manifest.notificationTypes?.length
            ? {
                notificationTypes: plugin.manifest.notificationTypes.map((type) => ({
                  ...type,
                })),
              }
            : {}),
        }));
    },
    async readHelp(pluginId, file) {
      const plugin = catalog.get(pluginId);
      if (!plugin) throw new Error(`Aucun plugin démarré « ${pluginId} »`);
      const declared = (plugin.manifest.help ?? []).some((help) =>
        Object.values(help.file).includes(file),
      );
      const path = declared ? insidePackage(plugin.root, file) : null;
      if (!path) {
        throw new Error(`Le plugin « ${pluginId} » ne déclare pas le fichier d’aide « ${file} »`);
      }
      return readFile(path, 'utf8');
    },
  };
}

// Module-private helpers.

/** The real path of `file` under `root` when it is a regular file inside it; else null. */
function insidePackage(root: string, file: string): string | null {
  if (isAbsolute(file)) return null;
  const candidate = join(root, file);
  if (!existsSync(candidate)) return null;
  const real = realpathSync(candidate);
  const fromRoot = relative(realpathSync(root), real);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return statSync(real).isFile() ? real : null;
}
