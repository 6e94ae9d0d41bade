import type { ExtensionPoint } from '../extension-points.js';
import type { Profile } from '../profiles.js';

/** A text shown to people: French required, English optional. */
export interface LocalizedText {
  fr: string;
  en?: string;
}

/** A JSON Schema, as plain data. */
export type JsonSchema = Record<string, unknown>;

/**
 * A permission the plugin declares, named `<plugin-id>.<resource>.<action>`, with the profiles
 * that hold it by default. Collectivités and directeurs may override grants per école.
 */
export interface PermissionManifest {
  name: string;
  description: LocalizedText;
  defaultProfiles: Profile[];
}

/** Width and height of a widget, in dashboard grid cells (4 columns on a desktop). */
export interface WidgetSize {
  w: number;
  h: number;
}

/** A dashboard widget: a Lit custom element loaded lazily, with its data loader. */
export interface WidgetManifest {
  /** Kebab-case, unique within the plugin. */
  id: string;
  /** Custom element tag; must start with `<plugin-id>-`. */
  tag: string;
  /** ES module defining the element, relative to the package root. */
  module: string;
  title: LocalizedText;
  description?: LocalizedText;
  sizes: { min: WidgetSize; max: WidgetSize; default: WidgetSize };
  /** Permission needed to see the widget; its data loader runs only for those who hold it. */
  permission?: string;
  /** Seconds between refreshes of its data; absent: loaded with the page only. */
  refreshSeconds?: number;
  /** Profiles who get it on their dashboard by default. */
  defaultFor?: Profile[];
  /** JSON Schema of the widget's per-user settings. */
  settings?: JsonSchema;
}

/** An entry in the « Mes applis » launcher, opening `/apps/<plugin-id><path>`. */
export interface NavigationManifest {
  id: string;
  label: LocalizedText;
  path: string;
  /** Name of an icon from the theme, or a path relative to the package root. */
  icon?: string;
  permission?: string;
}

/**
 * A page of the plugin, mounted by the portal at `/apps/<plugin-id><path>`: the shell loads
 * `module` lazily (from `/plugins/<plugin-id>/<version>/<module>`) and renders the custom
 * element `tag`. A navigation entry with the same `path` links to it from « Mes applis ».
 *
 * @example
 * ```json
 * {
 *   "id": "menus",
 *   "path": "/menus",
 *   "tag": "menu-cantine-page-menus",
 *   "module": "dist/src/pages/menus.js",
 *   "title": { "fr": "Les menus de la semaine", "en": "This week's menus" },
 *   "permission": "menu-cantine.menus.read"
 * }
 * ```
 */
export interface PageManifest {
  /** Kebab-case, unique within the plugin. */
  id: string;
  /** Where the page lives under `/apps/<plugin-id>`; starts with `/`. */
  path: string;
  /** Custom element tag; must start with `<plugin-id>-`. */
  tag: string;
  /** ES module defining the element, relative to the package root. */
  module: string;
  /** The page's title (document title and heading). */
  title: LocalizedText;
  /** Permission needed to see the page; one the plugin declares itself. */
  permission?: string;
}

/**
 * A help page the plugin ships, as Markdown files inside its package, one per language. The
 * « aide » plugin lists it in the portal's help centre, renders it to safe HTML, and offers it
 * as contextual help (« Aide ») on the plugin page named by `context`. Core refuses a plugin
 * whose declared help file is missing from its package.
 *
 * @example
 * ```json
 * {
 *   "id": "menus",
 *   "title": { "fr": "Consulter et publier les menus", "en": "Reading and publishing menus" },
 *   "file": { "fr": "help/fr/menus.md", "en": "help/en/menus.md" },
 *   "context": "semaine"
 * }
 * ```
 */
export interface HelpManifest {
  /** Kebab-case, unique within the plugin. */
  id: string;
  title: LocalizedText;
  /** Markdown files relative to the package root (no `..`); French required. */
  file: { fr: string; en?: string };
  /** The id or path of the plugin page this help is about; absent: general help. */
  context?: string;
}

/**
 * How a person receives the notifications of one type: in the portal only (the « Quoi de neuf ? »
 * feed and the bell), in the portal and by e-mail at once, in the portal and in a daily or weekly
 * e-mail digest, or not at all. Every choice but `never` shows the item in the portal. Pupils
 * never receive e-mail: for them the e-mail choices count as `in-app`.
 */
export type NotificationChannel =
  'in-app' | 'email-immediate' | 'digest-daily' | 'digest-weekly' | 'never';

/**
 * A notification type the plugin sends with `ctx.notifications.notify()`: people choose its
 * channel in their notification settings, starting from `defaultChannel`.
 *
 * @example
 * ```json
 * {
 *   "id": "menu-publie",
 *   "label": { "fr": "Nouveau menu de la cantine", "en": "New canteen menu" },
 *   "description": { "fr": "Quand la semaine suivante est publiée" },
 *   "defaultChannel": "in-app",
 *   "permission": "menu-cantine.menus.read"
 * }
 * ```
 */
export interface NotificationTypeManifest {
  /** Kebab-case, unique within the plugin. */
  id: string;
  label: LocalizedText;
  description?: LocalizedText;
  defaultChannel: NotificationChannel;
  /** Permission a person needs in the école to receive it; absent: everyone in the audience. */
  permission?: string;
}

/**
 * An element the plugin adds to the portal's header, beside the person's menu (the
 * notifications bell, the search box): a custom element loaded lazily from `module`, shown to
 * those who hold `permission` in an école where the plugin is enabled, in ascending `order`.
 *
 * @example
 * ```json
 * {
 *   "id": "cloche",
 *   "tag": "notifications-bell",
 *   "module": "dist/src/web/bell.js",
 *   "label": { "fr": "Notifications", "en": "Notifications" },
 *   "order": 20
 * }
 * ```
 */
export interface HeaderItemManifest {
  /** Kebab-case, unique within the plugin. */
  id: string;
  /** Custom element tag; must start with `<plugin-id>-`. */
  tag: string;
  /** ES module defining the element, relative to the package root. */
  module: string;
  /** Its accessible name, also shown while the module loads. */
  label: LocalizedText;
  permission?: string;
  /** Position among header items, smallest first (default 100). */
  order?: number;
}

/**
 * A kind of content the plugin makes searchable with `ctx.search` (used by the recherche plugin).
 * A person finds its documents only if they hold `permission` (one the plugin declares) in
 * their école, besides being in each document's audience.
 *
 * @example
 * ```json
 * { "id": "menus", "label": { "fr": "Menus" }, "permission": "menu-cantine.menus.read" }
 * ```
 */
export interface SearchProviderManifest {
  /** Kebab-case, unique within the plugin: the `provider` of its search documents. */
  id: string;
  label: LocalizedText;
  /** Permission needed to find its documents; absent: every member of the école may. */
  permission?: string;
}

/** Personal data the plugin keeps, and for how long: drives the export and erasure hooks. */
export interface PrivacyManifest {
  /** What personal data is kept; empty when none. */
  personalData: Array<{ description: LocalizedText; retention: LocalizedText }>;
}

/**
 * A plugin's static manifest, `manifest.json` at the package root: readable without running
 * the plugin's code, validated by core against `manifest.schema.json`.
 *
 * @example
 * ```json
 * {
 *   "id": "menu-cantine",
 *   "version": "1.0.0",
 *   "name": { "fr": "Menus de la cantine" },
 *   "engines": { "preau-plugin-api": "^1.0.0" },
 *   "permissions": [],
 *   "privacy": { "personalData": [] }
 * }
 * ```
 */
export interface PluginManifest {
  /** The address of `manifest.schema.json`, for editors' completion; core ignores it. */
  $schema?: string;
  /** Kebab-case, immutable: route prefix, table prefix, permission and element prefix. */
  id: string;
  /** The package's version (must equal package.json's). */
  version: string;
  name: LocalizedText;
  description?: LocalizedText;
  vendor?: { name: string; url?: string };
  /** National audience-measurement service code (e.g. `Services_Collectivites`). */
  serviceCode?: string;
  engines: { 'preau-plugin-api': string };
  /** Plugins this one needs, by id, with a version range. */
  dependencies?: Record<string, string>;
  /** Plugins this one uses when present. */
  optionalDependencies?: Record<string, string>;
  /**
   * Extension points whose service this plugin provides with `ctx.provide()` (for example
   * `["search"]` for a search engine replacing recherche): core forwards `ctx.search` or
   * `ctx.notifications` of an école to the one provider enabled there.
   */
  provides?: ExtensionPoint[];
  permissions: PermissionManifest[];
  /** JSON Schema of the plugin's settings (per platform and per école). */
  settings?: JsonSchema;
  /** Names of settings that are secrets: never sent to browsers. */
  secretSettings?: string[];
  widgets?: WidgetManifest[];
  navigation?: NavigationManifest[];
  /** Pages mounted by the portal under `/apps/<id>/…`. */
  pages?: PageManifest[];
  /** Elements added to the portal's header (bell, search box). */
  headerItems?: HeaderItemManifest[];
  /**
   * Folders (or single files) of the package that browsers load, relative to its root: core
   * serves `/plugins/<id>/<version>/<path>` only inside them (besides the declared modules and
   * icons themselves). Default: the folders of the widget, page and header-item modules. The
   * rest of the package (package.json, server code, tests, fixtures) answers 404.
   *
   * @example
   * ```json
   * "browser": ["dist/src/widgets", "dist/src/pages", "dist/src/menu.js"]
   * ```
   */
  browser?: string[];
  /** Help pages in Markdown, shipped in the package (shown by the « aide » plugin). */
  help?: HelpManifest[];
  /** Notification types sent with `ctx.notifications` (used by the notifications plugin). */
  notificationTypes?: NotificationTypeManifest[];
  searchProviders?: SearchProviderManifest[];
  privacy: PrivacyManifest;
}
