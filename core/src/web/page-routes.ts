import { join } from 'node:path';

import Boom from '@hapi/boom';
import type { ServerRoute } from '@hapi/hapi';

import { NOT_BUILT_HTML, type IndexPage } from './index-html.js';
import { ASSET_FOLDERS } from './shell-assets.js';
import { findServableFile, IMMUTABLE, sendFile } from './static-files.js';

/**
 * The portal's page paths: each answers index.html and the shell decides what to show (the
 * login page, the dashboard, a plugin page…). Any other non-API path stays a 404.
 */
export const PAGE_PATHS = ['/', '/connexion', '/applis', '/preferences', '/apps/{path*}'] as const;

/**
 * index.html on every page path, public (the shell asks the API who is logged in), and the
 * build's hashed files under /assets/vendor/ and /assets/shell/, cached for good. Without a
 * build (`page` null), the pages answer 503 with the command to run.
 */
export function pageRoutes(page: IndexPage | null, publicDir: string): ServerRoute[] {
  const index: ServerRoute['handler'] = (_request, h) => {
    if (!page) {
      return h
        .response(NOT_BUILT_HTML)
        .code(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store');
    }
    // no-cache + ETag: the browser revalidates each visit and usually gets a 304.
    const unchanged = h.entity({ etag: page.etag });
    if (unchanged) return unchanged;
    return h
      .response(page.html)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', page.contentSecurityPolicy)
      .header('cache-control', 'no-cache');
  };
  return [
    ...PAGE_PATHS.map((path): ServerRoute => ({
      method: 'GET',
      path,
      options: { auth: false },
      handler: index,
    })),
    ...ASSET_FOLDERS.map((folder): ServerRoute => ({
      method: 'GET',
      path: `/assets/${folder}/{file*}`,
      options: { auth: false },
      async handler(request, h) {
        const root = join(publicDir, folder);
        const file = await findServableFile(root, String(request.params.file ?? ''));
        if (!file) throw Boom.notFound('Ce fichier du portail n’existe pas.');
        return sendFile(h, file, IMMUTABLE);
      },
    })),
  ];
}
