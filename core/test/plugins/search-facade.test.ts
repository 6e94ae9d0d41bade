import { expect } from 'chai';
import type { PluginManifest, SearchDocument, SearchService } from '@preau/sdk';

import { namespaceProblem } from '../../src/plugins/manifest-checks.js';
import { searchFacade } from '../../src/plugins/search-facade.js';
import { providersOf } from './providers.js';

const manifest = {
  id: 'annonces',
  version: '1.0.0',
  name: { fr: 'Annonces' },
  engines: { 'preau-plugin-api': '^1.1.0' },
  permissions: [
    { name: 'annonces.annonces.read', description: { fr: 'Lire' }, defaultProfiles: ['TUT'] },
  ],
  searchProviders: [
    { id: 'annonces', label: { fr: 'Annonces' }, permission: 'annonces.annonces.read' },
  ],
  privacy: { personalData: [] },
} as PluginManifest;

const document: SearchDocument = {
  ecoleId: 7,
  provider: 'annonces',
  id: 'fete',
  title: 'Fête',
  text: 'Samedi',
  url: '/apps/annonces/fete',
  audience: 'ecole',
};

/** A recherche service that records what it is asked. */
function recorder() {
  const calls: unknown[][] = [];
  const service: SearchService = {
    index: async (...args) => void calls.push(['index', ...args]),
    remove: async (...args) => void calls.push(['remove', ...args]),
  };
  return { calls, service };
}

/** The search provider `recherche` with its service, and what is enabled for the école. */
const recherche = (service: SearchService | undefined, enabled: string[]) =>
  providersOf(service ? [{ id: 'recherche', provides: ['search'], service }] : [], enabled)
    .providers;

describe('plugins: ctx.search, the facade to the search provider', () => {
  it('forwards a document to the provider with the plugin’s id when enabled for the école', async () => {
    const { calls, service } = recorder();
    const search = searchFacade(manifest, recherche(service, ['recherche']));
    await search.index(document);
    await search.remove(7, 'annonces', 'fete');
    expect(calls).to.deep.equal([
      ['index', 'annonces', document],
      ['remove', 'annonces', 7, 'annonces', 'fete'],
    ]);
  });

  it('does nothing when the provider is not enabled for the école', async () => {
    const { calls, service } = recorder();
    const search = searchFacade(manifest, recherche(service, ['annonces']));
    await search.index(document);
    expect(calls).to.deep.equal([]);
  });

  it('does nothing when no search provider is installed', async () => {
    const search = searchFacade(manifest, recherche(undefined, ['recherche']));
    await search.index(document);
    await search.remove(7, 'annonces', 'fete');
  });

  it('rejects a provider the manifest does not declare', async () => {
    const search = searchFacade(manifest, recherche(undefined, []));
    let error: Error | undefined;
    await search.index({ ...document, provider: 'autre' }).catch((e: Error) => (error = e));
    expect(error?.message).to.include('searchProviders « autre »');
  });

  it('refuses a manifest whose search provider needs a permission it does not declare', () => {
    const bad = {
      ...manifest,
      searchProviders: [{ id: 'annonces', label: { fr: 'A' }, permission: 'annonces.x.read' }],
    } as PluginManifest;
    expect(namespaceProblem(bad)).to.include('annonces.x.read');
    expect(namespaceProblem(manifest)).to.equal(null);
  });
});
