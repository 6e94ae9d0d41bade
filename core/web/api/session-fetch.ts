/**
 * The browser's fetch, watching for a session that ended while the page was open (expiry,
 * logout in another tab): any 401 calls `onExpired`, so the shell can go back to the login page
 * whoever made the call (the shell, a widget, a plugin page).
 *
 * @example
 * ```ts
 * const api = new PreauApiClient({ fetch: sessionWatchingFetch(() => app.sessionEnded()) });
 * ```
 */
export function sessionWatchingFetch(onExpired: () => void): typeof fetch {
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (response.status === 401) onExpired();
    return response;
  };
}
