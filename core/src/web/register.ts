import { existsSync, realpathSync } from 'node:fs';

import Inert from '@hapi/inert';
import type { Server } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import type { CoreServices } from '../services.js';
import { buildIndexPage } from './index-html.js';
import { defaultPublicDir, defaultThemeRoot } from './locations.js';
import { pageRoutes } from './page-routes.js';
import { pluginFileRoutes } from './plugin-files.js';
import { readShellAssets } from './shell-assets.js';
import { themeFileRoutes } from './theme-files.js';

export interface WebOptions {
  /** The browser build (default core/dist/public); tests point it elsewhere. */
  publicDir?: string;
  /** Where a theme's package lives (default: installed package, else the repository's). */
  themeRoot?: (themeId: string) => string | undefined;
}

/**
 * Serves the portal beside the API: index.html on the page paths, the build's assets, plugins'
 * and themes' files. These are plain hapi routes, not API routes: they take any query string
 * (the shell's own links may carry one) and stay out of the OpenAPI document.
 */
export async function registerWeb(
  server: Server,
  ctx: CoreContext,
  services: CoreServices,
  options: WebOptions = {},
): Promise<void> {
  await server.register(Inert);
  const given = options.publicDir ?? defaultPublicDir();
  // Real path: the static file checks compare resolved paths with it.
  const publicDir = existsSync(given) ? realpathSync(given) : given;
  const assets = readShellAssets(publicDir);
  if (!assets) {
    ctx.log.warn(
      { publicDir },
      'Le portail n’est pas construit (pas de assets.json) : lancez npm run build.',
    );
  }
  const page = assets ? buildIndexPage(assets, ctx.config.branding) : null;
  server.route([
    ...pageRoutes(page, publicDir),
    ...pluginFileRoutes(services.plugins),
    ...themeFileRoutes(options.themeRoot ?? defaultThemeRoot),
  ]);
}
