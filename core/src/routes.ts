import type { CoreContext } from './context.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { directoryRoutes } from './directory/routes.js';
import { healthRoutes } from './http/health.js';
import { openApiRoutes } from './http/openapi.js';
import type { RouteDefinition } from './http/route.js';
import { identityRoutes } from './identity/routes.js';
import { pluginAdminRoutes } from './plugins/routes.js';
import { rightsRoutes } from './rights/routes.js';
import type { CoreServices } from './services.js';
import { portalRoutes } from './web/portal-routes.js';

/** Every route core serves itself; plugins' routes are mounted by the plugin host. */
export function coreRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  return [
    ...healthRoutes(ctx, services.admin),
    ...openApiRoutes(ctx),
    ...identityRoutes(ctx, services),
    ...directoryRoutes(ctx, services),
    ...rightsRoutes(ctx, services),
    ...pluginAdminRoutes(ctx, services),
    ...dashboardRoutes(ctx, services),
    ...portalRoutes(ctx),
  ];
}
