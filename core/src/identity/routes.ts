import type { CoreContext } from '../context.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';

/** Identity routes. (Stub.) */
export function identityRoutes(_ctx: CoreContext, _services: CoreServices): RouteDefinition[] {
  return [];
}
