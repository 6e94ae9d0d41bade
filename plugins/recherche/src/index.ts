import { definePlugin, readManifest, type SearchService } from '@preau/sdk';

import type { IndexProvider } from './server/index-provider.js';
import { migrations } from './server/migrations.js';
import { MysqlIndexProvider } from './server/mysql-index.js';
import { privacyHooks } from './server/privacy.js';
import { registerSearchRoutes } from './server/routes.js';
import { SqliteIndexProvider } from './server/sqlite-index.js';

export type { IndexProvider, SearchHit, SearchQuery } from './server/index-provider.js';

/**
 * The « Recherche » plugin: one search across the content every plugin indexes through
 * `ctx.search` (core forwards it to the service provided here), shown only to those the
 * documents' audience and their provider's permission allow.
 */
export default definePlugin({
  manifest: readManifest(import.meta.url, '../../manifest.json'),
  migrations,
  register(ctx) {
    const index: IndexProvider =
      ctx.db.engine === 'mysql' ? new MysqlIndexProvider(ctx.db) : new SqliteIndexProvider(ctx.db);
    const service: SearchService = {
      index: (pluginId, document) => index.index(pluginId, document),
      remove: (pluginId, ecoleId, provider, id) => index.remove(pluginId, ecoleId, provider, id),
    };
    ctx.provide(service);
    registerSearchRoutes(ctx, index);
  },
  hooks: (ctx) => privacyHooks(ctx.db),
});
