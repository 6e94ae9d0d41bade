import {
  EXTENSION_POINTS,
  type ExtensionPoint,
  type ExtensionPointServices,
  type PluginManifest,
} from '@preau/sdk';

import type { PluginCatalog } from './types.js';

/**
 * Extension points (ADR 0015): a plugin declares in its manifest what it provides (`search`,
 * `notifications`) instead of core knowing providers by their ids. This module holds the three
 * rules: what a provider must give at start, which provider serves an école, and that at most
 * one provider of a point is enabled per école.
 */

/** What the facades (`ctx.search`, `ctx.notifications`) ask, at each call. */
export interface ExtensionProviders {
  /** The service of the provider of `point` enabled for the école; undefined when none is. */
  providerOf<P extends ExtensionPoint>(
    point: P,
    ecoleId: number,
  ): Promise<ExtensionPointServices[P] | undefined>;
}

/** The extension points a manifest declares (none when it has no `provides`). */
export function providedBy(manifest: Pick<PluginManifest, 'provides'>): readonly ExtensionPoint[] {
  return manifest.provides ?? [];
}

/**
 * Whether a plugin that declares `provides` gave, with `ctx.provide()`, a service with every
 * method each point needs; the reason for refusal (completing « Plugin « x » refusé : … »), or
 * null. Checked once `register()` has returned, so a wrong provider never starts.
 */
export function providesProblem(
  manifest: PluginManifest,
  service: object | undefined,
): string | null {
  const points = providedBy(manifest);
  if (points.length === 0) return null;
  if (!service) {
    return (
      `son manifeste déclare fournir ${points.map((p) => `« ${p} »`).join(' et ')} (provides) ` +
      'mais son register() n’appelle pas ctx.provide()'
    );
  }
  for (const point of points) {
    const missing = EXTENSION_POINTS[point].methods.filter(
      (method) => typeof (service as Record<string, unknown>)[method] !== 'function',
    );
    if (missing.length > 0) {
      return (
        `le service qu’il fournit pour « ${point} » n’a pas de méthode ` +
        `${missing.map((m) => `${m}()`).join(', ')} (voir ExtensionPointServices['${point}'])`
      );
    }
  }
  return null;
}

/**
 * Looks providers up in the catalog at each call: a provider may start after the plugins that
 * call its facade, and enablement changes at any time. When several providers are enabled for
 * one école (rows written before the rule, or by hand), the first in start order serves it.
 */
export function extensionProviders(
  catalog: PluginCatalog,
  enabledFor: (ecoleId: number) => Promise<ReadonlySet<string>>,
): ExtensionProviders {
  return {
    async providerOf<P extends ExtensionPoint>(point: P, ecoleId: number) {
      const candidates = catalog.list().filter((p) => providedBy(p.manifest).includes(point));
      if (candidates.length === 0) return undefined;
      const enabled = await enabledFor(ecoleId);
      const provider = candidates.find((p) => enabled.has(p.id));
      return provider?.service as ExtensionPointServices[P] | undefined;
    },
  };
}

/** Another provider of one of the plugin's points, enabled in some of the écoles given. */
export interface ProviderConflict {
  point: ExtensionPoint;
  /** The provider already enabled there. */
  otherId: string;
  /** The écoles where it is. */
  ecoleIds: number[];
}

/**
 * The first conflict that enabling `plugin` in `ecoleIds` would create: another started plugin
 * providing one of the same points already enabled in one of them; null when there is none.
 */
export function providerConflict(
  catalog: PluginCatalog,
  manifest: PluginManifest,
  ecoleIds: readonly number[],
  enabledAt: ReadonlyMap<number, ReadonlySet<string>>,
): ProviderConflict | null {
  for (const point of providedBy(manifest)) {
    const others = catalog
      .list()
      .filter((other) => other.id !== manifest.id && providedBy(other.manifest).includes(point));
    for (const other of others) {
      const taken = ecoleIds.filter((id) => enabledAt.get(id)?.has(other.id));
      if (taken.length > 0) return { point, otherId: other.id, ecoleIds: taken };
    }
  }
  return null;
}
