import { expect } from 'chai';

import { PreauApiClient } from '@preau/sdk/widget';

import { AideCentre } from '../src/pages/aide-centre.js';

/*
 * The help centre page, rendered in Node against a fake server: what it asks and what it shows
 * to whom. Lit templates are flattened back into markup; sanitised HTML fragments (unsafeHTML)
 * are left out, the server tests cover them.
 */

/** The markup a template would produce, directives and listeners left out. */
function markup(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object') {
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
  if (Array.isArray(value)) return value.map(markup).join('');
  if ('strings' in value && 'values' in value) {
    const { strings, values } = value as { strings: readonly string[]; values: unknown[] };
    return strings.map((part, i) => part + (i < values.length ? markup(values[i]) : '')).join('');
  }
  return '';
}

const summary = {
  topics: [
    {
      pluginId: 'menu-cantine',
      pluginName: 'Menus de la cantine',
      helpId: 'menus',
      title: 'Consulter et publier les menus',
      page: 'semaine',
    },
  ],
  premiersPas: { profile: 'TUT', page: 'parent', title: 'Premiers pas : parent' },
  contacts: [],
};
const contacts = [{ name: 'Mairie', email: 'ent@mairie.example', phone: '02 99 00 00 00' }];

/** The page with a fake server; `canWrite` says whether the person may edit contacts. */
function page(canWrite: boolean, urls: string[] = []): AideCentre {
  const api = new PreauApiClient({
    fetch: async (input) => {
      const url = String(input);
      urls.push(url);
      const path = url.split('?')[0]!;
      const body = path.endsWith('/sommaire')
        ? summary
        : path.endsWith('/premiers-pas')
          ? { title: 'Premiers pas : parent', html: '<p>Bienvenue</p>' }
          : path.endsWith('/contacts')
            ? { contacts, canWrite }
            : { title: 'Consulter et publier les menus', html: '<p>Aide</p>' };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return new (class extends AideCentre {
    override get api() {
      return api;
    }
  })();
}

describe('aide: the « Aide » page', () => {
  it('says it is loading, as a status, under its heading', () => {
    const shown = markup(page(false).render());
    expect(shown).to.contain('<h1>Aide</h1>');
    expect(shown).to.match(/role="status">Chargement de l’aide…/);
  });

  it('shows the premiers pas, the topics of the services and the contacts', async () => {
    const element = page(false);
    await element.load();
    const shown = markup(element.render());
    expect(shown).to.contain('Premiers pas : parent</h2>');
    expect(shown).to.contain('Aide des services</h2>');
    expect(shown).to.contain('Consulter et publier les menus');
    expect(shown).to.contain('Contacts d’assistance</h2>');
    expect(shown).to.contain('<a href=mailto:ent@mairie.example>ent@mairie.example</a>');
    expect(shown).to.contain('<a href=tel:0299000000>02 99 00 00 00</a>');
  });

  it('offers « Modifier les contacts » only to those who may change them', async () => {
    const reader = page(false);
    await reader.load();
    expect(markup(reader.render())).not.to.contain('Modifier les contacts');
    const directeur = page(true);
    await directeur.load();
    expect(markup(directeur.render())).to.contain('Modifier les contacts');
  });

  it('opens a topic under its own heading, with a way back to the contents', async () => {
    const urls: string[] = [];
    const element = page(false, urls);
    await element.load();
    await element.open(summary.topics[0]!);
    expect(urls).to.include('/api/plugins/aide/pages/menu-cantine/menus?langue=fr');
    const shown = markup(element.render());
    expect(shown).to.match(/<h2 id="topic-title" tabindex="-1">Consulter et publier les menus/);
    expect(shown).to.contain('Retour au sommaire de l’aide');
  });
});
