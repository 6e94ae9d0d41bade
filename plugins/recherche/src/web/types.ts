/** One result of `GET /api/plugins/recherche/?q=`. */
export interface SearchResult {
  title: string;
  snippet: string;
  url: string;
}

/** The results of one plugin, under its name. */
export interface SearchGroup {
  pluginId: string;
  pluginName: string;
  results: SearchResult[];
}

/** What the search route answers. */
export interface SearchAnswer {
  q: string;
  groups: SearchGroup[];
}

/** The search needs at least this many characters (the route refuses fewer). */
export const MIN_QUERY = 2;

/** The longest query the route accepts. */
export const MAX_QUERY = 100;

/** The address of the full results page for a query. */
export function resultsPageUrl(q: string): string {
  return `/apps/recherche/?q=${encodeURIComponent(q)}`;
}

/** How many results the groups hold. */
export function countOf(groups: readonly SearchGroup[]): number {
  return groups.reduce((total, group) => total + group.results.length, 0);
}

/**
 * Opens an in-portal address the way the portal's own links do (History API, no reload): the
 * shell listens to `popstate`, as does the results page.
 */
export function openInPortal(url: string): void {
  if (location.pathname + location.search !== url) history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
