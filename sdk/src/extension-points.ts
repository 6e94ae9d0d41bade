import type { LocalizedText } from './manifest/types.js';
import type { NotificationService } from './notifications.js';
import type { SearchService } from './search.js';

/**
 * The service each extension point needs from its provider: a plugin whose manifest says
 * `"provides": ["search"]` must `ctx.provide()` a `SearchService`, and so on. Core forwards the
 * matching facade (`ctx.search`, `ctx.notifications`) of an école to the provider enabled there.
 *
 * @example
 * ```ts
 * const service: ExtensionPointServices['search'] = { index: async () => {}, remove: async () => {} };
 * ```
 */
export interface ExtensionPointServices {
  /** Behind `ctx.search`: the recherche plugin, or a vendor's search engine. */
  search: SearchService;
  /** Behind `ctx.notifications`: the notifications plugin, or a vendor's service. */
  notifications: NotificationService;
}

/**
 * A known extension point, as a manifest names it in `provides`.
 *
 * @example
 * ```ts
 * const point: ExtensionPoint = 'search';
 * ```
 */
export type ExtensionPoint = keyof ExtensionPointServices;

/**
 * What core knows of an extension point: how to name it to a person, and the methods its
 * provider's service must have (checked when the provider starts).
 *
 * @example
 * ```ts
 * EXTENSION_POINTS.search.methods; // ['index', 'remove']
 * ```
 */
export interface ExtensionPointDefinition<P extends ExtensionPoint = ExtensionPoint> {
  /** What the provider provides, as a sentence's object: « la recherche ». */
  label: LocalizedText;
  /** The facade plugins call, for messages: `ctx.search`. */
  facade: string;
  methods: ReadonlyArray<keyof ExtensionPointServices[P] & string>;
}

/**
 * The closed list of extension points (plugin API 1.3.0). At most one provider of each may be
 * enabled for an école at a time; where none is, the facade does nothing.
 *
 * @example
 * ```ts
 * for (const point of Object.keys(EXTENSION_POINTS) as ExtensionPoint[]) console.log(point);
 * ```
 */
export const EXTENSION_POINTS: { readonly [P in ExtensionPoint]: ExtensionPointDefinition<P> } = {
  search: {
    label: { fr: 'la recherche', en: 'search' },
    facade: 'ctx.search',
    methods: ['index', 'remove'],
  },
  notifications: {
    label: { fr: 'les notifications', en: 'notifications' },
    facade: 'ctx.notifications',
    methods: ['notify'],
  },
};

/**
 * Whether `point` is a known extension point.
 *
 * @example
 * ```ts
 * isExtensionPoint('search'); // true
 * isExtensionPoint('recherche'); // false
 * ```
 */
export function isExtensionPoint(point: unknown): point is ExtensionPoint {
  return typeof point === 'string' && Object.hasOwn(EXTENSION_POINTS, point);
}
