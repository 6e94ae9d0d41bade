import { definePlugin, readManifest, type SearchDocument, type SearchService } from '@preau/sdk';

import type { IndexProvider } from './server/index-provider.js';
import { migrations } from './server/migrations.js';
import { MysqlIndexProvider } from './server/mysql-index.js';
import { privacyHooks } from './server/privacy.js';
import { registerSearchRoutes } from './server/routes.js';
import { SqliteIndexProvider } from './server/sqlite-index.js';

export type { IndexProvider, SearchHit, SearchQuery } from './server/index-provider.js';

/**
 * What recherche provides: core's `ctx.search` uses the `SearchService` part; `indexMany` is for
 * callers that hold the service itself (the bench, a bulk import).
 */
export interface RechercheService extends SearchService {
  indexMany(pluginId: string, documents: readonly SearchDocument[]): Promise<void>;
}

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
    const service: RechercheService = {
      index: (pluginId, document) => index.index(pluginId, document),
      indexMany: (pluginId, documents) => index.indexMany(pluginId, documents),
      remove: (pluginId, ecoleId, provider, id) => index.remove(pluginId, ecoleId, provider, id),
    };
    ctx.provide(service);
    registerSearchRoutes(ctx, index);
  },
  hooks: (ctx) => privacyHooks(ctx.db),
});
