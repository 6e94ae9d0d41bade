import type { PluginContext } from '@preau/sdk';

import { queryTerms, snippetOf } from './fold.js';
import type { IndexProvider } from './index-provider.js';
import { searcherOf, visibleSources } from './searcher.js';

/** The search query: 2 to 100 characters, at most 50 results. */
export const searchQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 2, maxLength: 100 },
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
  },
};

interface SearchResult {
  title: string;
  snippet: string;
  url: string;
}

interface SearchGroup {
  pluginId: string;
  pluginName: string;
  results: SearchResult[];
}

/**
 * `GET /api/plugins/recherche/?q=&limit=`: the documents the person may see, best first,
 * grouped by plugin (groups in the order of their best result).
 */
export function registerSearchRoutes(ctx: PluginContext, index: IndexProvider): void {
  ctx.route<Record<string, never>, { q: string; limit: number }, unknown>({
    method: 'GET',
    path: '/',
    summary: 'Cherche dans les contenus des services de l’école que la personne peut voir',
    schemas: { query: searchQuery },
    handler: async (request) => {
      const user = request.user!;
      const terms = queryTerms(request.query.q);
      const sources = await visibleSources(ctx, user);
      const hits = await index.search({
        terms,
        sources,
        searcher: await searcherOf(ctx, user),
        limit: request.query.limit,
      });
      const groups = new Map<string, SearchGroup>();
      for (const hit of hits) {
        let group = groups.get(hit.pluginId);
        if (!group) {
          const pluginName =
            sources.find((source) => source.pluginId === hit.pluginId)?.pluginName ?? hit.pluginId;
          group = { pluginId: hit.pluginId, pluginName, results: [] };
          groups.set(hit.pluginId, group);
        }
        group.results.push({ title: hit.title, snippet: snippetOf(hit.body, terms), url: hit.url });
      }
      return { q: request.query.q, groups: [...groups.values()] };
    },
  });
}
