import type { JsonSchema } from './manifest/types.js';
import type { Profile } from './profiles.js';

/**
 * The person calling a plugin route, in the école and profile they are acting with.
 *
 * @example
 * ```ts
 * handler: async (request) => {
 *   if (request.user?.profile === 'TUT') return menus.forFamilies(request.ecole!.id);
 *   return menus.all(request.ecole!.id);
 * },
 * ```
 */
export interface PluginUser {
  personId: number;
  ecoleId: number;
  profile: Profile;
}

/**
 * The école a request is made in.
 *
 * @example
 * ```ts
 * handler: (request) => ({ ecole: request.ecole?.name, uai: request.ecole?.uai }),
 * ```
 */
export interface PluginEcole {
  id: number;
  uai: string;
  name: string;
  collectiviteId: number;
}

/**
 * What a plugin route handler receives: validated inputs and who is asking. `user` and `ecole`
 * are null only on public routes called without a session.
 *
 * @example
 * ```ts
 * handler: async (request: PluginRequest<{ date: string }, { week?: string }, MenuInput>) =>
 *   menus.replace(request.ecole!.id, request.params.date, request.payload),
 * ```
 */
export interface PluginRequest<
  Params = Record<string, unknown>,
  Query = Record<string, unknown>,
  Payload = unknown,
> {
  params: Params;
  query: Query;
  payload: Payload;
  user: PluginUser | null;
  ecole: PluginEcole | null;
  /** Preferred language of the person: 'fr' or 'en'. */
  locale: 'fr' | 'en';
}

/**
 * A response with a chosen status (e.g. 201 after a creation) instead of the default 200.
 * Build it with `respond()`: core recognises only responses made that way, so a plugin object
 * that merely has `status` and `body` fields (a message, say) is still sent as a 200 body.
 *
 * @example
 * ```ts
 * return respond(201, menu, { location: `/api/plugins/menu-cantine/menus/${menu.date}` });
 * ```
 */
export interface PluginResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

// Symbol.for, so that two copies of the SDK in one installation still recognise each other.
const responseMark = Symbol.for('preau.plugin-response');

/**
 * Answers a plugin route with a chosen status, body and headers instead of the default 200.
 *
 * @example
 * ```ts
 * handler: async (request) => {
 *   const [id] = await ctx.db.forEcole(request.ecole!.id).insert('menus', request.payload);
 *   return respond(201, { id }, { location: `/api/plugins/menu-cantine/menus/${id}` });
 * },
 * ```
 */
export function respond(
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
): PluginResponse {
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new RangeError(`respond() : statut HTTP ${status} invalide (200 à 599)`);
  }
  const response: PluginResponse = { status, body, ...(headers ? { headers } : {}) };
  Object.defineProperty(response, responseMark, { value: true });
  return response;
}

/**
 * Whether a handler's return value was made by `respond()`.
 *
 * @example
 * ```ts
 * isPluginResponse(respond(201, { id: 3 })); // true
 * isPluginResponse({ status: 201, body: {} }); // false: a plain object is a 200 body
 * ```
 */
export function isPluginResponse(value: unknown): value is PluginResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[responseMark] === true
  );
}

/**
 * A route a plugin registers with `ctx.route()`. Mounted at `/api/plugins/<id><path>`; core
 * checks, before the handler runs: a session (unless `access: 'public'`), the plugin enabled for
 * the person's école (else 404), the `permission` held (else 403), and every input against its
 * JSON Schema (else 400 naming the field).
 *
 * @example
 * ```ts
 * ctx.route({
 *   method: 'GET',
 *   path: '/menus/{week}',
 *   summary: 'Menus d’une semaine',
 *   permission: 'menu-cantine.menus.read',
 *   schemas: { params: { type: 'object', properties: { week: { type: 'string' } } } },
 *   handler: async (request) => menus.ofWeek(request.ecole!.id, request.params.week),
 * });
 * ```
 */
export interface PluginRoute<
  Params = Record<string, string>,
  Query = Record<string, unknown>,
  Payload = unknown,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Starts with '/'; hapi path syntax (`{param}`). */
  path: string;
  /** One line for the OpenAPI document, in French. */
  summary: string;
  /** 'session' (default) or 'public'. */
  access?: 'session' | 'public';
  /** A permission the plugin declares in its manifest. */
  permission?: string;
  /**
   * A write that takes files: core accepts `multipart/form-data` beside JSON (each file arrives
   * as a Buffer in `request.payload`), still only from Préau's own pages. Every other write
   * accepts only `content-type: application/json`, even without a body.
   *
   * @example
   * ```ts
   * ctx.route({ method: 'POST', path: '/photos', summary: 'Ajoute une photo', uploads: true,
   *   permission: 'galerie.photos.write', handler: (request) => photos.add(request.payload) });
   * ```
   */
  uploads?: boolean;
  /**
   * `'token'`, for a public route authenticated by a token the request carries (a link or a
   * one-click button in an e-mail, RFC 8058), never by the session: core then accepts HTML form
   * posts (`application/x-www-form-urlencoded`) from any site, and the handler never sees a
   * session (`request.user` is null). Refused at registration on a route that is not
   * `access: 'public'`. Any other write must come as JSON from Préau's own pages.
   *
   * @example
   * ```ts
   * ctx.route({ method: 'POST', path: '/unsubscribe', summary: 'Désabonnement en un clic',
   *   access: 'public', crossSite: 'token', handler: (request) => unsubscribe(request.query) });
   * ```
   */
  crossSite?: 'token';
  schemas?: {
    params?: JsonSchema;
    query?: JsonSchema;
    payload?: JsonSchema;
    response?: JsonSchema;
  };
  /**
   * Returns the body (200 as JSON; 204 when undefined or null), `respond(status, body, headers)`
   * for another status, or throws an `HttpError` (its status and message). Any other error is a
   * 500 whose details stay in the logs.
   */
  handler(request: PluginRequest<Params, Query, Payload>): unknown | Promise<unknown>;
}
