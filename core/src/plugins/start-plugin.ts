import type { Server } from '@hapi/hapi';
import type { PluginContext, PluginDefinition, PluginHooks, PluginsReader } from '@preau/sdk';

import type { CoreContext } from '../context.js';
import { toHapiRoute } from '../http/route.js';
import type { Communication } from '../rights/communication.js';
import type { Permissions } from '../rights/permissions.js';
import { createPluginContext } from './context.js';
import { TableNaming } from './database.js';
import { SqlDirectoryReader } from './directory-reader.js';
import type { DiscoveredPlugin } from './discover.js';
import { providesProblem, type ExtensionProviders } from './extension-points.js';
import type { PluginGuard } from './guard.js';
import { loadPluginCode, PluginLoadError } from './load.js';
import { migratePluginUp } from './migrations.js';
import { pluginRouteDefinitions } from './mount.js';
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
  /** Where `ctx.search` and `ctx.notifications` forward to: each école's provider. */
  providers: ExtensionProviders;
  /** The plugins enabled for an école. */
  enabledFor(ecoleId: number): Promise<ReadonlySet<string>>;
}

/**
 * Starts one plugin whose manifest passed the static checks: imports its code, runs its
 * migrations, calls its `register()`, checks its hooks, then mounts its routes, declares its
 * permissions and commits its jobs and event subscriptions. Throws `PluginLoadError` (a reason
 * completing « Plugin « x » refusé : … ») at the first failure, and then keeps nothing of what
 * the plugin registered: no job is scheduled, no handler subscribed, no permission declared
 * (ADR 0012). Its routes are built before any is mounted; should hapi still refuse one midway,
 * those already mounted answer 404, the guard admitting only accepted plugins.
 */
export async function startPlugin(input: StartPluginInput): Promise<StartedPlugin> {
  const { ctx, plugin } = input;
  const definition = await loadPluginCode(plugin);
  const { context, registration, pending, seal } = createPluginContext({
    core: ctx,
    manifest: plugin.manifest,
    naming: new TableNaming(plugin.id, input.allIds),
    permissions: input.permissions,
    communication: input.communication,
    directory: new SqlDirectoryReader(ctx.sql),
    settings: input.settings,
    plugins: input.plugins,
    serviceOf: input.serviceOf,
    providers: input.providers,
    enabledFor: input.enabledFor,
  });
  try {
    input.settings.prepare(plugin.manifest);
    const migrations = definition.migrations ?? [];
    if (input.migrate) {
      const migratable = { id: plugin.id, migrations, otherPluginIds: input.allIds };
      await migratePluginUp(ctx.knex, migratable).catch((error: Error) => {
        throw new PluginLoadError(`ses migrations ont échoué (${error.message})`);
      });
    }
    const hooks = await registerPlugin(definition, context, seal);
    // A provider of an extension point (`provides`) must have given its service.
    const provides = providesProblem(plugin.manifest, registration.service);
    if (provides) throw new PluginLoadError(provides);
    if (
      plugin.manifest.privacy.personalData.length > 0 &&
      (!hooks.exportUser || !hooks.eraseUser)
    ) {
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
    // Every hapi route is built (schemas compiled) before anything is mounted or declared.
    const routes = pluginRouteDefinitions(started, input.guard).map(toHapiRoute);
    try {
      input.server.route(routes);
    } catch (error) {
      throw new PluginLoadError(
        `ses routes n’ont pas pu être montées (${(error as Error).message})`,
      );
    }
    input.permissions.declare(plugin.manifest.permissions);
    // Nothing below can fail: the plugin is accepted, its jobs and subscriptions go live.
    pending.commit();
    return started;
  } catch (error) {
    pending.discard();
    input.settings.forget(plugin.id);
    throw error;
  }
}

// Module-private helpers.

/** Runs `register()` and reads the hooks, then closes the context to late registrations. */
async function registerPlugin(
  definition: PluginDefinition,
  context: PluginContext,
  seal: () => void,
): Promise<PluginHooks> {
  try {
    await definition.register(context);
    return (
      (typeof definition.hooks === 'function' ? definition.hooks(context) : definition.hooks) ?? {}
    );
  } catch (error) {
    throw new PluginLoadError(`son register() a échoué (${(error as Error).message})`);
  } finally {
    seal();
  }
}
