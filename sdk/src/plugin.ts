import type { PluginContext, PluginMigration } from './context.js';
import type { PluginManifest } from './manifest/types.js';

/**
 * An école, as lifecycle hooks receive it.
 *
 * @example
 * ```ts
 * onEnable: async (ecole: HookEcole) => ctx.log.info({ uai: ecole.uai }, 'Plugin activé'),
 * ```
 */
export interface HookEcole {
  id: number;
  uai: string;
}

/**
 * Lifecycle hooks. A plugin that keeps personal data (manifest `privacy.personalData` not
 * empty) must implement `exportUser` and `eraseUser`: core refuses it otherwise.
 *
 * @example
 * ```ts
 * hooks: (ctx) => ({
 *   exportUser: async (personId) => [
 *     { path: 'menus.csv', content: await menus.csvAuthoredBy(personId) },
 *   ],
 *   eraseUser: async (personId) => menus.forgetAuthor(personId),
 * }),
 * ```
 */
export interface PluginHooks {
  onEnable?(ecole: HookEcole): Promise<void>;
  onDisable?(ecole: HookEcole): Promise<void>;
  /** Everything the plugin keeps about a person, as files for their « Mes données » export. */
  exportUser?(personId: number): Promise<Array<{ path: string; content: string | Uint8Array }>>;
  /** Deletes or anonymises what the plugin keeps about a person. */
  eraseUser?(personId: number): Promise<void>;
  /** Called at the change of school year, before classes are closed. */
  yearRollover?(ecole: HookEcole, nextYear: string): Promise<void>;
  /**
   * Indexes again, with `ctx.search.index`, everything of the école the plugin makes searchable:
   * core calls it when search starts for an école that already has content (the recherche plugin
   * enabled after this one, or this one enabled again).
   */
  searchReindex?(ecole: HookEcole): Promise<void>;
  /**
   * Fills an école of the demonstration collectivité with sample content (a week of menus,
   * say), so that the demo shows the plugin at work. Core calls it only when it installs the demo
   * (`preau seed demo`, `preau start --demo`), once every plugin is enabled there: never on a
   * real école.
   */
  demoContent?(ecole: HookEcole): Promise<void>;
}

/**
 * A plugin: its manifest, its migrations, what it registers, its hooks.
 *
 * @example
 * ```ts
 * const definition: PluginDefinition = { manifest, migrations, register: (ctx) => routes(ctx) };
 * export default definePlugin(definition);
 * ```
 */
export interface PluginDefinition {
  manifest: PluginManifest;
  migrations?: PluginMigration[];
  register(ctx: PluginContext): void | Promise<void>;
  hooks?: PluginHooks | ((ctx: PluginContext) => PluginHooks);
}

/**
 * Declares a plugin; the package's default export.
 *
 * @example
 * ```ts
 * import { definePlugin, readManifest } from '@preau/sdk';
 * export default definePlugin({
 *   manifest: readManifest(import.meta.url, '../../manifest.json'),
 *   migrations,
 *   register(ctx) {
 *     ctx.route({ method: 'GET', path: '/hello', summary: 'Bonjour', handler: () => ({ ok: true }) });
 *   },
 * });
 * ```
 */
export function definePlugin(definition: PluginDefinition): PluginDefinition {
  const hooks = typeof definition.hooks === 'function' ? undefined : definition.hooks;
  if (
    definition.manifest.privacy.personalData.length > 0 &&
    typeof definition.hooks !== 'function'
  ) {
    if (!hooks?.exportUser || !hooks.eraseUser) {
      throw new Error(
        `Le plugin « ${definition.manifest.id} » déclare des données personnelles : ` +
          'il doit fournir les hooks exportUser et eraseUser.',
      );
    }
  }
  return definition;
}
