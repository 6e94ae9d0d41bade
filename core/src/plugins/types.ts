import type {
  PluginContext,
  PluginHooks,
  PluginManifest,
  PluginMigration,
  PluginRoute,
  WidgetDataLoader,
} from '@preau/sdk';

/** What became of a configured plugin. */
export type PluginStatus = 'started' | 'refused';

/** A configured plugin and what became of it: for administrators and `preau plugins list`. */
export interface InstalledPlugin {
  /** The manifest's id; the configuration entry when no readable id was found. */
  id: string;
  version: string | null;
  /** The `config.plugins` entry it came from (package name or folder). */
  source: string;
  status: PluginStatus;
  /** Why it was refused, in French; null when started. */
  reason: string | null;
  /** The validated manifest; null when the manifest itself was refused. */
  manifest: PluginManifest | null;
}

/** A plugin route as the host keeps it, whatever types its handler declared. */
export type AnyPluginRoute = PluginRoute<Record<string, unknown>, Record<string, unknown>, unknown>;

/** What a started plugin is made of, once its `register()` has returned. */
export interface StartedPlugin {
  id: string;
  version: string;
  manifest: PluginManifest;
  /** Absolute path of the package folder (widget modules and assets are served from it). */
  root: string;
  context: PluginContext;
  hooks: PluginHooks;
  migrations: readonly PluginMigration[];
  routes: readonly AnyPluginRoute[];
  widgetLoaders: ReadonlyMap<string, WidgetDataLoader>;
  /** What it offered to its dependents with `ctx.provide()`. */
  service: object | undefined;
}

/** The started plugins, in dependency order: what enablement and the routes look up. */
export interface PluginCatalog {
  get(pluginId: string): StartedPlugin | undefined;
  list(): readonly StartedPlugin[];
}
