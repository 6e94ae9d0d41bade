import type { PluginManifest } from '@preau/sdk';
import semver from 'semver';

/** What ordering needs of a plugin. */
export interface Orderable {
  id: string;
  version: string;
  manifest: Pick<PluginManifest, 'dependencies' | 'optionalDependencies'>;
}

export interface OrderResult<T extends Orderable> {
  /** Plugins whose required dependencies are all there, each after what it depends on. */
  ordered: T[];
  /** Plugins refused for their dependencies, with the reason in French. */
  refused: Array<{ plugin: T; reason: string }>;
}

/**
 * Sorts plugins so that each starts after its dependencies. A required dependency that is
 * missing, refused (`alreadyRefused`: ids refused before ordering) or of a version outside the
 * range refuses the dependent, and so on down the chain; plugins whose required dependencies
 * form a cycle are refused. Optional dependencies only order plugins when present, and never
 * refuse anyone. Ties keep the configuration order, so starting is reproducible.
 */
export function orderPlugins<T extends Orderable>(
  plugins: readonly T[],
  alreadyRefused: ReadonlySet<string> = new Set(),
): OrderResult<T> {
  const byId = new Map(plugins.map((plugin) => [plugin.id, plugin]));
  const refused = new Map<string, string>();
  refuseUnmet(plugins, byId, refused, alreadyRefused);
  for (const cycle of requiredCycles(plugins, refused)) {
    const path = [...cycle, cycle[0]].map((id) => `« ${id} »`).join(' → ');
    for (const id of cycle) refused.set(id, `ses dépendances forment un cycle : ${path}`);
  }
  refuseUnmet(plugins, byId, refused, alreadyRefused);

  const remaining = plugins.filter((plugin) => !refused.has(plugin.id));
  return {
    ordered: topologicalOrder(remaining, byId),
    refused: plugins
      .filter((plugin) => refused.has(plugin.id))
      .map((plugin) => ({ plugin, reason: refused.get(plugin.id) as string })),
  };
}

/** Whether an installed plugin's version satisfies a dependency's range. */
export function satisfiesRange(version: string, range: string): boolean {
  return semver.satisfies(version, range, { includePrerelease: true });
}

// Module-private helpers.

/** Refuses, until nothing changes, every plugin with a required dependency that is not met. */
function refuseUnmet<T extends Orderable>(
  plugins: readonly T[],
  byId: ReadonlyMap<string, T>,
  refused: Map<string, string>,
  alreadyRefused: ReadonlySet<string>,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const plugin of plugins) {
      if (refused.has(plugin.id)) continue;
      for (const [id, range] of Object.entries(plugin.manifest.dependencies ?? {})) {
        const dependency = byId.get(id);
        let reason: string | null = null;
        if (refused.has(id) || (!dependency && alreadyRefused.has(id))) {
          reason = `il dépend du plugin « ${id} », qui a été refusé`;
        } else if (!dependency) {
          reason = `il dépend du plugin « ${id} » (${range}), qui n’est pas installé`;
        } else if (!satisfiesRange(dependency.version, range)) {
          reason =
            `il dépend du plugin « ${id} » ${range}, ` +
            `mais la version installée est ${dependency.version}`;
        }
        if (reason) {
          refused.set(plugin.id, reason);
          changed = true;
          break;
        }
      }
    }
  }
}

/** Each cycle of required dependencies among the plugins not refused, as a path of ids. */
function requiredCycles<T extends Orderable>(
  plugins: readonly T[],
  refused: ReadonlyMap<string, string>,
): string[][] {
  const alive = new Set(plugins.filter((p) => !refused.has(p.id)).map((p) => p.id));
  const edges = new Map<string, string[]>();
  for (const plugin of plugins) {
    if (!alive.has(plugin.id)) continue;
    edges.set(
      plugin.id,
      Object.keys(plugin.manifest.dependencies ?? {}).filter((id) => alive.has(id)),
    );
  }
  const cycles: string[][] = [];
  const inCycle = new Set<string>();
  for (const start of alive) {
    if (inCycle.has(start)) continue;
    const path = pathBack(start, edges);
    if (!path) continue;
    cycles.push(path);
    for (const id of path) inCycle.add(id);
  }
  // Plugins on a path into a cycle but not on it are refused later, as dependents of refused ones.
  return cycles;
}

/** A shortest path of edges from `start` back to itself, or null (breadth first). */
function pathBack(start: string, edges: ReadonlyMap<string, string[]>): string[] | null {
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const next of edges.get(current) ?? []) {
      if (next === start) {
        const path = [current];
        while (path[0] !== start) path.unshift(parent.get(path[0] as string) as string);
        return path;
      }
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * Kahn's algorithm over required and optional edges, always taking the earliest configured
 * plugin that is ready. Required edges are acyclic here; if optional ones close a cycle, the
 * optional edges among the plugins left are dropped (they order, never block).
 */
function topologicalOrder<T extends Orderable>(
  plugins: readonly T[],
  byId: ReadonlyMap<string, T>,
): T[] {
  const present = new Set(plugins.map((plugin) => plugin.id));
  const required = new Map<string, Set<string>>();
  const optional = new Map<string, Set<string>>();
  for (const plugin of plugins) {
    required.set(plugin.id, new Set(Object.keys(plugin.manifest.dependencies ?? {})));
    const usable = Object.entries(plugin.manifest.optionalDependencies ?? {}).filter(
      ([id, range]) => {
        const dependency = byId.get(id);
        return present.has(id) && dependency && satisfiesRange(dependency.version, range);
      },
    );
    optional.set(plugin.id, new Set(usable.map(([id]) => id)));
  }
  const ordered: T[] = [];
  const placed = new Set<string>();
  const pending = [...plugins];
  let optionalDropped = false;
  while (pending.length > 0) {
    const ready = (plugin: T) =>
      [...(required.get(plugin.id) ?? []), ...(optional.get(plugin.id) ?? [])].every((id) =>
        placed.has(id),
      );
    const index = pending.findIndex(ready);
    if (index === -1) {
      // Cannot happen once required cycles are refused; guards against looping for ever.
      if (optionalDropped) throw new Error('Cycle de dépendances inattendu entre plugins');
      for (const plugin of pending) optional.get(plugin.id)?.clear();
      optionalDropped = true;
      continue;
    }
    const [next] = pending.splice(index, 1) as [T];
    ordered.push(next);
    placed.add(next.id);
  }
  return ordered;
}
