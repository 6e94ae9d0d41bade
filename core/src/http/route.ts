import type { Lifecycle, Request, ResponseToolkit, RouteOptions, ServerRoute } from '@hapi/hapi';

import { hapiValidator } from './validation.js';

/** A JSON Schema, as plain data (also what the OpenAPI document shows). */
export type JsonSchema = Record<string, unknown>;

/** Who may call a route: a logged-in person (default), anyone, or anyone with an optional session. */
export type RouteAccess = 'session' | 'public' | 'optional';

/** The JSON Schemas of a route's inputs and successful response. */
export interface RouteSchemas {
  params?: JsonSchema;
  query?: JsonSchema;
  payload?: JsonSchema;
  response?: JsonSchema;
}

/** A core route: hapi route plus the schemas that validate it and document it. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** One line for the OpenAPI document, in French. */
  summary: string;
  tags?: string[];
  access?: RouteAccess;
  schemas?: RouteSchemas;
  handler: (request: Request, h: ResponseToolkit) => Lifecycle.ReturnValue;
  /** Extra hapi options (payload limits, timeouts…). */
  options?: Omit<RouteOptions, 'handler' | 'validate' | 'auth'>;
}

/** What the OpenAPI generator reads back from each hapi route. */
export interface RouteDocumentation {
  summary: string;
  tags: string[];
  access: RouteAccess;
  schemas: RouteSchemas;
}

/** The auth strategy name of Préau's session cookie. */
export const SESSION_STRATEGY = 'preau-session';

/**
 * Turns a route definition into a hapi route: every input part with a schema is validated by ajv
 * (a route that declares no payload schema accepts no payload), and the schemas are kept for
 * the OpenAPI document.
 */
export function toHapiRoute(route: RouteDefinition): ServerRoute {
  const schemas = route.schemas ?? {};
  const access = route.access ?? 'session';
  const validate: NonNullable<RouteOptions['validate']> = {};
  if (schemas.params) validate.params = hapiValidator('params', schemas.params);
  validate.query = hapiValidator('query', schemas.query ?? emptyObject);
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    validate.payload = hapiValidator('payload', schemas.payload ?? noPayload);
  }
  const documentation: RouteDocumentation = {
    summary: route.summary,
    tags: route.tags ?? [],
    access,
    schemas,
  };
  return {
    method: route.method,
    path: route.path,
    handler: route.handler,
    options: {
      ...route.options,
      auth:
        access === 'public'
          ? false
          : { strategy: SESSION_STRATEGY, mode: access === 'optional' ? 'try' : 'required' },
      validate,
      plugins: { ...route.options?.plugins, preau: documentation },
    },
  };
}

const emptyObject: JsonSchema = { type: 'object', additionalProperties: false };
const noPayload: JsonSchema = {
  description: 'Aucun corps attendu',
  anyOf: [{ type: 'null' }, { type: 'object', maxProperties: 0 }],
};
