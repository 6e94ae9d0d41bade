import type { CoreContext } from '../context.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';

/** Rights routes. (Stub.) */
export function rightsRoutes(_ctx: CoreContext, _services: CoreServices): RouteDefinition[] {
  return [];
}
