import type { CoreInjectResponse, CoreTestClient } from './core-harness.js';

/**
 * An HTTP answer as a test reads it. `body` is the parsed JSON (or the raw text when the answer
 * is not JSON, undefined when empty); it is typed loosely on purpose, so tests can reach into
 * it without casts.
 *
 * @example
 * ```ts
 * const response: TestResponse = await parent.get('/menus/today');
 * expect(response.status).to.equal(200);
 * expect(response.body.menu.courses.plat[0].name).to.equal('Lasagnes');
 * ```
 */
export interface TestResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
  /** The raw body. */
  text: string;
}

/**
 * A person calling Préau over HTTP (in process, through hapi's `inject`). A path that starts
 * with `/api/` is taken as it is; any other path is relative to the plugin's routes,
 * `/api/plugins/<plugin-id>`.
 *
 * @example
 * ```ts
 * const atsem = await test.actAs('COL');
 * const put = await atsem.put('/menus/2026-09-01', menu); // /api/plugins/menu-cantine/menus/…
 * expect(put.status).to.equal(201);
 * const me = await atsem.get('/api/health'); // a core route
 * ```
 */
export interface PluginTestClient {
  /** The fixture login; null for the anonymous client. */
  login: string | null;
  /** The person's id; null for the anonymous client. */
  personId: number | null;
  /**
   * Any method. Like the portal, the client sends its session cookie and, on every write,
   * `content-type: application/json`; `headers` are added and win, to act as another page
   * would: a string `payload` is sent as it is.
   *
   * @example
   * ```ts
   * // A form posted by a page of another site: core refuses it before the route runs.
   * const forged = await parent.request('POST', '/menus/2026-09-01', 'plat=frites', {
   *   'content-type': 'application/x-www-form-urlencoded',
   *   'sec-fetch-site': 'cross-site',
   * });
   * expect(forged.status).to.equal(415);
   * ```
   */
  request(
    method: string,
    path: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse>;
  get(path: string): Promise<TestResponse>;
  post(path: string, payload?: unknown): Promise<TestResponse>;
  put(path: string, payload?: unknown): Promise<TestResponse>;
  patch(path: string, payload?: unknown): Promise<TestResponse>;
  delete(path: string): Promise<TestResponse>;
  /**
   * The data of one of the plugin's widgets, as the dashboard would fetch it for this person
   * (`GET /api/plugins/<id>/widgets/<widgetId>/data`).
   */
  widgetData(widgetId: string): Promise<TestResponse>;
}

/** Wraps a client of core's harness so paths are plugin-relative and answers easy to read. */
export function wrapClient(
  client: CoreTestClient,
  pluginId: string,
  identity: { login: string | null; personId: number | null },
): PluginTestClient {
  const prefix = `/api/plugins/${pluginId}`;
  const request = async (
    method: string,
    path: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ) => toTestResponse(await client.request(method, resolvePath(prefix, path), payload, headers));
  return {
    ...identity,
    request,
    get: (path) => request('GET', path),
    post: (path, payload) => request('POST', path, payload),
    put: (path, payload) => request('PUT', path, payload),
    patch: (path, payload) => request('PATCH', path, payload),
    delete: (path) => request('DELETE', path),
    widgetData: (widgetId) => request('GET', `/widgets/${encodeURIComponent(widgetId)}/data`),
  };
}

/**
 * A path as sent: `/api/…` unchanged, anything else under the plugin's prefix.
 *
 * @example
 * ```ts
 * resolvePath('/api/plugins/menu-cantine', '/menus'); // '/api/plugins/menu-cantine/menus'
 * resolvePath('/api/plugins/menu-cantine', '/api/health'); // '/api/health'
 * ```
 */
export function resolvePath(prefix: string, path: string): string {
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) return path;
  if (path === '' || path.startsWith('?')) return prefix + path;
  return prefix + (path.startsWith('/') ? path : `/${path}`);
}

// Module-private helpers.

function toTestResponse(response: CoreInjectResponse): TestResponse {
  const text = response.payload ?? '';
  const type = String(response.headers['content-type'] ?? '');
  let body: unknown = text === '' ? undefined : text;
  if (text !== '' && type.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.statusCode, body, headers: response.headers, text };
}
