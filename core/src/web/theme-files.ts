import Boom from '@hapi/boom';
import type { ServerRoute } from '@hapi/hapi';

import { THEME_IDS } from './portal-options.js';
import { findServableFile, sendFile } from './static-files.js';

/** Theme files keep their names across versions: cached an hour, then revalidated. */
const THEME_CACHE = 'public, max-age=3600';

/**
 * `GET /themes/<name>/<file>`: the design tokens and pictograms of the portal's themes
 * (themes/default, themes/contraste). Only the themes the portal offers are served.
 */
export function themeFileRoutes(themeRoot: (themeId: string) => string | undefined): ServerRoute[] {
  const roots = new Map<string, string>();
  const rootOf = (themeId: string): string | undefined => {
    // Remember only found folders: a theme installed after start is picked up.
    const known = roots.get(themeId) ?? themeRoot(themeId);
    if (known) roots.set(themeId, known);
    return known;
  };
  return [
    {
      method: 'GET',
      path: '/themes/{name}/{file*}',
      options: { auth: false },
      async handler(request, h) {
        const { name, file } = request.params as Record<string, string | undefined>;
        const root = THEME_IDS.includes(name as never) ? rootOf(String(name)) : undefined;
        if (!root) throw Boom.notFound('Ce thème n’existe pas.');
        const found = await findServableFile(root, file ?? '');
        if (!found) throw Boom.notFound('Ce fichier du thème n’existe pas.');
        return sendFile(h, found, THEME_CACHE);
      },
    },
  ];
}
