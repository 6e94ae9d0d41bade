import type { CoreContext } from '../context.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';

/** Dashboard routes. (Stub.) */
export function dashboardRoutes(_ctx: CoreContext, _services: CoreServices): RouteDefinition[] {
  return [];
}
