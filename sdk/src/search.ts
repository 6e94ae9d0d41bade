import type { Audience } from './audience.js';

/**
 * Who may find a search document, besides holding its provider's permission in its école: an
 * `Audience` (a parent finds what is for their children's classes).
 *
 * @example
 * ```ts
 * const audience: SearchAudience = { classIds: [cm1a.id], profiles: ['DIR'] };
 * ```
 */
export type SearchAudience = Audience;

/**
 * A piece of a plugin's content made searchable: indexing it again with the same `provider`
 * and `id` replaces it.
 *
 * @example
 * ```ts
 * await ctx.search.index({
 *   ecoleId: ecole.id,
 *   provider: 'menus',
 *   id: '2026-09-07',
 *   title: 'Menu du lundi 7 septembre',
 *   text: 'Carottes râpées, hachis parmentier, yaourt',
 *   url: '/apps/menu-cantine/?semaine=2026-09-07',
 *   audience: 'ecole',
 * });
 * ```
 */
export interface SearchDocument {
  ecoleId: number;
  /** The id of one of the manifest's `searchProviders`. */
  provider: string;
  /** Unique within the provider and the école (1 to 100 characters). */
  id: string;
  title: string;
  text: string;
  /** Where the portal shows it: a path starting with `/`. */
  url: string;
  audience: SearchAudience;
}

/**
 * What a plugin uses to make its content searchable (`ctx.search`). It forwards to the
 * recherche plugin, and quietly does nothing when that plugin is not installed or not enabled
 * for the document's école: a plugin calls it without checking.
 *
 * @example
 * ```ts
 * await ctx.search.remove(ecole.id, 'menus', '2026-09-07');
 * ```
 */
export interface PluginSearch {
  index(document: SearchDocument): Promise<void>;
  remove(ecoleId: number, provider: string, id: string): Promise<void>;
}

/**
 * The service a provider of the `search` extension point (`"provides": ["search"]`: the
 * recherche plugin, or a vendor's engine) gives with `ctx.provide()`; core's `ctx.search` of an
 * école forwards to the provider enabled there, naming the plugin the document comes from.
 * Other plugins use `ctx.search` instead.
 *
 * @example
 * ```ts
 * ctx.provide<SearchService>({ index: async (pluginId, doc) => …, remove: async (…) => … });
 * ```
 */
export interface SearchService {
  index(pluginId: string, document: SearchDocument): Promise<void>;
  remove(pluginId: string, ecoleId: number, provider: string, id: string): Promise<void>;
}
