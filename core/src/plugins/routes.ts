import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';
import { PLUGIN_API_VERSION } from '@preau/sdk';

import { ecoleIdsOfCollectivite } from '../directory/queries.js';
import { collectiviteExists } from '../directory/structures.js';
import type { CoreContext } from '../context.js';
import { sessionOf } from '../http/credentials.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import type { EnablementActor } from './enablement.js';
import { pluginSettingsRoutes } from './settings-routes.js';
import type { StartedPlugin } from './types.js';
import { clientAddress } from '../http/client-address.js';

/**
 * `GET /api/plugins` (what my école offers me) and the administration of plugins: what is
 * installed, and which école has which plugin enabled.
 */
export function pluginAdminRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  const host = services.plugins;
  const tags = ['plugins'];

  const startedPlugin = (pluginId: string): StartedPlugin => {
    const plugin = host.get(pluginId);
    if (!plugin) {
      throw Boom.notFound(
        `Plugin « ${pluginId} » inconnu ou refusé au démarrage : voyez GET /api/admin/plugins.`,
      );
    }
    return plugin;
  };
  const actor = (request: Request, scope: EnablementActor['scope']): EnablementActor => ({
    personId: sessionOf(request).personId,
    ip: clientAddress(request),
    scope,
  });

  return [
    {
      method: 'GET',
      path: '/api/plugins',
      summary:
        'Les services activés pour mon école, avec les menus, widgets, pages et éléments d’en-tête qui me sont permis',
      tags,
      schemas: { response: myPluginsResponse },
      async handler(request) {
        const session = sessionOf(request);
        if (session.ecoleId === null || session.profile === null) {
          return { ecoleId: null, plugins: [] };
        }
        const { ecoleId, profile } = session;
        const may = (permission: string | undefined): Promise<boolean> =>
          permission
            ? services.permissions.has(ecoleId, profile, permission)
            : Promise.resolve(true);
        const keep = async <T extends { permission?: string }>(items: T[] | undefined) => {
          const list = items ?? [];
          const allowed = await Promise.all(list.map((item) => may(item.permission)));
          return list.filter((_, index) => allowed[index]);
        };
        const enabled = await host.enabledFor(ecoleId);
        const plugins = [];
        for (const plugin of host.list()) {
          if (!enabled.has(plugin.id)) continue;
          const { manifest } = plugin;
          plugins.push({
            id: plugin.id,
            version: plugin.version,
            name: manifest.name,
            description: manifest.description ?? null,
            navigation: await keep(manifest.navigation),
            widgets: await keep(manifest.widgets),
            pages: await keep(manifest.pages),
            headerItems: await keep(manifest.headerItems),
          });
        }
        return { ecoleId, plugins };
      },
    },
    {
      method: 'GET',
      path: '/api/admin/plugins',
      summary: 'Plugins installés : démarrés ou refusés, et pourquoi',
      tags,
      schemas: { response: installedResponse },
      async handler(request) {
        const scope = await services.admin.administeredCollectivites(sessionOf(request).personId);
        if (scope !== 'all' && scope.length === 0) {
          throw Boom.notFound('Cette adresse est réservée aux administrateurs.');
        }
        return {
          pluginApiVersion: PLUGIN_API_VERSION,
          plugins: host.installed().map((plugin) => ({
            id: plugin.id,
            version: plugin.version,
            name: plugin.manifest?.name ?? null,
            status: plugin.status,
            reason: plugin.reason,
            dependencies: plugin.manifest?.dependencies ?? {},
          })),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/admin/ecoles/{id}/plugins',
      summary: 'Plugins démarrés, activés ou non pour une école',
      tags,
      schemas: { params: ecoleParams, response: ecolePluginsResponse },
      async handler(request) {
        const ecoleId = (request.params as { id: number }).id;
        await services.admin.requireEcole(request, ecoleId);
        const enabled = await host.enabledFor(ecoleId);
        return {
          ecoleId,
          plugins: host.list().map((plugin) => ({
            id: plugin.id,
            version: plugin.version,
            name: plugin.manifest.name,
            description: plugin.manifest.description ?? null,
            enabled: enabled.has(plugin.id),
            dependencies: Object.keys(plugin.manifest.dependencies ?? {}),
          })),
        };
      },
    },
    ...(['PUT', 'DELETE'] as const).map((method): RouteDefinition => ({
      method,
      path: '/api/admin/ecoles/{id}/plugins/{pluginId}',
      summary:
        method === 'PUT'
          ? 'Active un plugin pour une école (sans effet s’il l’est déjà)'
          : 'Désactive un plugin pour une école (sans effet s’il ne l’est pas)',
      tags,
      schemas: { params: ecolePluginParams, response: enablementResponse },
      async handler(request) {
        const { id, pluginId } = request.params as { id: number; pluginId: string };
        await services.admin.requireEcole(request, id);
        const enabled = method === 'PUT';
        const changed = await host.enablement.set(
          startedPlugin(pluginId),
          [id],
          enabled,
          actor(request, 'ecole'),
        );
        return { pluginId, enabled, ecoles: changed };
      },
    })),
    {
      method: 'PUT',
      path: '/api/admin/collectivites/{id}/plugins/{pluginId}',
      summary: 'Active ou désactive un plugin pour toutes les écoles d’une collectivité, d’un coup',
      tags,
      schemas: {
        params: ecolePluginParams,
        payload: {
          type: 'object',
          additionalProperties: false,
          required: ['enabled'],
          properties: { enabled: { type: 'boolean' } },
        },
        response: enablementResponse,
      },
      async handler(request) {
        const { id, pluginId } = request.params as { id: number; pluginId: string };
        const { enabled } = request.payload as { enabled: boolean };
        await services.admin.requireCollectivite(request, id);
        if (!(await collectiviteExists(ctx, id))) {
          throw Boom.notFound('Collectivité introuvable ou hors de votre administration.');
        }
        const plugin = startedPlugin(pluginId);
        const changed = await host.enablement.set(
          plugin,
          await ecoleIdsOfCollectivite(ctx.sql, id),
          enabled,
          actor(request, 'collectivite'),
        );
        return { pluginId, enabled, ecoles: changed };
      },
    },
    ...pluginSettingsRoutes(services),
  ];
}

// Module-private helpers.

const pluginId = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 40 };
const ecoleParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
};
const ecolePluginParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'pluginId'],
  properties: { id: { type: 'integer', minimum: 1 }, pluginId },
};
const text = {
  type: 'object',
  required: ['fr'],
  properties: { fr: { type: 'string' }, en: { type: 'string' } },
};
const myPluginsResponse = {
  type: 'object',
  required: ['ecoleId', 'plugins'],
  properties: {
    ecoleId: { type: ['integer', 'null'] },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'version', 'name', 'navigation', 'widgets', 'pages', 'headerItems'],
        properties: {
          id: { type: 'string' },
          version: { type: 'string' },
          name: text,
          description: { anyOf: [text, { type: 'null' }] },
          navigation: { type: 'array', items: { type: 'object' } },
          widgets: { type: 'array', items: { type: 'object' } },
          pages: { type: 'array', items: { type: 'object' } },
          headerItems: {
            type: 'array',
            description: 'Éléments de l’en-tête du portail (cloche, recherche…)',
            items: {
              type: 'object',
              required: ['id', 'tag', 'module', 'label'],
              properties: {
                id: { type: 'string' },
                tag: { type: 'string' },
                module: { type: 'string' },
                label: text,
                permission: { type: 'string' },
                order: { type: 'integer' },
              },
            },
          },
        },
      },
    },
  },
};
const installedResponse = {
  type: 'object',
  required: ['pluginApiVersion', 'plugins'],
  properties: {
    pluginApiVersion: { type: 'string' },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'status'],
        properties: {
          id: { type: 'string' },
          version: { type: ['string', 'null'] },
          name: { anyOf: [text, { type: 'null' }] },
          status: { type: 'string', enum: ['started', 'refused'] },
          reason: { type: ['string', 'null'], description: 'Pourquoi il a été refusé' },
          dependencies: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
};
const ecolePluginsResponse = {
  type: 'object',
  required: ['ecoleId', 'plugins'],
  properties: {
    ecoleId: { type: 'integer' },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'version', 'name', 'enabled'],
        properties: {
          id: { type: 'string' },
          version: { type: 'string' },
          name: text,
          description: { anyOf: [text, { type: 'null' }] },
          enabled: { type: 'boolean' },
          dependencies: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};
const enablementResponse = {
  type: 'object',
  required: ['pluginId', 'enabled', 'ecoles'],
  properties: {
    pluginId: { type: 'string' },
    enabled: { type: 'boolean' },
    ecoles: {
      type: 'array',
      items: { type: 'integer' },
      description: 'Les écoles dont l’état a changé (vide : rien à faire)',
    },
  },
};
