import type { CoreContext } from '../context.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';

/** `GET /api/plugins` and the admin routes that enable plugins per école. (Stub.) */
export function pluginAdminRoutes(_ctx: CoreContext, _services: CoreServices): RouteDefinition[] {
  return [];
}
