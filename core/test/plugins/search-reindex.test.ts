import { expect } from 'chai';
import type { HookEcole } from '@preau/sdk';

import { searchReindexer, type ReindexablePlugin } from '../../src/plugins/search-reindex.js';

const ECOLE = { id: 7, uai: '0350101V' };

/** A world of started plugins, with what is enabled where, recording the hooks called. */
function world(enabled: string[], failing: string[] = []) {
  const calls: Array<[string, HookEcole]> = [];
  const errors: object[] = [];
  const plugin = (id: string, withHook = true): ReindexablePlugin => ({
    id,
    provides: id === 'recherche' || id === 'moteur-vendeur' ? ['search'] : [],
    hooks: withHook
      ? {
          async searchReindex(ecole) {
            calls.push([id, ecole]);
            if (failing.includes(id)) throw new Error(`${id} en panne`);
          },
        }
      : {},
  });
  const reindex = searchReindexer({
    plugins: () => [
      plugin('recherche', false),
      plugin('moteur-vendeur', false),
      plugin('menu-cantine'),
      plugin('cahier'),
      plugin('sans-hook', false),
      plugin('blog'),
    ],
    enabledFor: async () => new Set(enabled),
    ecole: async (ecoleId) => (ecoleId === ECOLE.id ? ECOLE : undefined),
    log: { error: (details) => void errors.push(details), info: () => undefined },
  });
  return { calls, errors, reindex };
}

describe('plugins: re-indexing when search starts for an école', () => {
  it('asks every plugin enabled there with the hook when recherche becomes enabled', async () => {
    const { calls, reindex } = world(['recherche', 'menu-cantine', 'sans-hook', 'blog']);
    await reindex({ pluginId: 'recherche', ecoleId: ECOLE.id });
    expect(calls).to.deep.equal([
      ['menu-cantine', ECOLE],
      ['blog', ECOLE],
    ]);
  });

  it('asks the same plugins when another search provider becomes enabled instead', async () => {
    const { calls, reindex } = world(['moteur-vendeur', 'menu-cantine', 'blog']);
    await reindex({ pluginId: 'moteur-vendeur', ecoleId: ECOLE.id });
    expect(calls).to.deep.equal([
      ['menu-cantine', ECOLE],
      ['blog', ECOLE],
    ]);
  });

  it('asks only the plugin enabled where recherche already is', async () => {
    const { calls, reindex } = world(['recherche', 'menu-cantine', 'blog']);
    await reindex({ pluginId: 'blog', ecoleId: ECOLE.id });
    expect(calls).to.deep.equal([['blog', ECOLE]]);
  });

  it('does nothing when no search provider is enabled for the école', async () => {
    const { calls, reindex } = world(['menu-cantine', 'blog']);
    await reindex({ pluginId: 'menu-cantine', ecoleId: ECOLE.id });
    expect(calls).to.deep.equal([]);
  });

  it('logs a failing hook, never throws, and still asks the others', async () => {
    const { calls, errors, reindex } = world(
      ['recherche', 'menu-cantine', 'blog'],
      ['menu-cantine'],
    );
    await reindex({ pluginId: 'recherche', ecoleId: ECOLE.id });
    expect(calls.map(([id]) => id)).to.deep.equal(['menu-cantine', 'blog']);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ plugin: 'menu-cantine', ecoleId: ECOLE.id });
  });

  it('does nothing for an école that no longer exists', async () => {
    const { calls, reindex } = world(['recherche', 'blog']);
    await reindex({ pluginId: 'recherche', ecoleId: 999 });
    expect(calls).to.deep.equal([]);
  });
});
