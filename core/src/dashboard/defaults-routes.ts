import type { Request } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { sessionOf } from '../http/credentials.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import type { DefaultsActor } from './layout-store.js';
import { defaultsParams, defaultsPayload, defaultsResponse } from './schemas.js';
import type { DashboardDefaults } from './types.js';
import { clientAddress } from '../http/client-address.js';

/**
 * An école's default dashboard per profile, and the widgets it makes mandatory. Set by the
 * administrators of its collectivité (or of the platform) and by its own directeur.
 */
export function dashboardDefaultsRoutes(
  ctx: CoreContext,
  services: CoreServices,
): RouteDefinition[] {
  const { dashboard } = services;
  const path = '/api/admin/ecoles/{id}/dashboard-defaults/{profile}';
  const tags = ['tableau de bord', 'administration'];

  /** Throws 404 unless the requester may set this école's defaults; returns the audit actor. */
  async function actorFor(request: Request, ecoleId: number): Promise<DefaultsActor> {
    const { collectiviteId } = await services.admin.requireEcoleManager(request, ecoleId);
    return { personId: sessionOf(request).personId, collectiviteId, ip: clientAddress(request) };
  }

  return [
    {
      method: 'GET',
      path,
      summary: 'Tableau de bord par défaut d’un profil dans une école, et ses widgets obligatoires',
      tags,
      schemas: { params: defaultsParams, response: defaultsResponse },
      async handler(request) {
        const { id, profile } = request.params as unknown as Params;
        await actorFor(request, id);
        return dashboard.defaultsOf(id, profile);
      },
    },
    {
      method: 'PUT',
      path,
      summary: 'Régler le tableau de bord par défaut d’un profil dans une école',
      tags,
      schemas: { params: defaultsParams, payload: defaultsPayload, response: defaultsResponse },
      async handler(request) {
        const { id, profile } = request.params as unknown as Params;
        const actor = await actorFor(request, id);
        return dashboard.setDefaults(id, profile, request.payload as DashboardDefaults, actor);
      },
    },
    {
      method: 'DELETE',
      path,
      summary: 'Revenir au tableau de bord par défaut calculé depuis les plugins',
      tags,
      schemas: { params: defaultsParams, response: defaultsResponse },
      async handler(request) {
        const { id, profile } = request.params as unknown as Params;
        const actor = await actorFor(request, id);
        return dashboard.resetDefaults(id, profile, actor);
      },
    },
  ];
}

interface Params {
  id: number;
  profile: string;
}
