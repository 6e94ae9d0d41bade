import type { Server } from '@hapi/hapi';
import type { PluginHooks, PluginsReader } from '@preau/sdk';

import type { CoreContext } from '../context.js';
import { toHapiRoute } from '../http/route.js';
import type { Communication } from '../rights/communication.js';
import type { Permissions } from '../rights/permissions.js';
import { createPluginContext } from './context.js';
import { TableNaming } from './database.js';
import { SqlDirectoryReader } from './directory-reader.js';
import type { DiscoveredPlugin } from './discover.js';
import type { PluginGuard } from './guard.js';
import { loadPluginCode, PluginLoadError } from './load.js';
import { migratePluginUp } from './migrations.js';
import { pluginRouteDefinitions } from './mount.js';
import type { NotificationsFacadeHost } from './notifications-facade.js';
import type { SearchFacadeHost } from './search-facade.js';
import type { PluginSettingsStore } from './settings.js';
import type { StartedPlugin } from './types.js';

/** What starting one plugin needs from the host. */
export interface StartPluginInput {
  ctx: CoreContext;
  plugin: DiscoveredPlugin;
  /** Ids of every configured plugin, so no table lands in another's namespace. */
  allIds: readonly string[];
  server: Server;
  migrate: boolean;
  permissions: Permissions;
  communication: Communication;
  settings: PluginSettingsStore;
  guard: PluginGuard;
  /** Read-only view of the other plugins, given to the plugin as `ctx.plugins`. */
  plugins: PluginsReader;
  /** The service a plugin started earlier provided. */
  serviceOf(pluginId: string): object | undefined;
  /** Where `ctx.search` forwards to. */
  search: SearchFacadeHost;
  /** Where `ctx.notifications` forwards to. */
  notifications: NotificationsFacadeHost;
  /** The plugins enabled for an école. */
  enabledFor(ecoleId: number): Promise<ReadonlySet<string>>;
}

/**
 * Starts one plugin whose manifest passed the static checks: imports its code, runs its
 * migrations, calls its `register()`, checks its hooks, then declares its permissions and mounts
 * its routes. Throws `PluginLoadError` (a reason completing « Plugin « x » refusé : … ») at the
 * first failure; nothing is declared or mounted unless every step succeeded.
 */
export async function startPlugin(input: StartPluginInput): Promise<StartedPlugin> {
  const { ctx, plugin } = input;
  const definition = await loadPluginCode(plugin);
  input.settings.prepare(plugin.manifest);
  const migrations = definition.migrations ?? [];
  if (input.migrate) {
    const migratable = { id: plugin.id, migrations, otherPluginIds: input.allIds };
    await migratePluginUp(ctx.knex, migratable).catch((error: Error) => {
      throw new PluginLoadError(`ses migrations ont échoué (${error.message})`);
    });
  }
  const { context, registration, seal } = createPluginContext({
    core: ctx,
    manifest: plugin.manifest,
    naming: new TableNaming(plugin.id, input.allIds),
    permissions: input.permissions,
    communication: input.communication,
    directory: new SqlDirectoryReader(ctx.sql),
    settings: input.settings,
    plugins: input.plugins,
    serviceOf: input.serviceOf,
    search: input.search,
    notifications: input.notifications,
    enabledFor: input.enabledFor,
  });
  let hooks: PluginHooks;
  try {
    await definition.register(context);
    hooks =
      (typeof definition.hooks === 'function' ? definition.hooks(context) : definition.hooks) ?? {};
  } catch (error) {
    throw new PluginLoadError(`son register() a échoué (${(error as Error).message})`);
  } finally {
    seal();
  }
  if (plugin.manifest.privacy.personalData.length > 0 && (!hooks.exportUser || !hooks.eraseUser)) {
    throw new PluginLoadError(
      'il déclare garder des données personnelles sans fournir les hooks exportUser et eraseUser',
    );
  }
  const started: StartedPlugin = {
    id: plugin.id,
    version: plugin.version,
    manifest: plugin.manifest,
    root: plugin.root,
    context,
    hooks,
    migrations,
    routes: registration.routes,
    widgetLoaders: registration.widgetLoaders,
    service: registration.service,
  };
  // Every hapi route is built (schemas compiled) before anything is declared or mounted.
  const routes = pluginRouteDefinitions(started, input.guard).map(toHapiRoute);
  input.permissions.declare(plugin.manifest.permissions);
  input.server.route(routes);
  return started;
}
