import { expect } from 'chai';
import { PreauApiClient, type PreauLocale } from '@preau/sdk/widget';

import { RecherchePageResultats } from '../src/web/results-page.js';
import { RechercheSearchBox } from '../src/web/search-box.js';
import type { SearchAnswer } from '../src/web/types.js';

/*
 * The header's search box and the results page, rendered in Node against a fake server: what
 * they ask and what they show. The end-to-end suite (test/e2e/search.test.ts) drives them in
 * Chromium: keyboard, focus, axe, 320 px.
 */

/** Lit templates back to markup (event listeners left out), to read what a person would. */
function markupOf(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'symbol') return '';
  if (typeof value === 'function') return '';
  if (Array.isArray(value)) return value.map(markupOf).join('');
  if (typeof value === 'object' && 'strings' in value && 'values' in value) {
    const { strings, values } = value as { strings: readonly string[]; values: unknown[] };
    return strings.map((part, i) => part + (i < values.length ? markupOf(values[i]) : '')).join('');
  }
  return String(value);
}

function textOf(value: unknown): string {
  return markupOf(value)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const menus: SearchAnswer = {
  q: 'cantin',
  groups: [
    {
      pluginId: 'menu-cantine',
      pluginName: 'Menus de la cantine',
      results: [
        {
          title: 'Menu du lundi 7 décembre',
          snippet: 'Blanquette de veau, Repas de Noël à la cantine',
          url: '/apps/menu-cantine/?semaine=2026-W50',
        },
        {
          title: 'Menu du mardi 8 décembre',
          snippet: 'Poisson pané',
          url: '/apps/menu-cantine/?semaine=2026-W50',
        },
      ],
    },
    {
      pluginId: 'annonces',
      pluginName: 'Annonces',
      results: [{ title: 'La cantine ferme', snippet: '', url: '/apps/annonces/cantine' }],
    },
  ],
};

/** A server answering `answer(q)` to searches; every URL asked is recorded. */
function server(answer: (q: string) => SearchAnswer, urls: string[] = []) {
  return new PreauApiClient({
    fetch: async (input) => {
      urls.push(String(input));
      const q = new URL(String(input), 'http://préau.test').searchParams.get('q') ?? '';
      return new Response(JSON.stringify(answer(q)), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
}

/** An element as the portal gives it: its API client and language come from the shell. */
function inPortal<T extends new () => RechercheSearchBox | RecherchePageResultats>(
  Element: T,
  api: PreauApiClient | undefined,
  locale: PreauLocale = 'fr',
): InstanceType<T> {
  const Portal = class extends (Element as unknown as typeof RechercheSearchBox) {
    override get api() {
      return api;
    }
    override get locale(): PreauLocale {
      return locale;
    }
  };
  return new Portal() as InstanceType<T>;
}

describe('recherche: the header’s search box', () => {
  it('is a search landmark with an input labelled « Rechercher », closed at first', () => {
    const box = inPortal(
      RechercheSearchBox,
      server(() => menus),
    );
    const markup = markupOf(box.render());
    expect(markup).to.match(/<form\s+role="search"\s+aria-label="?Recherche dans l’école/);
    expect(markup).to.contain('<label for="q" class="visually-hidden">Rechercher</label>');
    expect(markup).to.match(
      /role="combobox"[\s\S]*aria-expanded="?false[\s\S]*aria-controls="panel"/,
    );
    expect(markup).to.match(/<button type="submit">[\s\S]*Lancer la recherche/);
  });

  it('asks the route for the first 8 results and shows them grouped under each service', async () => {
    const urls: string[] = [];
    const box = inPortal(
      RechercheSearchBox,
      server(() => menus, urls),
    );
    await box.search('cantin');
    expect(urls).to.deep.equal(['/api/plugins/recherche/?q=cantin&limit=8']);
    expect(box.open).to.equal(true);
    const markup = markupOf(box.render());
    expect(markup).to.match(/aria-expanded="?true/);
    expect(markup).to.contain('>Menus de la cantine</h2>');
    expect(markup).to.contain('>Annonces</h2>');
    expect(markup).to.contain(
      '<a href=/apps/menu-cantine/?semaine=2026-W50>Menu du lundi 7 décembre</a>',
    );
    expect(textOf(box.render())).to.contain('Blanquette de veau, Repas de Noël à la cantine');
    expect(markup).to.match(
      /class="all" href=\/apps\/recherche\/\?q=cantin\s*>Voir tous les résultats/,
    );
  });

  it('says how many results in its live region', async () => {
    const box = inPortal(
      RechercheSearchBox,
      server(() => menus),
    );
    await box.search('cantin');
    expect(markupOf(box.render())).to.contain('role="status">3 résultats</div>');
  });

  it('says « Aucun résultat pour … » when nothing is found', async () => {
    const box = inPortal(
      RechercheSearchBox,
      server((q) => ({ q, groups: [] })),
    );
    await box.search('zzz');
    expect(box.announcement).to.equal('Aucun résultat pour « zzz »');
    expect(textOf(box.render())).to.contain('Aucun résultat pour « zzz »');
  });

  it('drops the answer to an older query that arrives after a newer one', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const api = new PreauApiClient({
      fetch: async (input) => {
        const q = new URL(String(input), 'http://préau.test').searchParams.get('q') ?? '';
        if (q === 'can') await slow;
        return new Response(JSON.stringify({ ...menus, q }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const box = inPortal(RechercheSearchBox, api);
    const older = box.search('can');
    await box.search('cantin');
    release();
    await older;
    expect(box.answer?.q).to.equal('cantin');
  });

  it('speaks English when the portal does', async () => {
    const box = inPortal(
      RechercheSearchBox,
      server(() => menus),
      'en',
    );
    await box.search('cantin');
    expect(box.announcement).to.equal('3 results');
    expect(markupOf(box.render())).to.contain('See all results for “cantin”');
  });
});

describe('recherche: the results page', () => {
  it('is declared in the manifest, with the search box as a header item', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const manifest = JSON.parse(readFileSync(`${root}/manifest.json`, 'utf8'));
    expect(manifest.pages[0]).to.include({ path: '/', tag: 'recherche-page-resultats' });
    expect(manifest.headerItems[0]).to.include({ tag: 'recherche-search-box' });
    for (const module of [manifest.pages[0].module, manifest.headerItems[0].module]) {
      expect(existsSync(`${root}/${module}`), module).to.equal(true);
    }
  });

  it('asks for up to 50 results and shows their number and groups', async () => {
    const urls: string[] = [];
    const page = inPortal(
      RecherchePageResultats,
      server(() => menus, urls),
    );
    page.q = 'cantin';
    await page.load();
    expect(urls).to.deep.equal(['/api/plugins/recherche/?q=cantin&limit=50']);
    const text = textOf(page.render());
    expect(text).to.contain('Résultats de la recherche');
    expect(text).to.contain('3 résultats pour « cantin »');
    expect(markupOf(page.render())).to.contain('>Menus de la cantine</h2>');
  });

  it('asks for 2 characters at least, without calling the server', async () => {
    const urls: string[] = [];
    const page = inPortal(
      RecherchePageResultats,
      server(() => menus, urls),
    );
    page.q = 'c';
    await page.load();
    expect(urls).to.deep.equal([]);
    expect(textOf(page.render())).to.contain('Saisissez au moins 2 caractères');
  });
});
