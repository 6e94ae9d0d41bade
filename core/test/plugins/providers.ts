import type { ExtensionPoint } from '@preau/sdk';

import { extensionProviders, type ExtensionProviders } from '../../src/plugins/extension-points.js';
import type { PluginCatalog, StartedPlugin } from '../../src/plugins/types.js';

/** A started plugin as provider lookup sees it: an id, what it provides, its service. */
export interface FakeProvider {
  id: string;
  provides: ExtensionPoint[];
  service?: object;
}

/**
 * Core's real provider lookup over a catalog of fake started plugins, with the ids enabled for
 * every école; `asked` counts the enablement reads (to check a lookup skips them).
 */
export function providersOf(
  plugins: FakeProvider[],
  enabled: string[],
): { providers: ExtensionProviders; asked: () => number } {
  const started = plugins.map(
    ({ id, provides, service }) =>
      ({ id, manifest: { id, provides }, service }) as unknown as StartedPlugin,
  );
  const catalog: PluginCatalog = {
    get: (id) => started.find((plugin) => plugin.id === id),
    list: () => started,
  };
  let reads = 0;
  const providers = extensionProviders(catalog, async () => {
    reads += 1;
    return new Set(enabled);
  });
  return { providers, asked: () => reads };
}
