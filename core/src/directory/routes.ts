import type { CoreContext } from '../context.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';

/** Directory routes. (Stub.) */
export function directoryRoutes(_ctx: CoreContext, _services: CoreServices): RouteDefinition[] {
  return [];
}
