import type { PluginManifest, PluginSearch, SearchDocument } from '@preau/sdk';

import type { ExtensionProviders } from './extension-points.js';

/**
 * Builds one plugin's `ctx.search`: it checks the provider is one the manifest declares (a
 * mistake of the plugin's author, thrown at once), then forwards to the `search` provider
 * enabled for the document's école (recherche, or a vendor's engine) with the caller's id, so a
 * plugin can only ever index or remove its own documents. When no provider is enabled there it
 * resolves without doing anything: plugins never have to know whether search exists.
 */
export function searchFacade(
  manifest: PluginManifest,
  providers: ExtensionProviders,
): PluginSearch {
  const declared = new Set((manifest.searchProviders ?? []).map((provider) => provider.id));
  const checkProvider = (provider: string) => {
    if (!declared.has(provider)) {
      throw new Error(
        `ctx.search : le manifeste de « ${manifest.id} » ne déclare pas de searchProviders « ${provider} »`,
      );
    }
  };
  return {
    async index(document: SearchDocument) {
      checkProvider(document.provider);
      await (await providers.providerOf('search', document.ecoleId))?.index(manifest.id, document);
    },
    async remove(ecoleId: number, provider: string, id: string) {
      checkProvider(provider);
      await (
        await providers.providerOf('search', ecoleId)
      )?.remove(manifest.id, ecoleId, provider, id);
    },
  };
}
