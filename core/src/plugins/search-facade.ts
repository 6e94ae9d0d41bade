import {
  SEARCH_PLUGIN_ID,
  type PluginManifest,
  type PluginSearch,
  type SearchDocument,
  type SearchService,
} from '@preau/sdk';

/** What `ctx.search` needs from the host, looked up at each call (plugins start in any order). */
export interface SearchFacadeHost {
  /** The service the recherche plugin provided, if it started. */
  searchService(): SearchService | undefined;
  /** The plugins enabled for an école. */
  enabledFor(ecoleId: number): Promise<ReadonlySet<string>>;
}

/**
 * Builds one plugin's `ctx.search`: it checks the provider is one the manifest declares (a
 * mistake of the plugin's author, thrown at once), then forwards to the recherche plugin with
 * the caller's id, so a plugin can only ever index or remove its own documents. When recherche
 * is not started or not enabled for the école it resolves without doing anything: plugins
 * never have to know whether search exists.
 */
export function searchFacade(manifest: PluginManifest, host: SearchFacadeHost): PluginSearch {
  const providers = new Set((manifest.searchProviders ?? []).map((provider) => provider.id));
  const checkProvider = (provider: string) => {
    if (!providers.has(provider)) {
      throw new Error(
        `ctx.search : le manifeste de « ${manifest.id} » ne déclare pas de searchProviders « ${provider} »`,
      );
    }
  };
  const target = async (ecoleId: number): Promise<SearchService | undefined> => {
    const service = host.searchService();
    if (!service) return undefined;
    return (await host.enabledFor(ecoleId)).has(SEARCH_PLUGIN_ID) ? service : undefined;
  };
  return {
    async index(document: SearchDocument) {
      checkProvider(document.provider);
      await (await target(document.ecoleId))?.index(manifest.id, document);
    },
    async remove(ecoleId: number, provider: string, id: string) {
      checkProvider(provider);
      await (await target(ecoleId))?.remove(manifest.id, ecoleId, provider, id);
    },
  };
}
