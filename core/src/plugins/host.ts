import Boom from '@hapi/boom';
import type { Server } from '@hapi/hapi';
import type { PluginEcole, PluginManifest, PluginUser, WidgetManifest } from '@preau/sdk';

import type { CoreContext } from '../context.js';
import { ecoleById } from '../directory/queries.js';
import type { Directory } from '../directory/directory.js';
import type { Communication } from '../rights/communication.js';
import type { Permissions } from '../rights/permissions.js';
import { discoverPlugins } from './discover.js';
import { PluginEnablement } from './enablement.js';
import { extensionProviders, providedBy } from './extension-points.js';
import { PluginGuard } from './guard.js';
import { pluginsReader } from './help-files.js';
import { PluginLoadError } from './load.js';
import { migratePluginDown, migratePluginUp } from './migrations.js';
import { orderPlugins } from './order.js';
import { searchReindexer } from './search-reindex.js';
import { PluginSettingsStore } from './settings.js';
import { startPlugin } from './start-plugin.js';
import type { InstalledPlugin, PluginCatalog, StartedPlugin } from './types.js';

export type { InstalledPlugin, PluginStatus, StartedPlugin } from './types.js';

export interface PluginHostDependencies {
  directory: Directory;
  permissions: Permissions;
  communication: Communication;
}

/** A widget an installed plugin declares, with its plugin's identity. */
export interface RegisteredWidget {
  pluginId: string;
  pluginVersion: string;
  widget: WidgetManifest;
}

export interface PluginStartOptions {
  /** Run each plugin's migrations before it registers (default true). */
  migrate?: boolean;
  /** Where relative plugin paths and package names are resolved from (default: process cwd). */
  cwd?: string;
}

/**
 * Discovers the configured plugins, checks them, sorts them by dependency, runs their
 * migrations, registers them and mounts their routes under `/api/plugins/<id>`. A plugin that
 * fails any step is refused, with its reason logged and kept for administrators; the others
 * start regardless.
 */
export class PluginHost implements PluginCatalog {
  readonly enablement: PluginEnablement;
  readonly settings: PluginSettingsStore;
  private readonly guard: PluginGuard;
  private readonly reader = pluginsReader(this, (ecoleId) => this.enabledFor(ecoleId));
  private readonly started = new Map<string, StartedPlugin>();
  private readonly installedPlugins: InstalledPlugin[] = [];
  private allIds: readonly string[] = [];
  private unsubscribe: Array<() => void> = [];
  /** The provider of each extension point enabled for an école (`provides`, ADR 0015). */
  readonly providers = extensionProviders(this, (ecoleId) => this.enabledFor(ecoleId));

  constructor(
    protected readonly ctx: CoreContext,
    protected readonly deps: PluginHostDependencies,
  ) {
    this.enablement = new PluginEnablement(ctx, this);
    this.settings = new PluginSettingsStore(ctx);
    this.guard = new PluginGuard(deps.permissions, this.enablement, this);
  }

  /** Loads the configured plugins, runs their migrations and mounts their routes. */
  async start(server: Server, options: PluginStartOptions = {}): Promise<void> {
    const discovery = discoverPlugins(this.ctx.config.plugins, options.cwd ?? process.cwd());
    for (const refusal of discovery.refused) this.refuse(refusal);
    const refusedIds = new Set(discovery.refused.map((refusal) => refusal.id));
    const { ordered, refused } = orderPlugins(discovery.plugins, refusedIds);
    for (const { plugin, reason } of refused) this.refuse({ ...plugin, reason });
    const allIds = [...discovery.plugins, ...discovery.refused].map((plugin) => plugin.id);
    this.allIds = allIds;

    for (const plugin of ordered) {
      const lost = Object.keys(plugin.manifest.dependencies ?? {}).find(
        (id) => !this.started.has(id),
      );
      if (lost) {
        this.refuse({ ...plugin, reason: `il dépend du plugin « ${lost} », qui a été refusé` });
        continue;
      }
      try {
        const started = await startPlugin({
          ctx: this.ctx,
          plugin,
          allIds,
          server,
          migrate: options.migrate !== false,
          permissions: this.deps.permissions,
          communication: this.deps.communication,
          settings: this.settings,
          guard: this.guard,
          plugins: this.reader,
          serviceOf: (id) => this.started.get(id)?.service,
          providers: this.providers,
          enabledFor: (ecoleId) => this.enabledFor(ecoleId),
        });
        this.started.set(started.id, started);
        this.installedPlugins.push({ ...summaryOf(plugin), status: 'started', reason: null });
        this.ctx.log.info({ plugin: plugin.id, version: plugin.version }, 'Plugin démarré');
      } catch (error) {
        const message = (error as Error).message;
        const reason =
          error instanceof PluginLoadError ? message : `il n’a pas pu démarrer (${message})`;
        this.refuse({ ...plugin, reason });
      }
    }
    const forget = ({ ecoleId }: { ecoleId: number }) => this.enablement.invalidate(ecoleId);
    // Search catches up when it starts for an école with content (see search-reindex.ts).
    const reindex = searchReindexer({
      plugins: () =>
        this.list().map(({ id, hooks, manifest }) => ({
          id,
          hooks,
          provides: providedBy(manifest),
        })),
      enabledFor: (ecoleId) => this.enabledFor(ecoleId),
      ecole: async (ecoleId) => {
        const ecole = await ecoleById(this.ctx.sql, ecoleId);
        return ecole ? { id: ecoleId, uai: ecole.uai } : undefined;
      },
      log: this.ctx.log,
    });
    this.unsubscribe = [
      this.ctx.bus.subscribe('plugin.enabled', forget),
      this.ctx.bus.subscribe('plugin.disabled', forget),
      this.ctx.bus.subscribe('plugin.enabled', reindex),
    ];
    this.enablement.invalidate();
  }

  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.unsubscribe = [];
    this.enablement.invalidate();
  }

  /** Every configured plugin, started or refused, in the order they were settled. */
  installed(): readonly InstalledPlugin[] {
    return this.installedPlugins;
  }

  /** A started plugin, or undefined. */
  get(pluginId: string): StartedPlugin | undefined {
    return this.started.get(pluginId);
  }

  /** The started plugins, in dependency order. */
  list(): readonly StartedPlugin[] {
    return [...this.started.values()];
  }

  /** Manifests of the plugins that started. */
  manifests(): PluginManifest[] {
    return this.list().map((plugin) => plugin.manifest);
  }

  /** Every widget of every started plugin. */
  widgets(): RegisteredWidget[] {
    return this.list().flatMap((plugin) =>
      (plugin.manifest.widgets ?? []).map((widget) => ({
        pluginId: plugin.id,
        pluginVersion: plugin.version,
        widget,
      })),
    );
  }

  /** The folder of a started plugin's package (for serving its widget modules), or undefined. */
  rootOf(pluginId: string): string | undefined {
    return this.started.get(pluginId)?.root;
  }

  /**
   * Runs a started plugin's migrations by hand: 'up' runs those not yet run, 'down' undoes them
   * all, newest first (tests, `preau migrate --plugin <id> --down`). Returns the names run.
   */
  async migrate(pluginId: string, direction: 'up' | 'down'): Promise<string[]> {
    const plugin = this.started.get(pluginId);
    if (!plugin) throw new Error(`Aucun plugin démarré « ${pluginId} »`);
    const migratable = {
      id: plugin.id,
      migrations: plugin.migrations,
      otherPluginIds: this.allIds,
    };
    return direction === 'up'
      ? migratePluginUp(this.ctx.knex, migratable)
      : migratePluginDown(this.ctx.knex, migratable);
  }

  /** Ids of the plugins enabled for an école (cached; invalidated when enablement changes). */
  async enabledFor(ecoleId: number): Promise<ReadonlySet<string>> {
    return this.enablement.enabledFor(ecoleId);
  }

  /**
   * Runs a widget's data loader for a person. Checks again what the route guard checks (plugin
   * enabled for the person's école: else 404; widget permission: else 403), so that no caller
   * can skip it; rejects when the plugin gave no loader. `settings` are the person's settings
   * of this widget, if any. The loader's own errors reach the caller unchanged.
   */
  async loadWidgetData(
    pluginId: string,
    widgetId: string,
    user: PluginUser,
    ecole: PluginEcole,
    settings: Record<string, unknown> = {},
  ): Promise<unknown> {
    const plugin = this.started.get(pluginId);
    const widget = plugin?.manifest.widgets?.find((w) => w.id === widgetId);
    const loader = plugin?.widgetLoaders.get(widgetId);
    if (!plugin || !widget || !loader) {
      throw new Error(`Le widget ${pluginId}/${widgetId} n’a pas de chargeur de données`);
    }
    if (user.ecoleId !== ecole.id || !(await this.enabledFor(ecole.id)).has(pluginId)) {
      throw Boom.notFound('Ce service n’est pas activé pour votre école.');
    }
    if (
      widget.permission &&
      !(await this.deps.permissions.has(ecole.id, user.profile, widget.permission))
    ) {
      throw Boom.forbidden('Votre profil ne permet pas de voir ce widget dans votre école.');
    }
    return loader({ user, ecole, settings });
  }

  private refuse(plugin: {
    id: string;
    version: string | null;
    source: string;
    reason: string;
    manifest: PluginManifest | null;
  }): void {
    this.installedPlugins.push({ ...summaryOf(plugin), status: 'refused', reason: plugin.reason });
    this.ctx.log.warn(
      { plugin: plugin.id, source: plugin.source },
      refusalMessage(plugin.id, plugin.reason),
    );
  }
}

/** The sentence logged for a refused plugin: « Plugin « x » refusé : <reason> ». */
export function refusalMessage(pluginId: string, reason: string): string {
  return `Plugin « ${pluginId} » refusé : ${reason}`;
}

/** One row per configured plugin, for `preau plugins list`. */
export function describePlugins(host: PluginHost): Array<{
  id: string;
  version: string | null;
  status: 'started' | 'refused';
  reason: string | null;
  source: string;
}> {
  return host.installed().map(({ id, version, status, reason, source }) => ({
    id,
    version,
    status,
    reason,
    source,
  }));
}

// Module-private helpers.

function summaryOf(plugin: {
  id: string;
  version: string | null;
  source: string;
  manifest: PluginManifest | null;
}): Omit<InstalledPlugin, 'status' | 'reason'> {
  return {
    id: plugin.id,
    version: plugin.version,
    source: plugin.source,
    manifest: plugin.manifest,
  };
}
