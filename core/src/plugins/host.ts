import type { Server } from '@hapi/hapi';
import type { PluginEcole, PluginManifest, PluginUser, WidgetManifest } from '@preau/sdk';

import type { CoreContext } from '../context.js';
import type { Directory } from '../directory/directory.js';
import type { Communication } from '../rights/communication.js';
import type { Permissions } from '../rights/permissions.js';

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

/** Discovers, validates, migrates and mounts plugins. (Stub: the plugin-host work fills it in.) */
export class PluginHost {
  constructor(
    protected readonly ctx: CoreContext,
    protected readonly deps: PluginHostDependencies,
  ) {}

  /** Loads the configured plugins, runs their migrations and mounts their routes. */
  async start(_server: Server): Promise<void> {}

  async stop(): Promise<void> {}

  /** Manifests of the plugins that started. */
  manifests(): PluginManifest[] {
    return [];
  }

  /** Every widget of every started plugin. */
  widgets(): RegisteredWidget[] {
    return [];
  }

  /** Ids of the plugins enabled for an école (cached; invalidated when enablement changes). */
  async enabledFor(_ecoleId: number): Promise<ReadonlySet<string>> {
    return new Set();
  }

  /** Runs a widget's data loader for a person; rejects when the plugin gave none. */
  async loadWidgetData(
    pluginId: string,
    widgetId: string,
    _user: PluginUser,
    _ecole: PluginEcole,
  ): Promise<unknown> {
    throw new Error(`Le widget ${pluginId}/${widgetId} n’a pas de chargeur de données`);
  }
}
