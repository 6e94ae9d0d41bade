import type { ExtensionPoint, HookEcole, PluginHooks } from '@preau/sdk';

/** A started plugin as the re-indexing needs it. */
export interface ReindexablePlugin {
  id: string;
  hooks: PluginHooks;
  /** The extension points it provides (`search`: it is a search engine). */
  provides: readonly ExtensionPoint[];
}

/** What re-indexing needs from the host, looked up at each event (enablement changes). */
export interface SearchReindexHost {
  /** The started plugins. */
  plugins(): readonly ReindexablePlugin[];
  /** The plugins enabled for an école (already up to date when the event is published). */
  enabledFor(ecoleId: number): Promise<ReadonlySet<string>>;
  /** The école as hooks receive it; undefined when it no longer exists. */
  ecole(ecoleId: number): Promise<HookEcole | undefined>;
  log: {
    error(details: object, message: string): void;
    info(details: object, message: string): void;
  };
}

/**
 * The handler of `plugin.enabled` that fills the search index of an école when search starts
 * there with content already present: when a `search` provider (recherche, or a vendor's engine)
 * becomes enabled, every started plugin enabled there that has a `searchReindex` hook indexes
 * its content again; when such a plugin becomes enabled where a provider already is, it does.
 * Plugins index while no provider is enabled into nothing (`ctx.search` then does nothing),
 * hence the catch-up.
 *
 * The hooks run one after the other (a large école should not hit the database with every
 * plugin at once); a failing hook is logged and the others still run: the administrator who
 * enabled the plugin never sees a re-indexing error, and indexing again later fixes it.
 */
export function searchReindexer(
  host: SearchReindexHost,
): (event: { pluginId: string; ecoleId: number }) => Promise<void> {
  return async ({ pluginId, ecoleId }) => {
    const enabled = await host.enabledFor(ecoleId);
    const plugins = host.plugins();
    const isSearch = (plugin: ReindexablePlugin) => plugin.provides.includes('search');
    if (!plugins.some((plugin) => isSearch(plugin) && enabled.has(plugin.id))) return;
    const searchStarted = plugins.some((plugin) => isSearch(plugin) && plugin.id === pluginId);
    const targets = plugins.filter(
      (plugin) =>
        plugin.hooks.searchReindex &&
        enabled.has(plugin.id) &&
        (searchStarted || plugin.id === pluginId),
    );
    if (targets.length === 0) return;
    const ecole = await host.ecole(ecoleId);
    if (!ecole) return;
    for (const plugin of targets) {
      try {
        await plugin.hooks.searchReindex!.call(plugin.hooks, ecole);
        host.log.info({ plugin: plugin.id, ecoleId }, 'Contenus indexés pour la recherche');
      } catch (error) {
        host.log.error(
          { err: error, plugin: plugin.id, ecoleId },
          'Réindexation pour la recherche en échec',
        );
      }
    }
  };
}
