import { expect } from 'chai';

import { orderPlugins, type Orderable } from '../../src/plugins/order.js';

const plugin = (
  id: string,
  dependencies: Record<string, string> = {},
  optionalDependencies: Record<string, string> = {},
  version = '1.0.0',
): Orderable => ({ id, version, manifest: { dependencies, optionalDependencies } });

const ids = (plugins: readonly Orderable[]) => plugins.map((p) => p.id);
const reasons = (result: ReturnType<typeof orderPlugins>) =>
  Object.fromEntries(result.refused.map(({ plugin: p, reason }) => [p.id, reason]));

describe('Plugin dependency ordering', () => {
  it('starts each plugin after the plugins it depends on', () => {
    const result = orderPlugins([
      plugin('devoirs', { notifications: '^1.0.0' }),
      plugin('messagerie', { notifications: '^1.0.0', devoirs: '^1.0.0' }),
      plugin('notifications'),
    ]);
    expect(ids(result.ordered)).to.deep.equal(['notifications', 'devoirs', 'messagerie']);
    expect(result.refused).to.deep.equal([]);
  });

  it('keeps the configuration order between plugins that do not depend on each other', () => {
    const result = orderPlugins([plugin('c'), plugin('a'), plugin('b')]);
    expect(ids(result.ordered)).to.deep.equal(['c', 'a', 'b']);
  });

  it('refuses a plugin whose required dependency is missing, and its own dependents', () => {
    const result = orderPlugins([
      plugin('orphelin', { absent: '^1.0.0' }),
      plugin('petit-orphelin', { orphelin: '^1.0.0' }),
      plugin('seul'),
    ]);
    expect(ids(result.ordered)).to.deep.equal(['seul']);
    expect(reasons(result)).to.deep.equal({
      orphelin: 'il dépend du plugin « absent » (^1.0.0), qui n’est pas installé',
      'petit-orphelin': 'il dépend du plugin « orphelin », qui a été refusé',
    });
  });

  it('refuses a plugin whose dependency has a version outside the range', () => {
    const result = orderPlugins([
      plugin('notifications', {}, {}, '2.1.0'),
      plugin('devoirs', { notifications: '^1.2.0' }),
    ]);
    expect(reasons(result)).to.deep.equal({
      devoirs: 'il dépend du plugin « notifications » ^1.2.0, mais la version installée est 2.1.0',
    });
  });

  it('refuses a plugin depending on one refused before ordering (e.g. bad manifest)', () => {
    const result = orderPlugins([plugin('devoirs', { cassé: '*' })], new Set(['cassé']));
    expect(reasons(result)).to.deep.equal({
      devoirs: 'il dépend du plugin « cassé », qui a été refusé',
    });
  });

  it('refuses every plugin of a dependency cycle, showing the cycle, and their dependents', () => {
    const result = orderPlugins([
      plugin('a', { b: '*' }),
      plugin('b', { c: '*' }),
      plugin('c', { a: '*' }),
      plugin('d', { a: '*' }),
      plugin('e'),
    ]);
    expect(ids(result.ordered)).to.deep.equal(['e']);
    expect(reasons(result)).to.deep.equal({
      a: 'ses dépendances forment un cycle : « a » → « b » → « c » → « a »',
      b: 'ses dépendances forment un cycle : « a » → « b » → « c » → « a »',
      c: 'ses dépendances forment un cycle : « a » → « b » → « c » → « a »',
      d: 'il dépend du plugin « a », qui a été refusé',
    });
  });

  it('orders by optional dependencies when present, and ignores them when absent', () => {
    const result = orderPlugins([
      plugin('messagerie', {}, { recherche: '^1.0.0', absent: '^1.0.0' }),
      plugin('recherche'),
    ]);
    expect(ids(result.ordered)).to.deep.equal(['recherche', 'messagerie']);
    expect(result.refused).to.deep.equal([]);
  });

  it('never refuses for a cycle that goes through an optional dependency', () => {
    const result = orderPlugins([plugin('a', {}, { b: '*' }), plugin('b', { a: '*' })]);
    expect(ids(result.ordered)).to.deep.equal(['a', 'b']);
    expect(result.refused).to.deep.equal([]);
  });
});
