import type { CoreContext } from '../context.js';
import { PROFILES, PROFILE_LABELS } from '../directory/profiles.js';
import { sessionOf } from '../http/credentials.js';
import type { JsonSchema, RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import type { PermissionOverrideChange } from './permissions.js';
import { clientAddress } from '../http/client-address.js';

/**
 * An école's permission grants: each declared permission with every profile's effective grant,
 * and per-école overrides. Collectivité administrators and the école's directeur.
 */
export function permissionRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  const listOf = async (ecoleId: number) => ({
    ecoleId,
    profiles: PROFILES.map((code) => ({ code, label: PROFILE_LABELS[code] })),
    permissions: await services.permissions.list(ecoleId),
  });
  return [
    {
      method: 'GET',
      path: '/api/admin/ecoles/{id}/permissions',
      summary: 'Permissions des extensions dans une école, par profil',
      tags: ['droits'],
      schemas: { params: ecoleParams, response: permissionsResponse },
      async handler(request) {
        const { id } = request.params as { id: number };
        await services.admin.requireEcoleManager(request, id);
        return listOf(id);
      },
    },
    {
      method: 'PATCH',
      path: '/api/admin/ecoles/{id}/permissions',
      summary: 'Accorde, retire ou rétablit par défaut des permissions dans une école',
      tags: ['droits'],
      schemas: { params: ecoleParams, payload: overridesPayload, response: permissionsResponse },
      async handler(request) {
        const { id } = request.params as { id: number };
        const { collectiviteId } = await services.admin.requireEcoleManager(request, id);
        const { overrides } = request.payload as { overrides: PermissionOverrideChange[] };
        await services.permissions.setOverrides(id, overrides, sessionOf(request).personId, {
          ip: clientAddress(request),
          collectiviteId,
        });
        return listOf(id);
      },
    },
  ];
}

const ecoleParams: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
};

const overridesPayload: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['overrides'],
  properties: {
    overrides: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['profile', 'permission', 'granted'],
        properties: {
          profile: { type: 'string', enum: [...PROFILES] },
          permission: {
            type: 'string',
            minLength: 5,
            maxLength: 160,
            pattern: '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$',
            description: '<extension>.<ressource>.<action>',
          },
          granted: {
            type: ['boolean', 'null'],
            description: 'true : accordée ; false : retirée ; null : retour à la valeur par défaut',
          },
        },
      },
    },
  },
};

const grant = {
  type: 'object',
  required: ['granted', 'byDefault', 'overridden'],
  properties: {
    granted: { type: 'boolean' },
    byDefault: { type: 'boolean' },
    overridden: { type: 'boolean' },
  },
};

const permissionsResponse: JsonSchema = {
  type: 'object',
  required: ['ecoleId', 'profiles', 'permissions'],
  properties: {
    ecoleId: { type: 'integer' },
    profiles: {
      type: 'array',
      items: {
        type: 'object',
        properties: { code: { type: 'string' }, label: { type: 'string' } },
      },
    },
    permissions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'grants'],
        properties: {
          name: { type: 'string' },
          description: {
            type: ['object', 'null'],
            properties: { fr: { type: 'string' }, en: { type: 'string' } },
          },
          grants: {
            type: 'object',
            properties: Object.fromEntries(PROFILES.map((profile) => [profile, grant])),
          },
        },
      },
    },
  },
};
