import type { EnabledPlugin, PluginPage } from '../api/types.js';

/** A plugin page matched by a path, with where its module is served. */
export interface PageMatch {
  plugin: EnabledPlugin;
  page: PluginPage;
  moduleUrl: string;
}

/**
 * The page of `pluginId` that shows `rest` (what follows `/apps/<pluginId>`): the page whose
 * `path` is `rest`, or a parent folder of it (the longest one winning), so that `/menus` also
 * shows `/menus/2026-09-01` and reads the rest from its `path` property. The root page `/`
 * shows only `/`: an unknown address under a plugin is « Page introuvable », not its home.
 *
 * @example
 * ```ts
 * findPluginPage(plugins, 'menu-cantine', '/menus/2026-09-01')?.page.tag;
 * ```
 */
export function findPluginPage(
  plugins: EnabledPlugin[],
  pluginId: string,
  rest: string,
): PageMatch | null {
  const plugin = plugins.find((candidate) => candidate.id === pluginId);
  if (!plugin) return null;
  let best: PluginPage | null = null;
  for (const page of plugin.pages ?? []) {
    const path = page.path === '/' ? '/' : page.path.replace(/\/+$/, '');
    const wanted = rest.length > 1 ? rest.replace(/\/+$/, '') : '/';
    const matches = wanted === path || (path !== '/' && wanted.startsWith(`${path}/`));
    if (matches && (!best || path.length > best.path.length)) best = page;
  }
  if (!best) return null;
  const module = best.module.replace(/^\.?\/+/, '');
  return {
    plugin,
    page: best,
    moduleUrl: `/plugins/${encodeURIComponent(plugin.id)}/${encodeURIComponent(plugin.version)}/${module}`,
  };
}
