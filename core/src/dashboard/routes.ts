import type { Request } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { currentEcoleOf, sessionOf } from '../http/credentials.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import { dashboardDefaultsRoutes } from './defaults-routes.js';
import { dashboardResponse, dataQuery, dataResponse, layoutPayload } from './schemas.js';
import type { DashboardUser, WidgetPlacement } from './types.js';

/** The person's own dashboard, and the admin routes of écoles' defaults. */
export function dashboardRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  const { dashboard } = services;
  const tags = ['tableau de bord'];
  return [
    {
      method: 'GET',
      path: '/api/dashboard',
      summary: 'Mon tableau de bord : disposition des widgets et widgets que je peux ajouter',
      tags,
      schemas: { response: dashboardResponse },
      handler: (request) => dashboard.view(userOf(request)),
    },
    {
      method: 'GET',
      path: '/api/dashboard/data',
      summary: 'Données des widgets de mon tableau de bord, chacun dans un délai limité',
      tags,
      schemas: { query: dataQuery, response: dataResponse },
      async handler(request) {
        const { widgets } = request.query as { widgets?: string };
        return { widgets: await dashboard.data(userOf(request), widgets?.split(',')) };
      },
    },
    {
      method: 'PUT',
      path: '/api/dashboard/layout',
      summary: 'Enregistrer ma disposition : widgets, ordre et tailles',
      tags,
      schemas: { payload: layoutPayload, response: dashboardResponse },
      handler(request) {
        const { widgets } = request.payload as { widgets: WidgetPlacement[] };
        return dashboard.saveLayout(userOf(request), widgets);
      },
    },
    {
      method: 'DELETE',
      path: '/api/dashboard/layout',
      summary: 'Revenir à la disposition par défaut de mon école',
      tags,
      schemas: { response: dashboardResponse },
      handler: (request) => dashboard.resetLayout(userOf(request)),
    },
    ...dashboardDefaultsRoutes(ctx, services),
  ];
}

/** The person asking, in the école and profile their session acts with (409 when none). */
function userOf(request: Request): DashboardUser {
  const { ecoleId, profile } = currentEcoleOf(request);
  return { personId: sessionOf(request).personId, ecoleId, profile };
}
