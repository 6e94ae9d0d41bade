import type {
  DirectoryReader,
  PluginContext,
  PluginManifest,
  PluginRoute,
  PluginsReader,
  WidgetDataLoader,
} from '@preau/sdk';

import type { CoreContext } from '../context.js';
import type { Communication } from '../rights/communication.js';
import type { Permissions } from '../rights/permissions.js';
import { PendingContributions, pluginEventBus } from './contributions.js';
import { KnexPluginDatabase, type TableNaming } from './database.js';
import type { ExtensionProviders } from './extension-points.js';
import { notificationsFacade } from './notifications-facade.js';
import { searchFacade } from './search-facade.js';
import type { PluginSettingsStore } from './settings.js';
import type { AnyPluginRoute } from './types.js';

/** What a plugin registered through its context during `register()`. */
export interface PluginRegistration {
  routes: AnyPluginRoute[];
  widgetLoaders: Map<string, WidgetDataLoader>;
  service: object | undefined;
}

/** What the host hands over to build one plugin's context. */
export interface PluginContextInput {
  core: CoreContext;
  manifest: PluginManifest;
  naming: TableNaming;
  permissions: Permissions;
  communication: Communication;
  directory: DirectoryReader;
  settings: PluginSettingsStore;
  /** Read-only view of the other plugins (`ctx.plugins`). */
  plugins: PluginsReader;
  /** The service a started plugin provided, if any. */
  serviceOf(pluginId: string): object | undefined;
  /** Where `ctx.search` and `ctx.notifications` forward to: each école's provider. */
  providers: ExtensionProviders;
  /** The plugins enabled for an école. */
  enabledFor(ecoleId: number): Promise<ReadonlySet<string>>;
}

/** Methods and paths a plugin may register. */
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const PATH = /^\/[A-Za-z0-9\-._~{}/*?]*$/;

/**
 * Builds the SDK's `PluginContext` for one plugin: everything of Préau it may use, scoped to it.
 * `route`, `widgetData` and `provide` are only open during `register()`: `seal()` closes them,
 * and each registration is checked at once, so a plugin declaring something inconsistent
 * (a permission it does not declare, a widget it has not) fails at start with a clear message.
 * Jobs and event subscriptions wait in `pending` until the host accepts the plugin: the host
 * calls `pending.commit()` when it is accepted and `pending.discard()` when it is refused.
 */
export function createPluginContext(input: PluginContextInput): {
  context: PluginContext;
  registration: PluginRegistration;
  pending: PendingContributions;
  seal(): void;
} {
  const { core, manifest } = input;
  const registration: PluginRegistration = {
    routes: [],
    widgetLoaders: new Map(),
    service: undefined,
  };
  let sealed = false;
  const open = (what: string) => {
    if (sealed) throw new Error(`ctx.${what}() n’est possible que pendant register()`);
  };
  const declaredPermissions = new Set(manifest.permissions.map((p) => p.name));
  const dependencies = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const seenRoutes = new Set<string>();
  const pending = new PendingContributions(manifest.id, core.jobs, core.bus);

  const context: PluginContext = {
    manifest,
    log: core.log.child({ plugin: manifest.id }),
    db: new KnexPluginDatabase(core.knex, input.naming, core.sql.engine),
    directory: input.directory,
    rights: {
      has: (user, permission) => input.permissions.has(user.ecoleId, user.profile, permission),
    },
    communication: {
      canCommunicate: async (from, to) =>
        (await input.communication.canCommunicate(from, to)).allowed,
    },
    events: pluginEventBus(manifest.id, core.bus, pending),
    settings: {
      forEcole: async <T>(ecoleId: number) =>
        (await input.settings.effective(manifest, ecoleId)) as T,
    },
    plugins: input.plugins,
    search: searchFacade(manifest, input.providers),
    notifications: notificationsFacade(manifest, input.providers),
    mail: {
      publicUrl: core.config.server.publicUrl,
      send: async (message) =>
        (await input.enabledFor(message.ecoleId)).has(manifest.id)
          ? core.mail.send(message)
          : { sent: false, reason: 'plugin-disabled' },
    },
    jobs: {
      every(job, run) {
        open('jobs.every');
        pending.job(job, run);
      },
    },
    live: {
      push(personIds, message) {
        if (typeof message?.type !== 'string' || !message.type.startsWith(`${manifest.id}.`)) {
          throw new Error(
            `ctx.live.push() : le type d’un message commence par « ${manifest.id}. »`,
          );
        }
        core.live.push(personIds, message);
      },
    },
    now: () => core.clock.now(),
    route<P, Q, B>(route: PluginRoute<P, Q, B>) {
      open('route');
      const checked = checkRoute(route as unknown as AnyPluginRoute, declaredPermissions);
      const key = `${checked.method} ${checked.path.replace(/\{[^}]*\}/g, '{}')}`;
      if (seenRoutes.has(key)) throw new Error(`la route ${key} est déclarée deux fois`);
      seenRoutes.add(key);
      registration.routes.push(checked);
    },
    widgetData(widgetId, loader) {
      open('widgetData');
      if (!manifest.widgets?.some((widget) => widget.id === widgetId)) {
        throw new Error(
          `ctx.widgetData() : son manifeste ne déclare pas de widget « ${widgetId} »`,
        );
      }
      if (typeof loader !== 'function') {
        throw new Error(
          `ctx.widgetData() : le chargeur du widget « ${widgetId} » doit être une fonction`,
        );
      }
      if (registration.widgetLoaders.has(widgetId)) {
        throw new Error(`ctx.widgetData() : le widget « ${widgetId} » a déjà un chargeur`);
      }
      registration.widgetLoaders.set(widgetId, loader);
    },
    provide(service) {
      open('provide');
      if (registration.service) throw new Error('ctx.provide() : un service est déjà fourni');
      if (typeof service !== 'object' || service === null) {
        throw new Error('ctx.provide() : le service doit être un objet');
      }
      registration.service = service;
    },
    service<T extends object>(pluginId: string) {
      if (!dependencies.has(pluginId)) {
        throw new Error(
          `ctx.service('${pluginId}') : « ${pluginId} » doit figurer dans les dépendances ` +
            `(dependencies ou optionalDependencies) du manifeste de « ${manifest.id} »`,
        );
      }
      return input.serviceOf(pluginId) as T | undefined;
    },
  };
  return {
    context,
    registration,
    pending,
    seal() {
      sealed = true;
    },
  };
}

// Module-private helpers.

function checkRoute(route: AnyPluginRoute, declared: ReadonlySet<string>): AnyPluginRoute {
  const label = `${String(route?.method)} ${String(route?.path)}`;
  if (!METHODS.has(route.method)) {
    throw new Error(`la route ${label} a une méthode inconnue (GET, POST, PUT, PATCH ou DELETE)`);
  }
  if (typeof route.path !== 'string' || !PATH.test(route.path) || route.path.includes('..')) {
    throw new Error(`la route ${label} a un chemin invalide (il commence par « / »)`);
  }
  if (/^\/widgets\/[^/]+\/data$/.test(route.path)) {
    throw new Error(`la route ${label} utilise un chemin réservé aux données des widgets`);
  }
  if (typeof route.summary !== 'string' || route.summary.trim() === '') {
    throw new Error(`la route ${label} n’a pas de résumé (summary)`);
  }
  if (typeof route.handler !== 'function') {
    throw new Error(`la route ${label} n’a pas de handler`);
  }
  if (route.access !== undefined && route.access !== 'session' && route.access !== 'public') {
    throw new Error(`la route ${label} a un accès inconnu (« session » ou « public »)`);
  }
  if (route.crossSite !== undefined) {
    if (route.crossSite !== 'token') {
      throw new Error(`la route ${label} a une valeur crossSite inconnue (seule « token » existe)`);
    }
    if (route.access !== 'public') {
      throw new Error(
        `la route ${label} ne peut pas accepter d’autres sites (crossSite « token ») : ` +
          'c’est réservé aux routes publiques authentifiées par un jeton, jamais par la session',
      );
    }
  }
  if (route.uploads !== undefined && typeof route.uploads !== 'boolean') {
    throw new Error(`la route ${label} a une option uploads qui n’est pas true ou false`);
  }
  if (route.permission !== undefined) {
    if (route.access === 'public') {
      throw new Error(`la route publique ${label} ne peut pas exiger de permission`);
    }
    if (!declared.has(route.permission)) {
      throw new Error(
        `la route ${label} exige la permission « ${route.permission} », que son manifeste ne déclare pas`,
      );
    }
  }
  return route;
}
