import type { CoreContext } from '../context.js';
import type { PluginHost } from '../plugins/host.js';

/** Widget registry, per-user layouts and the aggregated data endpoint. (Stub.) */
export class Dashboard {
  constructor(
    protected readonly ctx: CoreContext,
    protected readonly plugins: PluginHost,
  ) {}
}
