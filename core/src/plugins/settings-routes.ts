import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';

import { sessionOf } from '../http/credentials.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import { maskSecrets, PLATFORM, type SettingsActor } from './settings.js';
import type { StartedPlugin } from './types.js';
import { clientAddress } from '../http/client-address.js';

/**
 * The settings of a plugin, per école (collectivité administrators) and for the whole platform
 * (platform administrators). Secret settings are masked in every answer; sending the mask back
 * keeps the stored secret.
 */
export function pluginSettingsRoutes(services: CoreServices): RouteDefinition[] {
  const host = services.plugins;
  const tags = ['plugins'];

  const startedPlugin = (pluginId: string): StartedPlugin => {
    const plugin = host.get(pluginId);
    if (!plugin) throw Boom.notFound(`Plugin « ${pluginId} » inconnu ou refusé au démarrage.`);
    return plugin;
  };
  const describe = async (plugin: StartedPlugin, ecoleId: number) => {
    const { manifest } = plugin;
    const platform = await host.settings.own(plugin.id, PLATFORM);
    const own = ecoleId === PLATFORM ? platform : await host.settings.own(plugin.id, ecoleId);
    return {
      pluginId: plugin.id,
      ecoleId: ecoleId === PLATFORM ? null : ecoleId,
      schema: manifest.settings ?? null,
      secretSettings: manifest.secretSettings ?? [],
      settings: maskSecrets(manifest, own),
      platform: maskSecrets(manifest, platform),
      effective: maskSecrets(manifest, await host.settings.effective(manifest, ecoleId)),
    };
  };
  const actor = (request: Request, collectiviteId: number | null): SettingsActor => ({
    personId: sessionOf(request).personId,
    ip: clientAddress(request),
    collectiviteId,
  });

  return [
    {
      method: 'GET',
      path: '/api/admin/ecoles/{id}/plugins/{pluginId}/settings',
      summary: 'Réglages d’un plugin pour une école (secrets masqués)',
      tags,
      schemas: { params: ecolePluginParams, response: settingsResponse },
      async handler(request) {
        const { id, pluginId } = request.params as { id: number; pluginId: string };
        await services.admin.requireEcole(request, id);
        return describe(startedPlugin(pluginId), id);
      },
    },
    {
      method: 'PUT',
      path: '/api/admin/ecoles/{id}/plugins/{pluginId}/settings',
      summary: 'Remplace les réglages d’un plugin pour une école, vérifiés par son schéma',
      tags,
      schemas: { params: ecolePluginParams, payload: settingsPayload, response: settingsResponse },
      async handler(request) {
        const { id, pluginId } = request.params as { id: number; pluginId: string };
        const { collectiviteId } = await services.admin.requireEcole(request, id);
        const plugin = startedPlugin(pluginId);
        await host.settings.write(
          plugin.manifest,
          id,
          request.payload as Record<string, unknown>,
          actor(request, collectiviteId),
        );
        return describe(plugin, id);
      },
    },
    {
      method: 'GET',
      path: '/api/admin/plugins/{pluginId}/settings',
      summary: 'Réglages d’un plugin pour toute la plateforme (secrets masqués)',
      tags,
      schemas: { params: pluginParams, response: settingsResponse },
      async handler(request) {
        await services.admin.requirePlatform(request);
        return describe(startedPlugin((request.params as { pluginId: string }).pluginId), PLATFORM);
      },
    },
    {
      method: 'PUT',
      path: '/api/admin/plugins/{pluginId}/settings',
      summary: 'Remplace les réglages d’un plugin pour toute la plateforme',
      tags,
      schemas: { params: pluginParams, payload: settingsPayload, response: settingsResponse },
      async handler(request) {
        await services.admin.requirePlatform(request);
        const plugin = startedPlugin((request.params as { pluginId: string }).pluginId);
        await host.settings.write(
          plugin.manifest,
          PLATFORM,
          request.payload as Record<string, unknown>,
          actor(request, null),
        );
        return describe(plugin, PLATFORM);
      },
    },
  ];
}

// Module-private helpers.

const pluginId = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 40 };
const pluginParams = {
  type: 'object',
  additionalProperties: false,
  required: ['pluginId'],
  properties: { pluginId },
};
const ecolePluginParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'pluginId'],
  properties: { id: { type: 'integer', minimum: 1 }, pluginId },
};
// The plugin's own schema checks the content (SettingsStore.write): here, only the shape.
const settingsPayload = {
  type: 'object',
  description: 'Les réglages de ce niveau, conformes au schéma `settings` du manifeste',
  maxProperties: 200,
};
const settingsResponse = {
  type: 'object',
  required: ['pluginId', 'ecoleId', 'schema', 'settings', 'platform', 'effective'],
  properties: {
    pluginId: { type: 'string' },
    ecoleId: { type: ['integer', 'null'], description: 'null : réglages de la plateforme' },
    schema: { type: ['object', 'null'] },
    secretSettings: { type: 'array', items: { type: 'string' } },
    settings: { type: 'object', description: 'Les valeurs propres à ce niveau' },
    platform: { type: 'object', description: 'Les valeurs de la plateforme' },
    effective: {
      type: 'object',
      description: 'Les valeurs en vigueur (défauts, plateforme, école)',
    },
  },
};
