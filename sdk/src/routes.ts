import type { JsonSchema } from './manifest/types.js';
import type { Profile } from './profiles.js';

/** The person calling a plugin route, in the école and profile they are acting with. */
export interface PluginUser {
  personId: number;
  ecoleId: number;
  profile: Profile;
}

/** The école a request is made in. */
export interface PluginEcole {
  id: number;
  uai: string;
  name: string;
  collectiviteId: number;
}

/**
 * What a plugin route handler receives: validated inputs and who is asking. `user` and `ecole`
 * are null only on public routes called without a session.
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

/** A response with a chosen status (e.g. 201 after a creation) instead of the default 200. */
export interface PluginResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
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
  schemas?: { params?: JsonSchema; query?: JsonSchema; payload?: JsonSchema; response?: JsonSchema };
  /** Returns the body (200), a `PluginResponse`, or throws an `HttpError`. */
  handler(request: PluginRequest<Params, Query, Payload>): unknown | Promise<unknown>;
}
