import type { PreauApiClient } from '@preau/sdk/widget';

import type { DashboardData, WidgetDataResult } from './types.js';

/** Module imports by URL, shared by every dashboard on the page; a failed one may be retried. */
const modules = new Map<string, Promise<unknown>>();

/**
 * Imports a widget's ES module once. The URL comes from the API (`/plugins/<id>/<version>/…`):
 * never from the page's address or from a person.
 */
export function importWidgetModule(url: string): Promise<unknown> {
  let loading = modules.get(url);
  if (!loading) {
    loading = import(url);
    modules.set(url, loading);
    // Forget a failure, so that « Réessayer » tries the network again.
    loading.catch(() => {
      if (modules.get(url) === loading) modules.delete(url);
    });
  }
  return loading;
}

/**
 * Fetches the data of several widgets in one request. Never rejects: a request that fails as a
 * whole fails each widget with the server's (or the client's) French sentence.
 */
export async function fetchWidgetsData(
  api: PreauApiClient,
  keys: readonly string[],
  signal: AbortSignal,
): Promise<Record<string, WidgetDataResult>> {
  try {
    const answer = await api.get<DashboardData>('/api/dashboard/data', {
      query: { widgets: keys.join(',') },
      signal,
    });
    return answer?.widgets ?? {};
  } catch (error) {
    const message = error instanceof Error && error.name !== 'AbortError' ? error.message : '';
    return Object.fromEntries(keys.map((key) => [key, { status: 'erreur', message }]));
  }
}

/**
 * Creates the element `tag` once its module has defined it. Throws when the module did not
 * define it or its constructor failed (the browser then makes a plain, unknown element).
 */
export function createWidgetElement(tag: string): WidgetElement {
  const constructor = customElements.get(tag);
  if (!constructor) throw new Error(`<${tag}> n’est pas défini par son module`);
  const element = document.createElement(tag);
  if (!(element instanceof constructor)) throw new Error(`<${tag}> n’a pas pu être créé`);
  return element;
}

/**
 * What the dashboard sets on a widget element (see PreauWidget) and what it reads back. Lit's
 * `updateComplete` (rejected when a render throws) and `addController` are used when present.
 */
export interface WidgetElement extends HTMLElement {
  data?: unknown;
  dataError?: string | null;
  updateComplete?: Promise<unknown>;
  addController?: (controller: { hostUpdated?: () => void }) => void;
}
