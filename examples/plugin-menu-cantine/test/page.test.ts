import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { PreauApiClient, type PreauLocale } from '@preau/sdk/widget';

import type { DayMenu } from '../src/menu.js';
import { MenuSemaine } from '../src/pages/semaine.js';
import { FRIDAY, MONDAY, pluginFolder, THURSDAY, TUESDAY, WEEK } from './helpers.js';
import { markupOf, textOf } from './template-text.js';

/*
 * The « Menus de la semaine » page, rendered in Node against a fake server: what it asks, what
 * it shows, what it offers to whom. The end-to-end suite shows it in Chromium.
 */

interface Call {
  method: string;
  url: string;
  body: unknown;
}

type Answer = { status: number; body?: unknown };

/** An API client whose server is `answer`; every call is recorded. */
function fakeApi(answer: (call: Call) => Answer, calls: Call[] = []): PreauApiClient {
  return new PreauApiClient({
    fetch: async (input, init) => {
      const call: Call = {
        method: init?.method ?? 'GET',
        url: String(input),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const { status, body } = answer(call);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
}

const monday: DayMenu = {
  date: MONDAY,
  weekday: 'lundi',
  note: 'Repas de la rentrée',
  updatedAt: 1,
  courses: {
    entree: [{ name: 'Carottes râpées', allergens: [], labels: ['bio', 'local'] }],
    plat: [{ name: 'Lasagnes', allergens: ['gluten', 'lait'], labels: [] }],
  },
};

/** A server with Monday's menu in week 36, and `canWrite` for the person. */
function school(canWrite: boolean, calls: Call[] = []): PreauApiClient {
  return fakeApi((call) => {
    const url = new URL(call.url, 'http://préau.test');
    if (url.pathname.endsWith('/droits')) return { status: 200, body: { canWrite } };
    if (url.pathname.endsWith('/menus') && call.method === 'GET') {
      const week = url.searchParams.get('week') ?? WEEK;
      const schoolDays = week === WEEK ? [MONDAY, TUESDAY, THURSDAY, FRIDAY] : [];
      return { status: 200, body: { week, schoolDays, days: week === WEEK ? [monday] : [] } };
    }
    if (call.method === 'DELETE') return { status: 204 };
    return { status: 404, body: { message: 'Introuvable' } };
  }, calls);
}

function page(api: PreauApiClient | undefined, locale: PreauLocale = 'fr'): MenuSemaine {
  // In the portal the API client and the language come from the shell's context.
  return new (class extends MenuSemaine {
    override get api() {
      return api;
    }
    override get locale(): PreauLocale {
      return locale;
    }
  })();
}

describe('menu-cantine: the « Menus de la semaine » page', () => {
  it('is declared in the manifest at the plugin’s root, where its menu entry leads', () => {
    const manifest = JSON.parse(readFileSync(join(pluginFolder, 'manifest.json'), 'utf8'));
    const [semaine] = manifest.pages;
    expect(semaine).to.include({ path: '/', tag: 'menu-cantine-semaine' });
    expect(semaine.permission).to.equal('menu-cantine.menus.read');
    expect(manifest.navigation[0].path).to.equal(semaine.path);
    expect(existsSync(join(pluginFolder, semaine.module)), semaine.module).to.equal(true);
  });

  it('says it is loading, as a status, before the week arrives', () => {
    const markup = markupOf(page(school(false)).render());
    expect(markup).to.contain('<h1>Menus de la semaine</h1>');
    expect(markup).to.match(/role="status">Chargement des menus…/);
  });

  it('asks the server for the current week, then titles the week with its dates', async () => {
    const calls: Call[] = [];
    const element = page(school(false, calls));
    await element.load();
    expect(calls.map((call) => call.url)).to.include('/api/plugins/menu-cantine/menus');
    expect(markupOf(element.render())).to.contain('Semaine du 31 août au 4 septembre 2026</h2>');
  });

  it('shows each school day under its own heading, saying when no menu is published', async () => {
    const element = page(school(false));
    await element.load();
    const markup = markupOf(element.render());
    const days = [...markup.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((match) => match[1]);
    expect(days).to.deep.equal([
      'Lundi 31 août',
      'Mardi 1 septembre',
      'Jeudi 3 septembre',
      'Vendredi 4 septembre',
    ]);
    expect(textOf(element.render())).to.contain(
      'Mardi 1 septembre Aucun menu n’a encore été publié pour ce jour.',
    );
  });

  it('lists courses and dishes, allergens in words beside their hidden pictograms', async () => {
    const element = page(school(false));
    await element.load();
    const text = textOf(element.render());
    expect(text).to.contain('Repas de la rentrée');
    expect(text).to.contain('Entrée Carottes râpées (bio, produit local)');
    expect(text).to.contain('Plat Lasagnes Allergènes : 🌾 gluten, 🥛 lait');
    expect(markupOf(element.render())).to.match(
      /<span class="pictogram" aria-hidden="true"\s*>🌾<\/span/,
    );
  });

  it('moves to the next week and back to the previous one', async () => {
    const calls: Call[] = [];
    const element = page(school(false, calls));
    await element.load();
    await element.showWeek(1);
    expect(calls.at(-2)?.url).to.equal('/api/plugins/menu-cantine/menus?week=2026-W37');
    expect(textOf(element.render())).to.contain('Semaine du 7 septembre au 11 septembre 2026');
    await element.showWeek(-2);
    expect(calls.at(-2)?.url).to.equal('/api/plugins/menu-cantine/menus?week=2026-W35');
  });

  it('announces the week shown after a move, in a polite status region', async () => {
    const element = page(school(false));
    await element.load();
    await element.showWeek(1);
    expect(markupOf(element.render())).to.contain(
      '<div class="visually-hidden" role="status">Menus de la semaine du 7 septembre au 11 septembre 2026.</div>',
    );
  });

  it('offers a way back to the current week only when another week is shown', async () => {
    const element = page(school(false));
    await element.load();
    expect(textOf(element.render())).not.to.contain('Revenir à cette semaine');
    await element.showWeek(1);
    expect(textOf(element.render())).to.contain(
      'Semaine précédente Revenir à cette semaine Semaine suivante',
    );
  });

  it('shows the server’s message as an alert when the week cannot be loaded, and a retry', async () => {
    const element = page(fakeApi(() => ({ status: 503, body: { message: 'Service en pause.' } })));
    await element.load();
    const markup = markupOf(element.render());
    expect(markup).to.match(/role="alert"><p class="error">Service en pause\.<\/p>/);
    expect(textOf(element.render())).to.contain('Réessayer');
  });

  it('says where it opens when no API client reaches it', async () => {
    const element = page(undefined);
    await element.load();
    expect(textOf(element.render())).to.contain('Cette page s’ouvre depuis le portail Préau.');
  });

  it('offers no way to write to people who may only read', async () => {
    const element = page(school(false));
    await element.load();
    const text = textOf(element.render());
    expect(text).not.to.contain('Saisir le menu');
    expect(text).not.to.contain('Modifier le menu');
    expect(text).not.to.contain('Supprimer le menu');
  });

  it('offers writers to enter, change or delete each day’s menu, naming the day', async () => {
    const element = page(school(true));
    await element.load();
    const text = textOf(element.render());
    expect(text).to.contain('Modifier le menu du lundi 31 août Supprimer le menu du lundi 31 août');
    expect(text).to.contain('Saisir le menu du mardi 1 septembre');
    expect(text).not.to.contain('Supprimer le menu du mardi 1 septembre');
  });

  it('asks before deleting, then deletes the day’s menu and says so', async () => {
    const calls: Call[] = [];
    const element = page(school(true, calls));
    await element.load();
    element.confirming = MONDAY;
    expect(textOf(element.render())).to.contain(
      'Supprimer le menu du lundi 31 août ? Les familles ne le verront plus. Oui, supprimer Non, garder le menu',
    );
    await element.deleteMenu(MONDAY);
    expect(calls.at(-1)).to.deep.include({
      method: 'DELETE',
      url: `/api/plugins/menu-cantine/menus/${MONDAY}`,
    });
    const text = textOf(element.render());
    expect(text).to.contain('Le menu du lundi 31 août a été supprimé.');
    expect(text).to.contain('Lundi 31 août Aucun menu n’a encore été publié pour ce jour.');
  });

  it('shows why a deletion failed, as an alert, and keeps the menu', async () => {
    const refusing = page(
      fakeApi((call) =>
        call.method === 'DELETE'
          ? { status: 403, body: { message: 'Vous n’avez pas le droit de supprimer ce menu.' } }
          : { status: 200, body: { week: WEEK, schoolDays: [MONDAY], days: [monday] } },
      ),
    );
    await refusing.load();
    await refusing.deleteMenu(MONDAY);
    const markup = markupOf(refusing.render());
    expect(markup).to.match(
      /role="alert">\s*<p class="error">Vous n’avez pas le droit de supprimer ce menu\.<\/p>/,
    );
    expect(textOf(refusing.render())).to.contain('Lasagnes');
  });

  it('opens the form in the day’s place, and shows the menu the form saved', async () => {
    const element = page(school(true));
    await element.load();
    element.editing = TUESDAY;
    expect(markupOf(element.render())).to.contain('<menu-cantine-formulaire-menu');
    const saved: DayMenu = { ...monday, date: TUESDAY, weekday: 'mardi', note: null };
    element['onSaved'](saved);
    expect(element.editing).to.equal(null);
    const text = textOf(element.render());
    expect(text).to.contain('Mardi 1 septembre Entrée Carottes râpées');
    expect(text).to.contain('Le menu du mardi 1 septembre a été enregistré.');
  });

  it('speaks English to English speakers', async () => {
    const element = page(school(true), 'en');
    await element.load();
    const text = textOf(element.render());
    expect(text).to.contain('This week’s menus');
    expect(text).to.contain('Previous week');
    expect(text).to.contain('Week of 31 August to 4 September 2026');
    expect(text).to.contain('Change the menu for Monday 31 August');
    expect(text).to.contain('Allergens: 🌾 gluten, 🥛 milk');
  });
});
