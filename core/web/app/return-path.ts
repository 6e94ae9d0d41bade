/**
 * Where to go after logging in, given the login page's `retour` parameter. Pure (no DOM), so it
 * is tested in Node (core/test/web/return-path.test.ts).
 *
 * Only a page of this site counts: anything that resolves to another origin (`//evil.example`,
 * `/\evil.example`, `https://…`), to the login page itself (which would leave the person on
 * it, whatever its spelling: `/connexion/`, `/Connexion?x`, `/./connexion`), to a non-page
 * (`/api/…`, `/assets/…`) or that holds control characters falls back to the dashboard (`/`).
 *
 * @example
 * afterLoginPath('/applis/menu-cantine?semaine=2', 'https://ent.example') // '/applis/menu-cantine?semaine=2'
 * afterLoginPath('/connexion?retour=%2F', 'https://ent.example')           // '/'
 */
export function afterLoginPath(
  retour: string | null,
  origin: string,
  loginPath = '/connexion',
): string {
  if (!retour || !retour.startsWith('/') || /[\p{Cc}\\]/u.test(retour)) return '/';
  let url: URL;
  try {
    url = new URL(retour, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  const page = url.pathname.replace(/\/+$/, '').toLowerCase() || '/';
  if (page === loginPath.toLowerCase()) return '/';
  if (/^\/(api|assets|plugins|themes)(\/|$)/.test(page)) return '/';
  return url.pathname + url.search + url.hash;
}
