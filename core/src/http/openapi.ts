import type { RouteDefinition } from './route.js';

/** `GET /api/docs/openapi.json`, generated from the routes' JSON Schemas. (Stub.) */
export function openApiRoutes(): RouteDefinition[] {
  return [];
}
