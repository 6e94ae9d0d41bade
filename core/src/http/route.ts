import type { Lifecycle, Request, ResponseToolkit, RouteOptions, ServerRoute } from '@hapi/hapi';

import { responseValidator } from './response-check.js';
import { hapiValidator } from './validation.js';
import type { WritePolicy } from './write-guard.js';

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
  /**
   * A write that takes files: `multipart/form-data` is accepted beside JSON (files arrive as
   * Buffers in the payload), still only from Préau's own pages.
   */
  uploads?: boolean;
  /**
   * `'token'`: a public route authenticated by a token in the request (an e-mail's link), which
   * accepts form posts from any site (RFC 8058 one-click). Only with `access: 'public'`: such a
   * route never reads the session, so a forged request can do nothing in a person's name.
   */
  crossSite?: 'token';
  /** Extra hapi options (payload limits, timeouts…). */
  options?: Omit<RouteOptions, 'handler' | 'validate' | 'auth'>;
}

/** What the OpenAPI generator reads back from each hapi route. */
export interface RouteDocumentation {
  summary: string;
  tags: string[];
  access: RouteAccess;
  schemas: RouteSchemas;
  /** What the write guard admits beyond JSON from Préau's pages (`write-guard.ts`). */
  writes: WritePolicy;
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
  if (route.crossSite !== undefined && (route.crossSite !== 'token' || access !== 'public')) {
    throw new Error(
      `${route.method} ${route.path} : crossSite « token » est réservé aux routes publiques`,
    );
  }
  const validate: NonNullable<RouteOptions['validate']> = {};
  if (schemas.response) responseValidator(schemas.response);
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
    writes: {
      ...(route.uploads ? { uploads: true } : {}),
      ...(route.crossSite ? { crossSite: route.crossSite } : {}),
    },
  };
  return {
    method: route.method,
    path: route.path,
    handler: route.handler,
    options: {
      ...route.options,
      ...(route.uploads
        ? { payload: { ...route.options?.payload, multipart: { output: 'data' } } }
        : {}),
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
