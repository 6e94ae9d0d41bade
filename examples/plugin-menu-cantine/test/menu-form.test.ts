import { expect } from 'chai';

import { PreauApiClient, type PreauLocale } from '@preau/sdk/widget';

import type { DayMenu } from '../src/menu.js';
import { controlOf, draftOf, payloadOf, toggled } from '../src/pages/draft.js';
import { MenuForm } from '../src/pages/menu-form.js';
import { shiftWeek, dayOfWeek, weekFromAddress } from '../src/pages/week.js';
import { MONDAY } from './helpers.js';
import { markupOf, textOf } from './template-text.js';

const stored: DayMenu = {
  date: MONDAY,
  weekday: 'lundi',
  note: 'Repas de la rentrée',
  updatedAt: 1,
  courses: {
    plat: [{ name: 'Lasagnes', allergens: ['gluten', 'lait'], labels: [] }],
    laitage: [
      { name: 'Yaourt nature', allergens: ['lait'], labels: [] },
      { name: 'Fromage blanc', allergens: ['lait'], labels: ['local'] },
    ],
  },
};

describe('menu-cantine: the page’s menu draft', () => {
  it('turns a stored menu into a form and back into the same menu', () => {
    expect(payloadOf(draftOf(stored))).to.deep.equal({
      note: 'Repas de la rentrée',
      courses: stored.courses,
    });
  });

  it('starts a new menu with one main course to fill in, and nothing else', () => {
    const draft = draftOf(null);
    expect(draft.courses.plat).to.deep.equal([{ name: '', allergens: [], labels: [] }]);
    expect(draft.courses.entree).to.deep.equal([]);
    expect(draft.note).to.equal('');
  });

  it('leaves out empty courses and an empty note, trims names, orders allergens', () => {
    const draft = draftOf(null);
    draft.note = '   ';
    draft.courses.plat[0] = { name: '  Omelette ', allergens: ['oeufs', 'lait'], labels: [] };
    expect(payloadOf(draft)).to.deep.equal({
      courses: { plat: [{ name: 'Omelette', allergens: ['oeufs', 'lait'], labels: [] }] },
    });
    draft.courses.plat[0].allergens = ['lait', 'gluten'];
    expect(payloadOf(draft).courses.plat?.[0]?.allergens).to.deep.equal(['gluten', 'lait']);
  });

  it('ticks and unticks one value, keeping the others', () => {
    expect(toggled(['gluten'], 'lait', true)).to.deep.equal(['gluten', 'lait']);
    expect(toggled(['gluten', 'lait'], 'gluten', false)).to.deep.equal(['lait']);
  });

  it('finds the control a server problem names, and none for the others', () => {
    expect(controlOf('courses.plat.0.name')).to.equal('plat-0-name');
    expect(controlOf('courses.dessert.2.allergens.1')).to.equal('dessert-2-allergens');
    expect(controlOf('note')).to.equal('note');
    expect(controlOf('courses')).to.equal(null);
    expect(controlOf('courses.fromage.0.name')).to.equal(null);
  });
});

describe('menu-cantine: weeks in the page', () => {
  it('moves from week to week across the turn of the year', () => {
    expect(shiftWeek('2026-W53', 1)).to.equal('2027-W01');
    expect(shiftWeek('2027-W01', -1)).to.equal('2026-W53');
    expect(shiftWeek('2026-W36', 0)).to.equal('2026-W36');
  });

  it('gives the dates of a week’s days, Monday first', () => {
    expect(dayOfWeek('2026-W36', 0)).to.equal('2026-08-31');
    expect(dayOfWeek('2026-W36', 4)).to.equal('2026-09-04');
  });

  it('reads the week from the address only when it exists', () => {
    expect(weekFromAddress('?semaine=2026-W37')).to.equal('2026-W37');
    expect(weekFromAddress('?semaine=2026-W60')).to.equal(undefined);
    expect(weekFromAddress('?semaine=demain')).to.equal(undefined);
    expect(weekFromAddress('')).to.equal(undefined);
  });
});

describe('menu-cantine: the page’s menu form', () => {
  interface Call {
    method: string;
    url: string;
    body: unknown;
  }

  function form(answer: { status: number; body?: unknown }, calls: Call[] = [], locale = 'fr') {
    const api = new PreauApiClient({
      fetch: async (input, init) => {
        calls.push({
          method: init?.method ?? 'GET',
          url: String(input),
          body: init?.body ? JSON.parse(String(init.body)) : undefined,
        });
        return new Response(JSON.stringify(answer.body ?? {}), {
          status: answer.status,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const element = new (class extends MenuForm {
      override get api() {
        return api;
      }
      override get locale(): PreauLocale {
        return locale as PreauLocale;
      }
    })();
    element.date = MONDAY;
    element.dayLabel = 'lundi 31 août';
    element.menu = stored;
    element.draft = draftOf(stored); // willUpdate does this in a page
    return element;
  }

  it('titles the form with the day and groups each dish under its course', () => {
    const markup = markupOf(form({ status: 200 }).render());
    expect(markup).to.contain('Menu du lundi 31 août</h4>');
    expect(markup).to.contain('<legend>Laitage</legend>');
    expect(markup).to.contain('<legend>Laitage, choix 2</legend>');
    expect(markup).to.contain('<label for="plat-0-name">Nom du plat</label>');
    expect(markup).to.match(/id="plat-0-name"[^>]*\.value=Lasagnes/);
  });

  it('offers the 14 allergens as labelled checkboxes, with their names in words', () => {
    const markup = markupOf(form({ status: 200 }).render());
    const platAllergens = markup.match(/id="plat-0-allergen-[a-z-]+"/g) ?? [];
    expect(platAllergens).to.have.length(14);
    expect(markup).to.match(/<label class="choice" for="plat-0-allergen-gluten">/);
    expect(textOf(form({ status: 200 }).render())).to.contain('🥜 arachides');
  });

  it('names the buttons that add or remove a dish after their course', () => {
    const text = textOf(form({ status: 200 }).render());
    expect(text).to.contain('Ajouter un plat (Entrée)');
    expect(text).to.contain('Retirer ce plat (Laitage, choix 2)');
  });

  it('sends the menu to the day’s address and tells the page it is saved', async () => {
    const calls: Call[] = [];
    const element = form({ status: 200, body: stored }, calls);
    const saved: DayMenu[] = [];
    element.addEventListener('menu-saved', (event) =>
      saved.push((event as CustomEvent<DayMenu>).detail),
    );
    await element.save();
    expect(calls).to.deep.equal([
      {
        method: 'PUT',
        url: `/api/plugins/menu-cantine/menus/${MONDAY}`,
        body: { note: 'Repas de la rentrée', courses: stored.courses },
      },
    ]);
    expect(saved).to.deep.equal([stored]);
  });

  it('shows the server’s refusal as an alert and marks the control it names', async () => {
    const element = form({
      status: 400,
      body: {
        message: 'Données envoyées invalides : courses.plat.0.name : doit respecter le format',
        problems: [{ field: 'courses.plat.0.name', message: 'doit respecter le format' }],
      },
    });
    await element.save();
    const markup = markupOf(element.render());
    expect(markup).to.match(
      /role="alert" class="alert">\s*<p class="error"><strong>Le menu n’a pas été enregistré\.<\/strong> Données envoyées invalides : courses\.plat\.0\.name/,
    );
    expect(markup).to.match(/id="plat-0-name"[^>]*aria-invalid="?true/);
    expect(markup).to.match(/aria-describedby="?plat-0-name-problem/);
    expect(markup).to.contain('<span class="error" id="plat-0-name-problem">doit respecter');
  });

  it('tells the page when the person cancels', () => {
    const element = form({ status: 200 });
    let cancelled = 0;
    element.addEventListener('menu-cancelled', () => (cancelled += 1));
    element['cancel']();
    expect(cancelled).to.equal(1);
  });

  it('speaks English to English speakers', () => {
    const text = textOf(form({ status: 200 }, [], 'en').render());
    expect(text).to.contain('Name of the dish');
    expect(text).to.contain('Allergens it contains');
    expect(text).to.contain('Save the menu');
  });
});
