import type { DemoWorld } from '../seed/demo.js';
import type { Preau } from '../server.js';

/** Enables every started plugin for the demo écoles, so the demo shows their widgets. */
export async function enableDemoPlugins(preau: Preau, world: DemoWorld): Promise<void> {
  const host = preau.services.plugins;
  const ecoles = Object.values(world.ecoles);
  // Dependencies first: the host lists started plugins in dependency order.
  for (const plugin of host.list()) {
    await host.enablement.set(plugin, ecoles, true, {
      personId: null,
      ip: null,
      scope: 'collectivite',
    });
  }
}
