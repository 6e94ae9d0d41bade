import type { Server } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import type { Directory } from '../directory/directory.js';
import type { Communication } from '../rights/communication.js';
import type { Permissions } from '../rights/permissions.js';

export interface PluginHostDependencies {
  directory: Directory;
  permissions: Permissions;
  communication: Communication;
}

/** Discovers, validates, migrates and mounts plugins. (Stub.) */
export class PluginHost {
  constructor(
    protected readonly ctx: CoreContext,
    protected readonly deps: PluginHostDependencies,
  ) {}

  /** Loads the configured plugins, runs their migrations and mounts their routes. */
  async start(_server: Server): Promise<void> {}

  async stop(): Promise<void> {}
}
