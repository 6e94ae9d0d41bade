import Boom from '@hapi/boom';
import type { Request, ResponseToolkit } from '@hapi/hapi';
import { isPluginResponse } from '@preau/sdk';

/**
 * How a plugin handler's outcome becomes an HTTP response. The rule, also in the SDK's
 * `PluginRoute.handler` documentation:
 * - a value made by `respond(status, body, headers)` → that status, body and headers;
 * - undefined or null → 204 No Content;
 * - any other value → 200 with the value as JSON (a plain object that happens to have `status`
 *   and `body` fields is a body like any other: only `respond()` chooses the status);
 * - a thrown `HttpError` → its status and message;
 * - anything else thrown → 500, the details in the logs only.
 */
export function answer(h: ResponseToolkit, value: unknown) {
  if (isPluginResponse(value)) {
    const body = value.body === null ? undefined : value.body;
    const response = h.response(body).code(value.status);
    for (const [name, content] of Object.entries(value.headers ?? {})) {
      // The session cookie is core's: a plugin never sets cookies.
      if (name.toLowerCase() !== 'set-cookie') response.header(name, String(content));
    }
    return response;
  }
  if (value === undefined || value === null) return h.response().code(204);
  return h.response(value).code(200);
}

/**
 * A plugin's error as a hapi error: an `HttpError` (recognised by name and status, since a
 * plugin may bundle its own copy of the SDK) keeps its status and message, prefixed with
 * `prefix`; anything else becomes a 500 whose message never reaches the client.
 */
export function toBoom(error: unknown, prefix = ''): Boom.Boom {
  if (Boom.isBoom(error)) return error;
  if (isHttpError(error)) {
    return new Boom.Boom(`${prefix}${error.message}`, { statusCode: error.status });
  }
  return Boom.badImplementation(error instanceof Error ? error.message : String(error));
}

/** The language a request prefers among those Préau speaks: 'fr' unless English comes first. */
export function localeOf(request: Request): 'fr' | 'en' {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header === '') return 'fr';
  let best: { locale: 'fr' | 'en'; quality: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const language = tag.split('-')[0];
    if (language !== 'fr' && language !== 'en') continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    if (!Number.isFinite(quality) || quality <= 0) continue;
    if (!best || quality > best.quality) best = { locale: language, quality };
  }
  return best?.locale ?? 'fr';
}

// Module-private helpers.

function isHttpError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error) || error.name !== 'HttpError') return false;
  const status = (error as Error & { status?: unknown }).status;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
}
