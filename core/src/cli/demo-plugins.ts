import { ecolesByIds } from '../directory/queries.js';
import { providedBy } from '../plugins/extension-points.js';
import type { DemoWorld } from '../seed/demo.js';
import type { Preau } from '../server.js';

/**
 * Enables every started plugin for the demo écoles, so the demo shows their widgets, then lets
 * each plugin add its sample content (`demoContent` hook) once all of them are enabled: a menu
 * published by the demo reaches the search index and the notifications of the other plugins.
 */
export async function enableDemoPlugins(preau: Preau, world: DemoWorld): Promise<void> {
  const host = preau.services.plugins;
  const ecoles = Object.values(world.ecoles);
  // Dependencies first: the host lists started plugins in dependency order. Only the first
  // provider of each extension point is enabled (one per école: a second would be refused).
  const taken = new Set<string>();
  for (const plugin of host.list()) {
    const points = providedBy(plugin.manifest);
    if (points.some((point) => taken.has(point))) {
      preau.ctx.log.info(
        { plugin: plugin.id },
        'Plugin non activé : un autre fournit déjà ce service',
      );
      continue;
    }
    for (const point of points) taken.add(point);
    await host.enablement.set(plugin, ecoles, true, {
      personId: null,
      ip: null,
      scope: 'collectivite',
    });
  }
  const uais = await ecolesByIds(preau.ctx.knex, ecoles);
  for (const plugin of host.list()) {
    const demoContent = plugin.hooks.demoContent;
    if (!demoContent) continue;
    for (const ecole of uais) {
      try {
        await demoContent.call(plugin.hooks, ecole);
      } catch (error) {
        // A plugin's sample content is a nicety: the demo starts without it.
        preau.ctx.log.warn(
          { plugin: plugin.id, ecoleId: ecole.id, err: error },
          'Contenu de démonstration non ajouté',
        );
      }
    }
  }
}
