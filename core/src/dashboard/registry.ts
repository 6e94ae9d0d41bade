import type { WidgetManifest } from '@preau/sdk';

import type { PluginHost, RegisteredWidget } from '../plugins/host.js';
import type { Permissions } from '../rights/permissions.js';
import type { WidgetDescriptor } from './types.js';

/**
 * The widgets plugins declare, and which of them a person may have: those of plugins enabled
 * for their école whose permission they hold there.
 *
 * Nothing here touches the database itself: enablement and grants come from the plugin host and
 * the permissions service, which both keep their own per-école caches.
 */
export class WidgetRegistry {
  // Manifests do not change while a plugin runs: describe each widget once.
  private readonly descriptors = new WeakMap<WidgetManifest, WidgetDescriptor>();

  constructor(
    private readonly plugins: PluginHost,
    private readonly permissions: Permissions,
  ) {}

  /** Every widget of every started plugin, by key, in the plugins' declaration order. */
  all(): Map<string, WidgetDescriptor> {
    const widgets = new Map<string, WidgetDescriptor>();
    for (const registered of this.plugins.widgets()) {
      const descriptor = this.describe(registered);
      widgets.set(descriptor.widget, descriptor);
    }
    return widgets;
  }

  /** The widgets someone acting as `profile` in an école may place, by key, in order. */
  async availableTo(ecoleId: number, profile: string): Promise<Map<string, WidgetDescriptor>> {
    const enabled = await this.plugins.enabledFor(ecoleId);
    const candidates: WidgetDescriptor[] = [];
    const checks: Array<Promise<boolean>> = [];
    for (const registered of this.plugins.widgets()) {
      if (!enabled.has(registered.pluginId)) continue;
      const descriptor = this.describe(registered);
      candidates.push(descriptor);
      checks.push(
        descriptor.permission === null
          ? Promise.resolve(true)
          : this.permissions.has(ecoleId, profile, descriptor.permission),
      );
    }
    const allowed = await Promise.all(checks);
    const available = new Map<string, WidgetDescriptor>();
    candidates.forEach((descriptor, index) => {
      if (allowed[index]) available.set(descriptor.widget, descriptor);
    });
    return available;
  }

  private describe(registered: RegisteredWidget): WidgetDescriptor {
    const cached = this.descriptors.get(registered.widget);
    if (cached && cached.pluginVersion === registered.pluginVersion) return cached;
    const { pluginId, pluginVersion, widget } = registered;
    const descriptor: WidgetDescriptor = {
      widget: widgetKey(pluginId, widget.id),
      pluginId,
      pluginVersion,
      widgetId: widget.id,
      tag: widget.tag,
      module: moduleUrl(pluginId, pluginVersion, widget.module),
      title: widget.title,
      description: widget.description ?? null,
      sizes: widget.sizes,
      refreshSeconds: widget.refreshSeconds ?? null,
      permission: widget.permission ?? null,
      defaultFor: widget.defaultFor ?? [],
    };
    this.descriptors.set(widget, descriptor);
    return descriptor;
  }
}

/** The key of a widget across plugins: `<plugin-id>/<widget-id>`. */
export function widgetKey(pluginId: string, widgetId: string): string {
  return `${pluginId}/${widgetId}`;
}

/**
 * Where the shell imports a widget's module from. The version is part of the URL so the files
 * can be cached for good by browsers and proxies, and a plugin update changes the URL.
 */
export function moduleUrl(pluginId: string, version: string, module: string): string {
  return `/plugins/${pluginId}/${version}/${module.replace(/^\.\//, '')}`;
}
