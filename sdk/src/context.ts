import type { Audience, AudienceMember } from './audience.js';
import type { EventBus } from './events.js';
import type { PluginJobs } from './jobs.js';
import type { PluginLive } from './live.js';
import type { PluginMail } from './mail.js';
import type {
  HelpManifest,
  LocalizedText,
  NotificationTypeManifest,
  PluginManifest,
  SearchProviderManifest,
} from './manifest/types.js';
import type { Level, Profile } from './profiles.js';
import type { PluginEcole, PluginRoute, PluginUser } from './routes.js';
import type { PluginNotifications } from './notifications.js';
import type { PluginSearch } from './search.js';

/**
 * A knex query builder, as a plugin sees it. Typed loosely here so the SDK does not pin a knex
 * version on plugins; cast to `Knex.QueryBuilder` from your own knex types if you want more.
 *
 * @example
 * ```ts
 * const recent = await ctx.db.table('menus').where('date', '>=', '2026-09-01').orderBy('date');
 * ```
 */
export type QueryBuilder = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The plugin's own tables, and only those. Names are given without prefix: `table('menus')`
 * is the table `menu_cantine_menus` for the plugin `menu-cantine`.
 *
 * @example
 * ```ts
 * const rows = await ctx.db.forEcole(ecole.id).table('menus').where({ week });
 * await ctx.db.forEcole(ecole.id).insert('menus', { week, day, starter });
 * ```
 */
export interface PluginDatabase {
  /** The real name of one of the plugin's tables. */
  tableName(name: string): string;
  /** A query builder on one of the plugin's tables, across écoles: for jobs and migrations. */
  table(name: string): QueryBuilder;
  /**
   * Queries limited to one école: every read and join filtered, every write ANDed with the
   * école, every insert stamped with `ecole_id`; shapes that could escape it are refused.
   */
  forEcole(ecoleId: number): ScopedDatabase;
  /** Runs `work` in a transaction; everything it writes is kept, or nothing is. */
  transaction<T>(work: (db: PluginDatabase) => Promise<T>): Promise<T>;
  /** 'sqlite' or 'mysql', for the rare query that must differ. */
  readonly engine: 'sqlite' | 'mysql';
}

/**
 * The plugin's tables seen from one école: nothing reached through it reads, joins, moves,
 * overwrites or deletes another école's rows, whatever the shape of the query.
 *
 * `table(name)` gives a knex-like builder. Reads come from the école's rows only (a derived
 * table filtered on `ecole_id`), so `orWhere` and `whereNot` cannot widen them; `update` and
 * `delete` are ANDed with the école; `insert` stamps `ecole_id`. It offers the `where…`
 * family (with groups `where((q) => …)`), `select`, `orderBy`, `groupBy`, `having…`, `limit`,
 * `offset`, `first`, `pluck`, aggregates, `join`/`innerJoin`/`leftJoin` between the plugin's
 * own tables (named by `ctx.db.tableName`, each side limited to the école), `insert` with
 * `onConflict().ignore()`, `update` (object or `(column, value)`), `increment`, `delete`.
 *
 * It throws an error starting « forEcole : », naming what to write instead, on raw SQL
 * (`whereRaw`, `knex.raw` values…), subqueries other than `forEcole` builders of the same école,
 * joins to tables outside the plugin, `from`, `union`, `truncate`, `upsert`,
 * `onConflict().merge()`, an insert of another école's `ecole_id` and an update of `ecole_id`.
 * For work across écoles (jobs, migrations, exports), use `PluginDatabase.table()`.
 *
 * @example
 * ```ts
 * const menus = ctx.db.forEcole(ecole.id);
 * const [id] = await menus.insert('menus', { date: '2026-09-07', starter: 'Carottes râpées' });
 * const week = await menus.table('menus').whereBetween('date', ['2026-09-07', '2026-09-11']);
 * const dishes = ctx.db.tableName('dishes');
 * const withDishes = await menus
 *   .table('menus')
 *   .join(dishes, `${dishes}.menu_id`, `${ctx.db.tableName('menus')}.id`)
 *   .where('date', '2026-09-07')
 *   .orWhere('date', '2026-09-08'); // still this école's menus only
 * ```
 */
export interface ScopedDatabase {
  /** A builder limited to this école (see above for what it offers and refuses). */
  table(name: string): QueryBuilder;
  /**
   * Inserts rows stamped with this `ecole_id`; resolves to the new ids. Rejects a row whose
   * `ecole_id` names another école.
   */
  insert(
    name: string,
    rows: Record<string, unknown> | Record<string, unknown>[],
  ): Promise<number[]>;
}

/**
 * A migration step of the plugin's own schema. Runs in its own migrations table
 * (`<prefix>_migrations`), on SQLite and MariaDB alike: use the knex schema builder only.
 *
 * @example
 * ```ts
 * const migrations: PluginMigration[] = [{
 *   name: '0001-menus',
 *   up: async ({ schema, tableName }) => schema.createTable(tableName('menus'), (t) => { … }),
 *   down: async ({ schema, tableName }) => schema.dropTable(tableName('menus')),
 * }];
 * ```
 */
export interface PluginMigration {
  name: string;
  up(db: MigrationContext): Promise<void>;
  down(db: MigrationContext): Promise<void>;
}

/**
 * What a migration step gets: knex's schema builder and the plugin's table naming.
 *
 * @example
 * ```ts
 * up: async ({ schema, tableName }) => {
 *   await schema.createTable(tableName('menus'), (t) => {
 *     t.increments('id');
 *     t.integer('ecole_id').notNullable().index();
 *     t.string('date', 10).notNullable();
 *   });
 * },
 * ```
 */
export interface MigrationContext {
  schema: QueryBuilder;
  tableName(name: string): string;
  /** Query builder on a table, for data migrations. */
  table(name: string): QueryBuilder;
  /** 'sqlite' or 'mysql', for the rare step that must differ (full-text indexes, say). */
  readonly engine: 'sqlite' | 'mysql';
}

/**
 * A person as plugins see them: never their login, password or contact details.
 *
 * @example
 * ```ts
 * const author = await ctx.directory.person(menu.authorId);
 * const signature = author ? `${author.firstName} ${author.lastName}` : 'Compte supprimé';
 * ```
 */
export interface DirectoryPerson {
  id: number;
  firstName: string;
  lastName: string;
}

/**
 * A membership of a person in an école.
 *
 * @example
 * ```ts
 * const memberships = await ctx.directory.membershipsOf(user.personId);
 * const teachesHere = memberships.some((m) => m.ecoleId === ecole.id && m.profile === 'ENS');
 * ```
 */
export interface DirectoryMembership {
  ecoleId: number;
  profile: Profile;
  classId: number | null;
}

/**
 * A class of an école.
 *
 * @example
 * ```ts
 * const classes = await ctx.directory.classesOf(ecole.id);
 * const maternelle = classes.filter((c) => c.levels.some((level) => ['PS', 'MS', 'GS'].includes(level)));
 * ```
 */
export interface DirectoryClass {
  id: number;
  ecoleId: number;
  name: string;
  levels: Level[];
}

/**
 * Read access to the directory.
 *
 * @example
 * ```ts
 * const children = await ctx.directory.childrenOf(user.personId);
 * ```
 */
export interface DirectoryReader {
  person(personId: number): Promise<DirectoryPerson | null>;
  ecole(ecoleId: number): Promise<PluginEcole | null>;
  membershipsOf(personId: number): Promise<DirectoryMembership[]>;
  classesOf(ecoleId: number): Promise<DirectoryClass[]>;
  /** Children a parent is legal representative of. */
  childrenOf(parentId: number): Promise<DirectoryPerson[]>;
  /**
   * The members of an école in an audience, each once, with their profiles there: a class
   * brings its pupils, its teachers and its pupils' legal representatives.
   */
  audienceOf(ecoleId: number, audience: Audience): Promise<AudienceMember[]>;
}

/**
 * Rights checks, the same ones core applies to routes.
 *
 * @example
 * ```ts
 * const canWrite = await ctx.rights.has(request.user!, 'menu-cantine.menus.write');
 * ```
 */
export interface RightsChecker {
  /** Whether `user` holds `permission` in their current école. */
  has(user: PluginUser, permission: string): Promise<boolean>;
}

/**
 * The école's communication rules: the single gate for recipients, sharing and search.
 *
 * @example
 * ```ts
 * if (!(await ctx.communication.canCommunicate(user.personId, recipientId))) {
 *   throw errors.forbidden('Vous ne pouvez pas écrire à cette personne.');
 * }
 * ```
 */
export interface CommunicationRules {
  canCommunicate(fromPersonId: number, toPersonId: number): Promise<boolean>;
}

/**
 * The plugin's settings: platform defaults overlaid with the école's own.
 *
 * @example
 * ```ts
 * const { showAllergens } = await ctx.settings.forEcole<{ showAllergens: boolean }>(ecole.id);
 * ```
 */
export interface PluginSettings {
  /** Settings in force for an école (secrets included: server side only). */
  forEcole<T = Record<string, unknown>>(ecoleId: number): Promise<T>;
}

/**
 * A logger scoped to the plugin (pino-compatible).
 *
 * @example
 * ```ts
 * ctx.log.info({ ecoleId: ecole.id, week }, 'Menus de la semaine publiés');
 * ```
 */
export interface PluginLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Another started plugin as `ctx.plugins` describes it: who it is and the help it ships.
 *
 * @example
 * ```ts
 * const plugins = await ctx.plugins.enabledFor(ecole.id);
 * const topics = plugins.flatMap((p) => p.help.map((h) => ({ plugin: p.id, ...h })));
 * ```
 */
export interface InstalledPluginHelp {
  id: string;
  version: string;
  name: LocalizedText;
  /** Its pages' ids and paths, to match a help `context` given as either. */
  pages: Array<{ id: string; path: string }>;
  /** Its manifest's `help` entries (empty when it ships none). */
  help: HelpManifest[];
  /** Its manifest's `searchProviders` (absent when it has none): read by the recherche plugin. */
  searchProviders?: SearchProviderManifest[];
  /** Its manifest's `notificationTypes` (absent when it has none): read by the notifications plugin. */
  notificationTypes?: NotificationTypeManifest[];
}

/**
 * Read-only knowledge of the other plugins: which are enabled for an école, and the help files
 * they declare. Nothing else of another plugin is reachable: no code, no tables, no settings.
 *
 * @example
 * ```ts
 * const [menus] = await ctx.plugins.enabledFor(ecole.id);
 * const markdown = await ctx.plugins.readHelp(menus.id, menus.help[0].file.fr);
 * ```
 */
export interface PluginsReader {
  /** The started plugins enabled for an école, in dependency order. */
  enabledFor(ecoleId: number): Promise<InstalledPluginHelp[]>;
  /**
   * The text of a help file a started plugin declares in its manifest's `help`; rejects for a
   * plugin not started or a file it does not declare.
   */
  readHelp(pluginId: string, file: string): Promise<string>;
}

/**
 * Loads a widget's data for the person looking at the dashboard.
 *
 * @example
 * ```ts
 * const menuDuJour: WidgetDataLoader = async ({ ecole, settings }) =>
 *   ({ menu: await menus.today(ecole.id), showAllergens: settings.showAllergens !== false });
 * ctx.widgetData('menu-du-jour', menuDuJour);
 * ```
 */
export type WidgetDataLoader = (input: {
  user: PluginUser;
  ecole: PluginEcole;
  settings: Record<string, unknown>;
}) => Promise<unknown>;

/**
 * What `register(ctx)` receives: everything a plugin may use of Préau. A plugin never imports
 * core; it reaches the rest of Préau only through this context.
 *
 * @example
 * ```ts
 * export default definePlugin({
 *   manifest,
 *   register(ctx) {
 *     ctx.route({ method: 'GET', path: '/ping', summary: 'Test', handler: () => ({ ok: true }) });
 *     ctx.events.subscribe('plugin.enabled', ({ ecoleId }) => ctx.log.info({ ecoleId }, 'activé'));
 *   },
 * });
 * ```
 */
export interface PluginContext {
  manifest: PluginManifest;
  log: PluginLogger;
  db: PluginDatabase;
  directory: DirectoryReader;
  rights: RightsChecker;
  communication: CommunicationRules;
  /**
   * Core's events and the other plugins': `subscribe` hears every event; `publish` accepts only
   * this plugin's own, named `<plugin id>.…`, and throws otherwise (core's events such as
   * `plugin.enabled` are published by core alone). Subscriptions made during `register()` start
   * hearing once the plugin is accepted, never if it is refused.
   */
  events: EventBus;
  settings: PluginSettings;
  /** The other plugins, read-only: which are enabled for an école, and their help files. */
  plugins: PluginsReader;
  /**
   * Makes the plugin's content searchable (documents of its manifest's `searchProviders`);
   * does nothing when the recherche plugin is not enabled for the document's école.
   */
  search: PluginSearch;
  /**
   * Tells people what happened (types of its manifest's `notificationTypes`); does nothing when
   * the notifications plugin is not enabled for the école.
   */
  notifications: PluginNotifications;
  /** E-mail to people, addresses looked up by core; never to pupils. */
  mail: PluginMail;
  /**
   * Recurring jobs, run on one process at a time; register them during `register()`. They are
   * scheduled once the plugin is accepted, never if it is refused.
   */
  jobs: PluginJobs;
  /** Pushes small messages to people's open pages. */
  live: PluginLive;
  /** Milliseconds since the epoch; moved by tests. */
  now(): number;
  /** Registers a route under `/api/plugins/<id>`. */
  route<P, Q, B>(route: PluginRoute<P, Q, B>): void;
  /** Provides the loader of a widget declared in the manifest. */
  widgetData(widgetId: string, loader: WidgetDataLoader): void;
  /** Offers a service to plugins that depend on this one. */
  provide<T extends object>(service: T): void;
  /**
   * The service a plugin this one depends on offered with `provide()`; undefined when that plugin
   * is absent (optional dependency not installed, or refused at start). A service is shared by
   * every école: its methods take the école they work for. Throws when `pluginId` is in neither
   * `dependencies` nor `optionalDependencies` of the manifest.
   */
  service<T extends object>(pluginId: string): T | undefined;
}
