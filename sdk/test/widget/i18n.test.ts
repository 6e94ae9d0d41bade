import { expect } from 'chai';

import { formatCalendarDate, translate, type Catalogue } from '../../src/widget/i18n.js';

const catalogue: Catalogue = {
  fr: {
    empty: 'Aucun menu pour {day}.',
    only: 'Seulement en français',
    twice: '{n} + {n} = {sum}',
  },
  en: { empty: 'No menu for {day}.' },
};

describe('@preau/sdk/widget: translations', () => {
  it('gives the message in the person’s language, placeholders filled', () => {
    expect(translate(catalogue, 'en', 'empty', { day: 'Monday' })).to.equal('No menu for Monday.');
    expect(translate(catalogue, 'fr', 'empty', { day: 'lundi' })).to.equal(
      'Aucun menu pour lundi.',
    );
  });

  it('falls back to French when the English message is missing', () => {
    expect(translate(catalogue, 'en', 'only')).to.equal('Seulement en français');
  });

  it('shows the key itself when no language has the message', () => {
    expect(translate(catalogue, 'fr', 'missing.key')).to.equal('missing.key');
  });

  it('fills every occurrence, and leaves unknown placeholders visible', () => {
    expect(translate(catalogue, 'fr', 'twice', { n: 2 })).to.equal('2 + 2 = {sum}');
  });

  it('says calendar dates the French way, with no time-zone shift', () => {
    expect(formatCalendarDate('2026-09-01', 'fr')).to.equal('mardi 1 septembre');
    expect(formatCalendarDate('2026-09-01', 'en')).to.equal('Tuesday 1 September');
    expect(formatCalendarDate('2026-12-31', 'fr', { day: 'numeric', month: 'short' })).to.equal(
      '31 déc.',
    );
  });

  it('gives back a text that is not a date as it is', () => {
    expect(formatCalendarDate('bientôt', 'fr')).to.equal('bientôt');
  });
});
