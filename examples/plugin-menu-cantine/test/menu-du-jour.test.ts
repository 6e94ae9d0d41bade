import { expect } from 'chai';

import type { PreauLocale } from '@preau/sdk/widget';

import type { MenuDuJourData } from '../src/menu.js';
import { MenuDuJour } from '../src/widgets/menu-du-jour.js';
import { markupOf, textOf } from './template-text.js';

function widget(data: MenuDuJourData | undefined, locale: PreauLocale = 'fr'): MenuDuJour {
  // The locale comes from the shell's context in a page; here, straight from the test.
  const element = new (class extends MenuDuJour {
    override get locale(): PreauLocale {
      return locale;
    }
  })();
  element.data = data;
  return element;
}

const tuesday: MenuDuJourData = {
  date: '2026-09-01',
  when: 'today',
  serviceLabel: 'Restaurant scolaire',
  showAllergens: true,
  menu: {
    note: 'Repas de la rentrée',
    courses: {
      dessert: [{ name: 'Compote', allergens: [], labels: ['bio'] }],
      entree: [{ name: 'Carottes râpées', allergens: [], labels: ['bio', 'local'] }],
      plat: [{ name: 'Lasagnes', allergens: ['gluten', 'lait'], labels: [] }],
    },
  },
};

describe('menu-cantine: the « Menu du jour » widget', () => {
  it('says it is loading, as a status, before its data arrives', () => {
    const markup = markupOf(widget(undefined).render());
    expect(markup).to.contain('role="status"');
    expect(textOf(widget(undefined).render())).to.equal('Chargement du menu…');
  });

  it('shows the server’s message as an alert when the data could not be loaded', () => {
    const element = widget(undefined);
    element.dataError = 'Le serveur ne répond pas.';
    expect(markupOf(element.render())).to.contain('role="alert"');
    expect(textOf(element.render())).to.equal('Le serveur ne répond pas.');
  });

  it('titles the day with a heading under the dashboard’s', () => {
    const markup = markupOf(widget(tuesday).render());
    expect(markup).to.match(/<h3>Aujourd’hui, mardi 1 septembre<\/h3>/);
  });

  it('lists the courses in serving order, each under its own heading', () => {
    const markup = markupOf(widget(tuesday).render());
    const headings = [...markup.matchAll(/<h4>([^<]*)<\/h4>/g)].map((match) => match[1]);
    expect(headings).to.deep.equal(['Entrée', 'Plat', 'Dessert']);
    expect(markup).to.match(/<ul class="courses">/);
    expect(markup).to.match(/<ul class="dishes">/);
  });

  it('names each allergen in words, the pictogram hidden from screen readers', () => {
    const element = widget(tuesday);
    expect(textOf(element.render())).to.contain('Lasagnes Allergènes : 🌾 gluten, 🥛 lait');
    expect(markupOf(element.render())).to.contain(
      '<span class="pictogram" aria-hidden="true">🌾</span>',
    );
  });

  it('says so when a dish has no allergen to declare, and gives its labels in words', () => {
    const text = textOf(widget(tuesday).render());
    expect(text).to.contain(
      'Carottes râpées (bio, produit local) Allergènes : aucun allergène à déclarer',
    );
  });

  it('leaves allergens out when the école hides them, and says whom to ask', () => {
    const text = textOf(widget({ ...tuesday, showAllergens: false }).render());
    expect(text).not.to.contain('gluten');
    expect(text).to.contain('adressez-vous au service « Restaurant scolaire »');
  });

  it('says in French when no menu is published for the day', () => {
    const text = textOf(widget({ ...tuesday, menu: null }).render());
    expect(text).to.equal(
      'Aujourd’hui, mardi 1 septembre Aucun menu n’a encore été publié pour mardi 1 septembre.',
    );
  });

  it('says which day it shows when it is the next school day', () => {
    const text = textOf(widget({ ...tuesday, date: '2026-09-03', when: 'next' }).render());
    expect(text).to.contain('Prochain repas : jeudi 3 septembre');
  });

  it('speaks English to English speakers', () => {
    const text = textOf(widget(tuesday, 'en').render());
    expect(text).to.contain('Today, Tuesday 1 September');
    expect(text).to.contain('Main course');
    expect(text).to.contain('Allergens: 🌾 gluten, 🥛 milk');
  });

  it('follows the heading level the dashboard gives it', () => {
    const element = widget(tuesday);
    element.headingLevel = 2;
    const markup = markupOf(element.render());
    expect(markup).to.contain('<h2>Aujourd’hui, mardi 1 septembre</h2>');
    expect(markup).to.contain('<h3>Entrée</h3>');
  });
});
