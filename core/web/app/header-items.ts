import type { EnabledPlugin, HeaderItem } from '../api/types.js';

/** A header item of an enabled plugin, with where its module is served. */
export interface PlacedHeaderItem {
  /** `<plugin-id>/<item-id>`: stable across re-renders, so an element is created once. */
  key: string;
  pluginId: string;
  item: HeaderItem;
  moduleUrl: string;
}

/** Position of an item that names none (the manifest's documented default). */
export const DEFAULT_HEADER_ORDER = 100;

/**
 * Every header item of the person's plugins, smallest `order` first; equal orders keep the
 * order of `GET /api/plugins` (core's plugin order), then the manifest's.
 *
 * @example
 * ```ts
 * headerItemsOf(plugins).map((placed) => placed.item.tag); // ['notifications-bell', …]
 * ```
 */
export function headerItemsOf(plugins: readonly EnabledPlugin[]): PlacedHeaderItem[] {
  const placed = plugins.flatMap((plugin) =>
    (plugin.headerItems ?? []).map((item) => ({
      key: `${plugin.id}/${item.id}`,
      pluginId: plugin.id,
      item,
      moduleUrl: pluginFileUrl(plugin, item.module),
    })),
  );
  // Array.prototype.sort is stable: ties stay in the order built above.
  return placed.sort(
    (a, b) => (a.item.order ?? DEFAULT_HEADER_ORDER) - (b.item.order ?? DEFAULT_HEADER_ORDER),
  );
}

/** Where core serves a file of a plugin's package (`/plugins/<id>/<version>/<path>`). */
export function pluginFileUrl(plugin: Pick<EnabledPlugin, 'id' | 'version'>, path: string): string {
  const file = path.replace(/^\.?\/+/, '');
  return `/plugins/${encodeURIComponent(plugin.id)}/${encodeURIComponent(plugin.version)}/${file}`;
}
