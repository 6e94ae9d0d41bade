import Boom from '@hapi/boom';
import { EXTENSION_POINTS, type PluginEcole } from '@preau/sdk';

import { PromiseCache } from '../cache/promise-cache.js';
import type { CoreContext } from '../context.js';
import { ecolesByIds } from '../directory/queries.js';
import { readEcole } from './directory-reader.js';
import { providerConflict } from './extension-points.js';
import { toBoom } from './responses.js';
import type { PluginCatalog, StartedPlugin } from './types.js';

/**
 * How long an école's enablements stay cached. Changes made through this instance, or heard on
 * the event bus (`plugin.enabled` / `plugin.disabled`, which a Redis bus carries between
 * instances), invalidate the entry at once; the TTL bounds staleness if an event is lost.
 */
export const ENABLEMENT_TTL_MS = 60_000;

/** An école and the started plugins enabled for it: what the route guard needs, cached. */
export interface EcoleState {
  ecole: PluginEcole;
  enabled: ReadonlySet<string>;
}

/** Who changes enablement, for the audit log. */
export interface EnablementActor {
  /** Null for Préau itself (demo seed, CLI). */
  personId: number | null;
  ip: string | null;
  /** 'ecole' for one école, 'collectivite' for a whole collectivité at once. */
  scope: 'ecole' | 'collectivite';
}

/**
 * Which plugins each école has enabled (table `plugin_enablements`). Reads are cached per école
 * because every plugin request asks; writes check dependencies, call the plugin's hooks, then
 * change every école at once in one transaction, audit it and announce it on the bus.
 */
export class PluginEnablement {
  private readonly cache: PromiseCache<number, EcoleState | null>;

  constructor(
    private readonly ctx: CoreContext,
    private readonly catalog: PluginCatalog,
  ) {
    this.cache = new PromiseCache(ctx.clock, { ttlMs: ENABLEMENT_TTL_MS });
  }

  /** The école and its enabled started plugins; null when the école does not exist. */
  stateOf(ecoleId: number): Promise<EcoleState | null> {
    return this.cache.get(ecoleId, () => this.load(ecoleId));
  }

  /** Ids of the started plugins enabled for an école. */
  async enabledFor(ecoleId: number): Promise<ReadonlySet<string>> {
    return (await this.stateOf(ecoleId))?.enabled ?? new Set();
  }

  /** Forgets cached enablements: one école, or all. */
  invalidate(ecoleId?: number): void {
    if (ecoleId === undefined) this.cache.clear();
    else this.cache.delete(ecoleId);
  }

  /**
   * Enables or disables a started plugin for several écoles, all or none; returns the écoles
   * whose state changed (already in the wanted state: nothing to do, so it is idempotent).
   * 409 naming the plugins when a required dependency is not enabled there, when an enabled
   * plugin there depends on the one being disabled, or when another provider of an extension
   * point the plugin provides (`provides`) is enabled there: at most one per école. The plugin's onEnable/onDisable hooks run
   * for each école that changes, before anything is written: a hook that throws stops it all
   * (its HttpError's status and message reach the administrator).
   */
  async set(
    plugin: StartedPlugin,
    ecoleIds: readonly number[],
    enabled: boolean,
    actor: EnablementActor,
  ): Promise<number[]> {
    if (ecoleIds.length === 0) return [];
    const ecoles = await ecolesByIds(this.ctx.knex, [...ecoleIds]);
    const rows = await this.ctx
      .knex('plugin_enablements')
      .whereIn('ecole_id', [...ecoleIds])
      .select<Array<{ plugin_id: string; ecole_id: number }>>('plugin_id', 'ecole_id');
    const enabledAt = new Map<number, Set<string>>();
    for (const row of rows) {
      const set = enabledAt.get(Number(row.ecole_id)) ?? new Set<string>();
      set.add(row.plugin_id);
      enabledAt.set(Number(row.ecole_id), set);
    }
    const targets = ecoles.filter(
      (ecole) => (enabledAt.get(Number(ecole.id))?.has(plugin.id) ?? false) !== enabled,
    );
    if (targets.length === 0) return [];
    const blocker = enabled
      ? (this.missingDependencies(plugin, targets, enabledAt) ??
        this.otherProvider(plugin, targets, enabledAt))
      : this.enabledDependents(plugin, targets, enabledAt);
    if (blocker) throw Boom.conflict(blocker);

    // Hooks run before the write (a hook that refuses stops everything) and outside the
    // transaction (they use the plugin's own database handle). When anything fails, the écoles
    // whose hook already ran get the opposite hook, so a plugin never keeps half a change.
    const ids = targets.map((ecole) => Number(ecole.id));
    const done: Array<{ id: number; uai: string; name: string }> = [];
    try {
      for (const ecole of targets) {
        await this.runHook(plugin, enabled, ecole);
        done.push(ecole);
      }
      await this.write(plugin, targets, enabled, actor);
    } catch (error) {
      for (const ecole of done.reverse()) {
        await this.runHook(plugin, !enabled, ecole).catch(() => undefined);
      }
      throw error;
    } finally {
      for (const ecoleId of ids) this.invalidate(ecoleId);
    }
    for (const ecoleId of ids) {
      await this.ctx.bus.publish(enabled ? 'plugin.enabled' : 'plugin.disabled', {
        pluginId: plugin.id,
        ecoleId,
      });
    }
    return ids;
  }

  /** Calls onEnable or onDisable for one école; a failure becomes the error to answer with. */
  private async runHook(
    plugin: StartedPlugin,
    enabled: boolean,
    ecole: { id: number; uai: string; name: string },
  ): Promise<void> {
    const hook = enabled ? plugin.hooks.onEnable : plugin.hooks.onDisable;
    if (!hook) return;
    try {
      await hook.call(plugin.hooks, { id: Number(ecole.id), uai: ecole.uai });
    } catch (error) {
      const verb = enabled ? 'l’activation' : 'la désactivation';
      plugin.context.log.error(
        { err: error, ecoleId: Number(ecole.id) },
        `Hook de ${verb} en échec`,
      );
      throw toBoom(error, `Le plugin « ${plugin.id} » a refusé ${verb} pour ${ecole.name} : `);
    }
  }

  /** The rows and their audit entries, in one transaction. */
  private async write(
    plugin: StartedPlugin,
    ecoles: ReadonlyArray<{ id: number; collectiviteId: number }>,
    enabled: boolean,
    actor: EnablementActor,
  ): Promise<void> {
    const ids = ecoles.map((ecole) => Number(ecole.id));
    const now = this.ctx.clock.now();
    await this.ctx.knex.transaction(async (trx) => {
      if (enabled) {
        await trx('plugin_enablements')
          .insert(
            ids.map((ecoleId) => ({
              plugin_id: plugin.id,
              ecole_id: ecoleId,
              enabled_at: now,
              enabled_by: actor.personId,
            })),
          )
          .onConflict(['plugin_id', 'ecole_id'])
          .ignore();
      } else {
        await trx('plugin_enablements')
          .where('plugin_id', plugin.id)
          .whereIn('ecole_id', ids)
          .delete();
      }
      for (const ecole of ecoles) {
        await this.ctx.audit.record(
          {
            action: enabled ? 'plugin.enabled' : 'plugin.disabled',
            actorId: actor.personId,
            collectiviteId: ecole.collectiviteId,
            ecoleId: Number(ecole.id),
            target: plugin.id,
            ip: actor.ip,
            details: { version: plugin.version, scope: actor.scope },
          },
          trx,
        );
      }
    });
  }

  private async load(ecoleId: number): Promise<EcoleState | null> {
    const ecole = await readEcole(this.ctx.sql, ecoleId);
    if (!ecole) return null;
    const rows = await this.ctx.sql.all<{ plugin_id: string }>(
      'SELECT plugin_id FROM plugin_enablements WHERE ecole_id = ?',
      [ecoleId],
    );
    // Rows of plugins no longer installed, or refused at this start, do not count.
    const enabled = new Set(
      rows.map((row) => row.plugin_id).filter((id) => this.catalog.get(id) !== undefined),
    );
    return { ecole, enabled };
  }

  private missingDependencies(
    plugin: StartedPlugin,
    ecoles: ReadonlyArray<{ id: number; name: string }>,
    enabledAt: ReadonlyMap<number, ReadonlySet<string>>,
  ): string | null {
    for (const dependency of Object.keys(plugin.manifest.dependencies ?? {})) {
      const lacking = ecoles.filter((e) => !enabledAt.get(Number(e.id))?.has(dependency));
      if (lacking.length === 0) continue;
      return (
        `Activez d’abord le plugin ${this.label(dependency)} pour ${names(lacking)} : ` +
        `${this.label(plugin.id)} en dépend.`
      );
    }
    return null;
  }

  private enabledDependents(
    plugin: StartedPlugin,
    ecoles: ReadonlyArray<{ id: number; name: string }>,
    enabledAt: ReadonlyMap<number, ReadonlySet<string>>,
  ): string | null {
    const dependents = this.catalog
      .list()
      .filter((other) => other.manifest.dependencies?.[plugin.id] !== undefined);
    for (const dependent of dependents) {
      const using = ecoles.filter((e) => enabledAt.get(Number(e.id))?.has(dependent.id));
      if (using.length === 0) continue;
      return (
        `Désactivez d’abord le plugin ${this.label(dependent.id)} pour ${names(using)} : ` +
        `il dépend de ${this.label(plugin.id)}.`
      );
    }
    return null;
  }

  private otherProvider(
    plugin: StartedPlugin,
    ecoles: ReadonlyArray<{ id: number; name: string }>,
    enabledAt: ReadonlyMap<number, ReadonlySet<string>>,
  ): string | null {
    const ids = ecoles.map((ecole) => Number(ecole.id));
    const conflict = providerConflict(this.catalog, plugin.manifest, ids, enabledAt);
    if (!conflict) return null;
    const taken = ecoles.filter((ecole) => conflict.ecoleIds.includes(Number(ecole.id)));
    return (
      `Le plugin ${this.label(conflict.otherId)} fournit déjà ` +
      `${EXTENSION_POINTS[conflict.point].label.fr} pour ${names(taken)} : désactivez-le d’abord ` +
      `pour y activer ${this.label(plugin.id)} (un seul fournisseur par école).`
    );
  }

  private label(pluginId: string): string {
    const name = this.catalog.get(pluginId)?.manifest.name.fr;
    return name ? `« ${name} » (${pluginId})` : `« ${pluginId} »`;
  }
}

// Module-private helpers.

function names(ecoles: ReadonlyArray<{ name: string }>): string {
  const list = ecoles.map((ecole) => ecole.name);
  const shown = list.slice(0, 5).join(', ');
  return list.length > 5 ? `${shown} et ${list.length - 5} autre(s) école(s)` : shown;
}
