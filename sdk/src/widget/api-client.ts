/**
 * Query-string values: absent ones (`undefined`, `null`) are left out.
 *
 * @example
 * ```ts
 * const query: QueryValues = { week: '2026-W36', classe: selected ?? undefined };
 * ```
 */
export type QueryValues = Record<string, string | number | boolean | null | undefined>;

/**
 * Options of one call.
 *
 * @example
 * ```ts
 * const options: RequestOptions = { query: { week: '2026-W36' }, signal: controller.signal };
 * await api.get('/api/plugins/menu-cantine/menus', options);
 * ```
 */
export interface RequestOptions {
  query?: QueryValues;
  /** Aborts the call, e.g. when the widget leaves the page. */
  signal?: AbortSignal;
}

/**
 * How a `PreauApiClient` is built; every field is optional.
 *
 * @example
 * ```ts
 * const api = new PreauApiClient({ headers: { 'x-csrf-token': token } });
 * ```
 */
export interface PreauApiClientOptions {
  /** Prefix of every path: '' (same origin, the default) or e.g. `https://ent.example.fr`. */
  baseUrl?: string;
  /** The fetch to use: the browser's by default; tests pass their own. */
  fetch?: typeof fetch;
  /** Headers added to every call (the shell adds its anti-CSRF header here). */
  headers?: Record<string, string>;
}

/**
 * A call that did not succeed: `message` is the server's French sentence when it gave one, or a
 * French sentence chosen from the status, always something a person can read and act on.
 *
 * @example
 * ```ts
 * try {
 *   await api.put('/api/plugins/menu-cantine/menus/2026-09-01', menu);
 * } catch (error) {
 *   if (error instanceof PreauApiError && error.status === 403) this.readOnly = true;
 *   this.problem = (error as Error).message;
 * }
 * ```
 */
export class PreauApiError extends Error {
  override name = 'PreauApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** The response body as the server sent it (parsed when JSON). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }

  /** The faulty fields of a 400, when the server listed them (`problems`). */
  get problems(): Array<{ field: string; message: string }> {
    const problems = (this.body as { problems?: unknown } | undefined)?.problems;
    return Array.isArray(problems) ? (problems as Array<{ field: string; message: string }>) : [];
  }
}

/**
 * Calls Préau's HTTP API from the browser: same-origin cookies, JSON both ways, French errors.
 * The shell provides one through `apiContext`; a `PreauWidget` reaches it as `this.api`.
 *
 * @example
 * ```ts
 * const api = new PreauApiClient();
 * const me = await api.get<{ firstName: string }>('/api/me');
 * const menus = api.pluginApi('menu-cantine');
 * const week = await menus.get('/menus', { query: { week: '2026-W36' } });
 * ```
 */
export class PreauApiClient {
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;
  private readonly headers: Record<string, string>;

  constructor(options: PreauApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    // Bound, because a detached `fetch` throws "Illegal invocation" in browsers.
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.headers = { ...options.headers };
  }

  /**
   * Sends one request and resolves to the parsed body (undefined for 204), or rejects with a
   * `PreauApiError`.
   *
   * @example
   * ```ts
   * await api.request('POST', '/api/plugins/sondages/votes', { choice: 2 });
   * ```
   */
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.headers };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    // Every write says JSON, even without a body: core refuses any other write (CSRF: an HTML
    // form or a no-cors fetch from another site cannot send this type).
    if (body !== undefined || !READS.has(method.toUpperCase())) {
      headers['content-type'] = 'application/json';
    }
    if (body !== undefined) init.body = JSON.stringify(body);
    if (options.signal) init.signal = options.signal;
    let response: Response;
    try {
      response = await this.fetcher(this.baseUrl + withQuery(path, options.query), init);
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new PreauApiError(0, internals.unreachable);
    }
    const parsed = await internals.readBody(response);
    if (!response.ok) {
      const message = (parsed as { message?: unknown } | undefined)?.message;
      throw new PreauApiError(
        response.status,
        typeof message === 'string' && message ? message : internals.messageFor(response.status),
        parsed,
      );
    }
    return parsed as T;
  }

  /**
   * GET a path.
   *
   * @example
   * ```ts
   * const health = await api.get<{ status: string }>('/api/health');
   * ```
   */
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  /**
   * POST a JSON body.
   *
   * @example
   * ```ts
   * await api.post('/api/plugins/sondages/votes', { choice: 2 });
   * ```
   */
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  /**
   * PUT a JSON body.
   *
   * @example
   * ```ts
   * await api.put('/api/plugins/menu-cantine/menus/2026-09-01', menu);
   * ```
   */
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, body, options);
  }

  /**
   * PATCH with a JSON body.
   *
   * @example
   * ```ts
   * await api.patch('/api/me', { locale: 'en' });
   * ```
   */
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options);
  }

  /**
   * DELETE a path.
   *
   * @example
   * ```ts
   * await api.delete('/api/plugins/menu-cantine/menus/2026-09-01');
   * ```
   */
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  /**
   * The same client with paths relative to a plugin's routes, `/api/plugins/<pluginId>`.
   *
   * @example
   * ```ts
   * const menus = api.pluginApi('menu-cantine');
   * await menus.get('/menus/today'); // GET /api/plugins/menu-cantine/menus/today
   * ```
   */
  pluginApi(pluginId: string): PluginApiClient {
    return new PluginApiClient(this, `/api/plugins/${encodeURIComponent(pluginId)}`);
  }
}

/**
 * A plugin's routes seen through a `PreauApiClient`: every path is relative to
 * `/api/plugins/<pluginId>`. Made by `PreauApiClient.pluginApi()` or `PreauWidget.pluginApi`.
 *
 * @example
 * ```ts
 * const menus = api.pluginApi('menu-cantine');
 * await menus.delete('/menus/2026-09-01');
 * ```
 */
export class PluginApiClient {
  constructor(
    private readonly client: PreauApiClient,
    /** `/api/plugins/<pluginId>`. */
    readonly prefix: string,
  ) {}

  /** The full path of a plugin-relative one. */
  path(relative: string): string {
    return this.prefix + (relative.startsWith('/') ? relative : `/${relative}`);
  }

  get<T = unknown>(path: string, options?: RequestOptions): Promise<T> {
    return this.client.get<T>(this.path(path), options);
  }

  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.client.post<T>(this.path(path), body, options);
  }

  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.client.put<T>(this.path(path), body, options);
  }

  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.client.patch<T>(this.path(path), body, options);
  }

  delete<T = unknown>(path: string, options?: RequestOptions): Promise<T> {
    return this.client.delete<T>(this.path(path), options);
  }
}

/**
 * Appends query values to a path, leaving out absent ones.
 *
 * @example
 * ```ts
 * withQuery('/menus', { week: '2026-W36', draft: undefined }); // '/menus?week=2026-W36'
 * ```
 */
export function withQuery(path: string, query: QueryValues | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.append(name, String(value));
  }
  const text = search.toString();
  if (!text) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

// Module-private helpers.

/** Methods that change nothing, hence need no content type. */
const READS = new Set(['GET', 'HEAD']);

const internals = {
  unreachable: 'Le serveur ne répond pas : vérifiez votre connexion puis réessayez.',

  messageFor(status: number): string {
    if (status === 400) return 'La demande est incomplète ou invalide.';
    if (status === 401) return 'Votre session a expiré : reconnectez-vous.';
    if (status === 403) return 'Vous n’avez pas le droit de faire cela.';
    if (status === 404) return 'Ce contenu n’existe pas ou ne vous est pas accessible.';
    if (status === 409) return 'Ce contenu a changé entre-temps : rechargez la page.';
    if (status === 413) return 'Les données envoyées sont trop volumineuses.';
    if (status === 429) return 'Trop de demandes : patientez un instant puis réessayez.';
    if (status >= 500) return 'Une erreur inattendue est survenue ; réessayez dans un instant.';
    return `La demande a échoué (code ${status}).`;
  },

  async readBody(response: Response): Promise<unknown> {
    if (response.status === 204) return undefined;
    const text = await response.text();
    if (!text) return undefined;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }
    return text;
  },
};
