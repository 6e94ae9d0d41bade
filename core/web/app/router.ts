import { afterLoginPath } from './return-path.js';

/**
 * The shell's pages and their addresses. The server answers every page path with index.html;
 * the History API does the rest, so links stay real links (open in a new tab, copy, bookmark).
 */
export type Route =
  | { name: 'dashboard' }
  | { name: 'login' }
  | { name: 'launcher' }
  | { name: 'preferences' }
  /** A plugin page: `rest` is what follows `/apps/<pluginId>` (e.g. `/menus/2026-09-01`). */
  | { name: 'plugin'; pluginId: string; rest: string }
  | { name: 'not-found' };

export const LOGIN_PATH = '/connexion';

/**
 * The route of a path.
 *
 * @example
 * ```ts
 * parseRoute('/apps/menu-cantine/menus'); // { name: 'plugin', pluginId: 'menu-cantine', rest: '/menus' }
 * ```
 */
export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'dashboard' };
  if (path === LOGIN_PATH) return { name: 'login' };
  if (path === '/applis') return { name: 'launcher' };
  if (path === '/preferences') return { name: 'preferences' };
  const plugin = /^\/apps\/([a-z0-9][a-z0-9-]*)(\/.*)?$/.exec(path);
  if (plugin?.[1]) return { name: 'plugin', pluginId: plugin[1], rest: plugin[2] ?? '/' };
  return { name: 'not-found' };
}

/**
 * The in-app path a click should open without reloading the page, or null when the browser
 * should handle it (another site, a new tab, a download, an API or static file address).
 */
export function interceptedPath(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!anchor?.href || anchor.hasAttribute('download')) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return null;
  if (/^\/(api|assets|plugins|themes)\//.test(url.pathname)) return null;
  // A same-page fragment link (e.g. inside a plugin page) keeps the browser's behaviour.
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    return null;
  }
  return url.pathname + url.search + url.hash;
}

/**
 * The login page's address for someone who wanted `back`: `/connexion?retour=<back>`, or
 * plain `/connexion` for the home page.
 */
export function loginPathFor(back: string): string {
  return back === '/' || back === LOGIN_PATH
    ? LOGIN_PATH
    : `${LOGIN_PATH}?retour=${encodeURIComponent(back)}`;
}

/** Where to go after login: the `retour` asked for, when it is a page of this site (return-path.ts). */
export function returnPath(search = location.search): string {
  return afterLoginPath(new URLSearchParams(search).get('retour'), location.origin, LOGIN_PATH);
}
