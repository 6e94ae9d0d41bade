import Boom from '@hapi/boom';
import type { PluginUser, WidgetSize } from '@preau/sdk';

import type { CoreContext } from '../context.js';
import type { PluginHost } from '../plugins/host.js';
import type { Permissions } from '../rights/permissions.js';
import { EcoleCache } from './ecole-cache.js';
import {
  arrange,
  checkDefaults,
  checkLayout,
  computedDefaults,
  type AvailableWidgets,
} from './layout-rules.js';
import { LayoutStore, type DefaultsActor } from './layout-store.js';
import { WidgetRegistry } from './registry.js';
import type {
  DashboardDefaults,
  DashboardEcole,
  DashboardUser,
  DashboardView,
  DefaultsView,
  OfferedWidget,
  PlacedWidget,
  WidgetDataResult,
  WidgetDescriptor,
  WidgetPlacement,
} from './types.js';
import { loadWidgetsData } from './widget-data.js';

/**
 * The dashboard: which widgets a person may have, their layout (their own, else their école's
 * default for their profile, else one computed from the widgets' `defaultFor`), the widgets the
 * école makes mandatory, and the aggregated data of the visible widgets.
 */
export class Dashboard {
  readonly registry: WidgetRegistry;
  private readonly store: LayoutStore;
  private readonly ecoles: EcoleCache;

  constructor(
    private readonly ctx: CoreContext,
    private readonly plugins: PluginHost,
    permissions: Permissions,
  ) {
    this.registry = new WidgetRegistry(plugins, permissions);
    this.store = new LayoutStore(ctx);
    this.ecoles = new EcoleCache(ctx);
  }

  /** A person's dashboard in their current école. */
  async view(user: DashboardUser): Promise<DashboardView> {
    const [ecole, arrangement] = await Promise.all([
      this.ecoleOrFail(user.ecoleId),
      this.arrangement(user),
    ]);
    const { available, placements, mandatory, personalised } = arrangement;
    const layout: PlacedWidget[] = [];
    for (const placement of placements) {
      const descriptor = available.get(placement.widget)!;
      layout.push(place(descriptor, placement, mandatory.has(placement.widget)));
    }
    const placed = new Set(placements.map((placement) => placement.widget));
    const offered: OfferedWidget[] = [];
    for (const descriptor of available.values()) {
      if (!placed.has(descriptor.widget)) offered.push(offer(descriptor));
    }
    return {
      ecole: { id: ecole.id, name: ecole.name },
      profile: user.profile,
      personalised,
      layout,
      available: offered,
    };
  }

  /** Saves a person's layout after checking it (400 naming the faulty widget, nothing written). */
  async saveLayout(user: DashboardUser, placements: WidgetPlacement[]): Promise<DashboardView> {
    const [available, defaults] = await Promise.all([
      this.registry.availableTo(user.ecoleId, user.profile),
      this.store.defaults(user.ecoleId, user.profile),
    ]);
    checkLayout(placements, available, defaults?.mandatory ?? []);
    await this.store.savePersonal(user.personId, user.ecoleId, placements);
    return this.view(user);
  }

  /** Drops a person's own layout: their école's default applies again. */
  async resetLayout(user: DashboardUser): Promise<DashboardView> {
    await this.store.deletePersonal(user.personId, user.ecoleId);
    return this.view(user);
  }

  /**
   * Loads the data of the widgets on a person's dashboard (or of `keys`, which must all be
   * available to them), in parallel, each within `dashboard.widgetTimeoutMs`.
   */
  async data(
    user: DashboardUser,
    keys?: readonly string[],
  ): Promise<Record<string, WidgetDataResult>> {
    const ecole = await this.ecoleOrFail(user.ecoleId);
    let widgets: WidgetDescriptor[];
    if (keys) {
      const available = await this.registry.availableTo(user.ecoleId, user.profile);
      const unknown = keys.filter((key) => !available.has(key));
      if (unknown.length > 0) {
        const names = unknown.map((key) => `« ${key} »`).join(', ');
        throw Boom.badRequest(`Widget inconnu ou indisponible dans votre école : ${names}.`);
      }
      widgets = [...new Set(keys)].map((key) => available.get(key)!);
    } else {
      const { available, placements } = await this.arrangement(user);
      widgets = placements.map((placement) => available.get(placement.widget)!);
    }
    const pluginUser: PluginUser = {
      personId: user.personId,
      ecoleId: user.ecoleId,
      profile: user.profile as PluginUser['profile'],
    };
    return loadWidgetsData(
      widgets,
      (descriptor) =>
        // A widget without a data loader (links, a static notice) has nothing to load: not an error.
        this.plugins.get(descriptor.pluginId)?.widgetLoaders.has(descriptor.widgetId)
          ? this.plugins.loadWidgetData(descriptor.pluginId, descriptor.widgetId, pluginUser, ecole)
          : Promise.resolve(null),
      this.ctx.config.dashboard.widgetTimeoutMs,
      this.ctx.log,
    );
  }

  /** An école's default for a profile, as its administrators edit it. */
  async defaultsOf(ecoleId: number, profile: string): Promise<DefaultsView> {
    const [available, stored] = await Promise.all([
      this.registry.availableTo(ecoleId, profile),
      this.store.defaults(ecoleId, profile),
    ]);
    const defaults = effectiveDefaults(available, profile, stored);
    return {
      ecoleId,
      profile,
      custom: stored !== null,
      widgets: arrange(defaults.widgets, available, defaults.mandatory),
      mandatory: defaults.mandatory.filter((key) => available.has(key)),
      available: [...available.values()].map(offer),
    };
  }

  /** Sets an école's default for a profile, checked against the widgets that profile may have. */
  async setDefaults(
    ecoleId: number,
    profile: string,
    defaults: DashboardDefaults,
    actor: DefaultsActor,
  ): Promise<DefaultsView> {
    const available = await this.registry.availableTo(ecoleId, profile);
    checkDefaults(defaults.widgets, defaults.mandatory, available);
    await this.store.saveDefaults(ecoleId, profile, defaults, actor);
    return this.defaultsOf(ecoleId, profile);
  }

  /** Drops an école's default for a profile: the computed default applies again. */
  async resetDefaults(
    ecoleId: number,
    profile: string,
    actor: DefaultsActor,
  ): Promise<DefaultsView> {
    await this.store.deleteDefaults(ecoleId, profile, actor);
    return this.defaultsOf(ecoleId, profile);
  }

  /** Forgets cached defaults, for code that writes `dashboard_defaults` directly. */
  invalidate(ecoleId?: number): void {
    this.store.invalidate(ecoleId);
  }

  private async arrangement(user: DashboardUser): Promise<Arrangement> {
    const [available, stored, personal] = await Promise.all([
      this.registry.availableTo(user.ecoleId, user.profile),
      this.store.defaults(user.ecoleId, user.profile),
      this.store.personal(user.personId, user.ecoleId),
    ]);
    const defaults = effectiveDefaults(available, user.profile, stored);
    const defaultSizes = new Map<string, WidgetSize>(
      defaults.widgets.map(({ widget, w, h }) => [widget, { w, h }]),
    );
    return {
      available,
      placements: arrange(
        personal ?? defaults.widgets,
        available,
        defaults.mandatory,
        defaultSizes,
      ),
      mandatory: new Set(defaults.mandatory.filter((key) => available.has(key))),
      personalised: personal !== null,
    };
  }

  private async ecoleOrFail(ecoleId: number): Promise<DashboardEcole> {
    const ecole = await this.ecoles.get(ecoleId);
    if (!ecole) throw Boom.notFound('Votre école n’existe plus : choisissez-en une autre.');
    return ecole;
  }
}

// Module-private helpers.

interface Arrangement {
  available: AvailableWidgets;
  placements: WidgetPlacement[];
  mandatory: ReadonlySet<string>;
  personalised: boolean;
}

function effectiveDefaults(
  available: AvailableWidgets,
  profile: string,
  stored: DashboardDefaults | null,
): DashboardDefaults {
  return stored ?? { widgets: computedDefaults(available, profile), mandatory: [] };
}

// Both build their object literally, field by field: on the hot path, a spread of the offered
// widget cost more than the rest of the view (measured with the bench's CPU profile).
function place(
  descriptor: WidgetDescriptor,
  placement: WidgetPlacement,
  mandatory: boolean,
): PlacedWidget {
  return {
    widget: descriptor.widget,
    pluginId: descriptor.pluginId,
    pluginVersion: descriptor.pluginVersion,
    tag: descriptor.tag,
    module: descriptor.module,
    title: descriptor.title,
    description: descriptor.description,
    sizes: descriptor.sizes,
    refreshSeconds: descriptor.refreshSeconds,
    w: placement.w,
    h: placement.h,
    mandatory,
  };
}

function offer(descriptor: WidgetDescriptor): OfferedWidget {
  return {
    widget: descriptor.widget,
    pluginId: descriptor.pluginId,
    pluginVersion: descriptor.pluginVersion,
    tag: descriptor.tag,
    module: descriptor.module,
    title: descriptor.title,
    description: descriptor.description,
    sizes: descriptor.sizes,
    refreshSeconds: descriptor.refreshSeconds,
  };
}
