import Boom from '@hapi/boom';
import type { ServerRoute } from '@hapi/hapi';

import { browserFilesOf, isBrowserFile } from '../plugins/browser-files.js';
import type { PluginHost } from '../plugins/host.js';
import { findServableFile, IMMUTABLE, sendFile } from './static-files.js';

/**
 * `GET /plugins/<id>/<version>/<path>`: the browser part of a started plugin's package (widget,
 * page and header modules with what they import, styles, icons), public like any code; the rest
 * of the package is 404 (see `browser-files.ts`). The version in the URL must be the running
 * one: a page still holding an old URL gets a 404 instead of new code under an old name, which
 * is what makes a year of immutable caching safe.
 */
export function pluginFileRoutes(plugins: PluginHost): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/plugins/{pluginId}/{version}/{path*}',
      options: { auth: false },
      async handler(request, h) {
        const { pluginId, version, path } = request.params as Record<string, string | undefined>;
        const plugin = plugins.get(String(pluginId));
        if (!plugin) throw Boom.notFound('Ce plugin n’est pas installé sur ce Préau.');
        if (plugin.version !== version) {
          throw Boom.notFound(
            `Ce Préau sert la version ${plugin.version} de ce plugin : rechargez la page.`,
          );
        }
        const browser = browserFilesOf(plugin.manifest);
        const file = isBrowserFile(browser, path ?? '')
          ? await findServableFile(plugin.root, path ?? '')
          : null;
        if (!file) throw Boom.notFound('Ce fichier du plugin n’existe pas ou n’est pas servi.');
        return sendFile(h, file, IMMUTABLE);
      },
    },
  ];
}
