import { readFileSync } from 'node:fs';

import type { RequestRoute } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import type { JsonSchema, RouteDefinition, RouteDocumentation } from './route.js';

/**
 * `GET /api/docs/openapi.json`: an OpenAPI 3.1 document built from the routes the server
 * actually serves, core's and plugins' alike (both go through `toHapiRoute`, which keeps each
 * route's JSON Schemas in `options.plugins.preau`). OpenAPI 3.1 takes JSON Schema as it is, so
 * the schemas that validate requests are the ones published: the document cannot drift.
 */
export function openApiRoutes(ctx: CoreContext): RouteDefinition[] {
  // Built on first request, when every plugin's routes are mounted; rebuilt if routes are added.
  let cached: { routeCount: number; document: OpenApiDocument } | null = null;
  return [
    {
      method: 'GET',
      path: '/api/docs/openapi.json',
      summary: 'Description OpenAPI 3.1 de l’API, générée depuis les routes servies',
      tags: ['système'],
      access: 'public',
      schemas: {
        response: {
          type: 'object',
          required: ['openapi', 'info', 'paths', 'components'],
          properties: {
            openapi: { const: '3.1.0' },
            info: {
              type: 'object',
              required: ['title', 'version'],
              properties: { title: { type: 'string' }, version: { type: 'string' } },
            },
            paths: { type: 'object' },
            components: { type: 'object' },
          },
        },
      },
      handler(request) {
        const table = request.server.table();
        if (cached?.routeCount !== table.length) {
          cached = { routeCount: table.length, document: buildOpenApiDocument(ctx, table) };
        }
        return cached.document;
      },
    },
  ];
}

/** The document itself, kept loosely typed: it is data for other tools. */
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, PathItem> };

type PathItem = Record<string, Record<string, unknown>>;

/** Builds the OpenAPI document of a set of hapi routes. */
export function buildOpenApiDocument(
  ctx: CoreContext,
  routes: readonly RequestRoute[],
): OpenApiDocument {
  const paths: Record<string, PathItem> = {};
  const tags = new Set<string>();
  const operationIds = new Set<string>();
  const operations = routes
    .filter((route) => documentedMethods.has(route.method))
    .map((route) => ({ route, documentation: documentationOf(route) }))
    .filter(({ route, documentation }) => documentation || route.path.startsWith('/api/'))
    .sort((a, b) => a.route.path.localeCompare(b.route.path));
  for (const { route, documentation } of operations) {
    const path = openApiPath(route.path);
    const doc = documentation ?? undocumented(route);
    doc.tags.forEach((tag) => tags.add(tag));
    paths[path] ??= {};
    paths[path][route.method] = operation(route, path, doc, operationIds);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `API ${ctx.config.branding.name}`,
      version: coreVersion(),
      description:
        'API de Préau, l’ENT ouvert des écoles primaires. Les routes des plugins sont sous ' +
        '/api/plugins/<id>/. Sauf mention contraire, une session est nécessaire : le cookie ' +
        `${ctx.config.sessions.cookieName} est posé à la connexion.`,
    },
    servers: [{ url: ctx.config.server.publicUrl.replace(/\/+$/, '') }],
    tags: [...tags].sort((a, b) => a.localeCompare(b)).map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchema },
      responses: {
        BadRequest: errorResponse('Données invalides : le message nomme chaque champ en cause'),
        Unauthorized: errorResponse('Session absente ou expirée : connectez-vous'),
        Forbidden: errorResponse('Droit manquant pour cette action'),
        NotFound: errorResponse('Introuvable, ou hors de votre portée'),
      },
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: ctx.config.sessions.cookieName,
          description: 'Cookie de session httpOnly, posé par POST /api/login',
        },
      },
    },
  };
}

// Module-private helpers.

const SECURITY_SCHEME = 'session';

const documentedMethods = new Set(['get', 'post', 'put', 'patch', 'delete']);

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string', description: 'Intitulé HTTP du statut' },
    message: { type: 'string', description: 'Ce qui ne va pas et que faire, en français' },
  },
};

function errorResponse(description: string): Record<string, unknown> {
  return {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

function operation(
  route: RequestRoute,
  path: string,
  doc: RouteDocumentation,
  operationIds: Set<string>,
): Record<string, unknown> {
  const { schemas, access } = doc;
  const parameters = [...pathParameters(path, schemas.params), ...queryParameters(schemas.query)];
  const responses: Record<string, unknown> = {
    '200': schemas.response
      ? { description: 'Succès', content: { 'application/json': { schema: schemas.response } } }
      : { description: 'Succès' },
    '400': { $ref: '#/components/responses/BadRequest' },
  };
  if (access === 'session') {
    responses['401'] = { $ref: '#/components/responses/Unauthorized' };
    responses['403'] = { $ref: '#/components/responses/Forbidden' };
  }
  responses['404'] = { $ref: '#/components/responses/NotFound' };
  return {
    operationId: operationId(route.method, path, operationIds),
    summary: doc.summary,
    ...(doc.tags.length > 0 ? { tags: doc.tags } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(schemas.payload
      ? {
          requestBody: {
            required: true,
            content: requestContent(doc, schemas.payload),
          },
        }
      : {}),
    responses,
    security:
      access === 'public'
        ? []
        : access === 'optional'
          ? [{}, { [SECURITY_SCHEME]: [] }]
          : [{ [SECURITY_SCHEME]: [] }],
  };
}

/** JSON always; also the form types the write guard admits on this route (write-guard.ts). */
function requestContent(doc: RouteDocumentation, schema: JsonSchema): Record<string, unknown> {
  const content: Record<string, unknown> = { 'application/json': { schema } };
  if (doc.writes.uploads) content['multipart/form-data'] = { schema };
  if (doc.writes.crossSite === 'token') content['application/x-www-form-urlencoded'] = { schema };
  return content;
}

function pathParameters(path: string, schema: JsonSchema | undefined): unknown[] {
  const properties = propertiesOf(schema);
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) =>
    parameter(name!, 'path', true, properties[name!] ?? { type: 'string' }),
  );
}

function queryParameters(schema: JsonSchema | undefined): unknown[] {
  const properties = propertiesOf(schema);
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) =>
    parameter(name, 'query', required.has(name), property),
  );
}

function parameter(name: string, where: string, required: boolean, schema: JsonSchema): unknown {
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  return { name, in: where, required, ...(description ? { description } : {}), schema };
}

function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  return (schema?.properties as Record<string, JsonSchema> | undefined) ?? {};
}

function documentationOf(route: RequestRoute): RouteDocumentation | undefined {
  const plugins = route.settings.plugins as Record<string, unknown> | undefined;
  return plugins?.preau as RouteDocumentation | undefined;
}

/** A route added straight to hapi, without a RouteDefinition: listed, without schemas. */
function undocumented(route: RequestRoute): RouteDocumentation {
  return {
    summary: `${route.method.toUpperCase()} ${route.path}`,
    tags: [],
    access: (route.settings.auth as unknown) === false ? 'public' : 'session',
    schemas: {},
    writes: {},
  };
}

/** hapi's `{name}` is OpenAPI's; its `{name*}`, `{name*2}` and `{name?}` become plain `{name}`. */
function openApiPath(path: string): string {
  return path.replace(/\{(\w+)(?:\*\d*|\?)\}/g, '{$1}');
}

/** `getApiDashboardLayout`: readable, and unique within the document. */
function operationId(method: string, path: string, taken: Set<string>): string {
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  const base = method + words.join('');
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}${n}`;
  taken.add(id);
  return id;
}

let version: string | undefined;

function coreVersion(): string {
  if (version === undefined) {
    try {
      // From dist/src/http/ (compiled) up to core's package.json.
      const url = new URL('../../../package.json', import.meta.url);
      version = String((JSON.parse(readFileSync(url, 'utf8')) as { version: unknown }).version);
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}
