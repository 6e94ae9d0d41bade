import type { Lifecycle, Request, ResponseToolkit } from '@hapi/hapi';
import type { PluginRequest } from '@preau/sdk';

import type { RouteDefinition } from '../http/route.js';
import type { Admission, PluginGuard } from './guard.js';
import { answer, localeOf, toBoom } from './responses.js';
import type { AnyPluginRoute, StartedPlugin } from './types.js';

/** Where a plugin's routes live: `/api/plugins/<id>`. */
export function pluginBasePath(pluginId: string): string {
  return `/api/plugins/${pluginId}`;
}

/**
 * A started plugin's routes as core routes, so that `toHapiRoute` validates their inputs with
 * ajv and documents them in OpenAPI (tagged with the plugin's id): each route the plugin
 * registered, and `GET /api/plugins/<id>/widgets/<widgetId>/data` for each widget with a loader.
 *
 * The guard runs at hapi's onPostAuth step, before input validation: a person from an école
 * without the plugin gets 404 whatever they send, and never a 400 describing the route.
 */
export function pluginRouteDefinitions(
  plugin: StartedPlugin,
  guard: PluginGuard,
): RouteDefinition[] {
  const routes = plugin.routes.map((route) => routeDefinition(plugin, route, guard));
  for (const widget of plugin.manifest.widgets ?? []) {
    const loader = plugin.widgetLoaders.get(widget.id);
    if (!loader) continue;
    routes.push({
      method: 'GET',
      path: `${pluginBasePath(plugin.id)}/widgets/${widget.id}/data`,
      summary: `Données du widget « ${widget.title.fr} »`,
      tags: [plugin.id],
      access: 'session',
      options: { ext: { onPostAuth: { method: admitWith(guard, plugin, widget.permission) } } },
      async handler(request) {
        const { user, ecole } = admissionOf(request) as Admission;
        try {
          // Per-user widget settings live in the dashboard layout: this direct route has none.
          return await loader({ user, ecole, settings: {} });
        } catch (error) {
          throw failure(plugin, error, { widget: widget.id });
        }
      },
    });
  }
  return routes;
}

// Module-private helpers.

/** What the guard decided for a request, handed from onPostAuth to the handler. */
const admissions = new WeakMap<Request, Admission | null>();

function admissionOf(request: Request): Admission | null {
  return admissions.get(request) ?? null;
}

function admitWith(
  guard: PluginGuard,
  plugin: StartedPlugin,
  permission: string | undefined,
  isPublic = false,
): Lifecycle.Method {
  return async (request: Request, h: ResponseToolkit) => {
    admissions.set(
      request,
      isPublic
        ? await guard.identify(request, plugin)
        : await guard.admit(request, plugin, permission),
    );
    return h.continue;
  };
}

function routeDefinition(
  plugin: StartedPlugin,
  route: AnyPluginRoute,
  guard: PluginGuard,
): RouteDefinition {
  const isPublic = route.access === 'public';
  const schemas = route.schemas ?? {};
  return {
    method: route.method,
    path: pluginBasePath(plugin.id) + (route.path === '/' ? '' : route.path),
    summary: route.summary,
    tags: [plugin.id],
    // A public route still reads a session when there is one: the plugin may greet the person.
    // Not a token route: any site may post to it, so it must never act with the session.
    access: route.crossSite === 'token' ? 'public' : isPublic ? 'optional' : 'session',
    ...(route.uploads ? { uploads: true } : {}),
    ...(route.crossSite ? { crossSite: route.crossSite } : {}),
    schemas: {
      ...(schemas.params ? { params: schemas.params } : {}),
      ...(schemas.query ? { query: schemas.query } : {}),
      ...(schemas.payload ? { payload: schemas.payload } : {}),
      ...(schemas.response ? { response: schemas.response } : {}),
    },
    options: {
      ext: { onPostAuth: { method: admitWith(guard, plugin, route.permission, isPublic) } },
    },
    async handler(request, h) {
      const admission = admissionOf(request);
      const pluginRequest: PluginRequest = {
        params: request.params ?? {},
        query: request.query ?? {},
        payload: request.payload ?? null,
        user: admission?.user ?? null,
        ecole: admission?.ecole ?? null,
        locale: localeOf(request),
      };
      try {
        return answer(h, await route.handler(pluginRequest));
      } catch (error) {
        throw failure(plugin, error, { method: route.method, path: route.path });
      }
    },
  };
}

/** A plugin's error as the response to send; unexpected ones are logged with the plugin's id. */
function failure(plugin: StartedPlugin, error: unknown, details: object) {
  const boom = toBoom(error);
  if (boom.output.statusCode >= 500) {
    plugin.context.log.error({ err: error, ...details }, 'Le plugin a échoué');
  }
  return boom;
}
