import { expect } from 'chai';
import { translate } from '@preau/sdk/widget';

import { catalogue } from '../src/web/catalogue.js';
import { countKey, quietHoursInWords, relativeTime } from '../src/web/format.js';
import type { QuietHours } from '../src/web/types.js';

const fr = (key: string, values?: Record<string, string | number>) =>
  translate(catalogue, 'fr', key, values);
const en = (key: string, values?: Record<string, string | number>) =>
  translate(catalogue, 'en', key, values);

/** The école's default: each night 20:00 → 07:00, plus Friday 20:00 → Monday 07:00. */
const ECOLE_DEFAULT: QuietHours = [
  ...[1, 2, 3, 4, 5, 6, 7].map((day) => ({
    from: { day, time: '20:00' },
    to: { day: (day % 7) + 1, time: '07:00' },
  })),
  { from: { day: 5, time: '20:00' }, to: { day: 1, time: '07:00' } },
];

describe('Notifications (web) : les heures de silence dites en mots', () => {
  it('gathers the seven nights and says the weekend apart', () => {
    expect(quietHoursInWords(ECOLE_DEFAULT, fr, 'aucune')).to.equal(
      'Chaque soir de 20:00 à 07:00 ; du vendredi 20:00 au lundi 07:00',
    );
  });

  it('names the nights when not every one is quiet', () => {
    const hours: QuietHours = [
      { from: { day: 2, time: '21:00' }, to: { day: 3, time: '06:30' } },
      { from: { day: 1, time: '21:00' }, to: { day: 2, time: '06:30' } },
    ];
    expect(quietHoursInWords(hours, fr, 'aucune')).to.equal(
      'Le soir (lundi et mardi) de 21:00 à 06:30',
    );
  });

  it('says an interval within one day as such', () => {
    const hours: QuietHours = [{ from: { day: 3, time: '12:00' }, to: { day: 3, time: '14:00' } }];
    expect(quietHoursInWords(hours, fr, 'aucune')).to.equal('Le mercredi de 12:00 à 14:00');
  });

  it('says « none » for an empty list', () => {
    expect(quietHoursInWords([], fr, 'aucune')).to.equal('aucune');
  });

  it('speaks English too', () => {
    expect(quietHoursInWords(ECOLE_DEFAULT, en, 'none')).to.equal(
      'Every night from 20:00 to 07:00 ; from Friday 20:00 to Monday 07:00',
    );
  });
});

describe('Notifications (web) : depuis quand', () => {
  const now = Date.UTC(2026, 8, 15, 10, 0);
  // Intl puts no-break spaces where French typography wants them: compare plain spaces.
  const said = (at: number) => relativeTime(at, 'fr', fr, now).replace(/\s/g, ' ');

  it('says « à l’instant » under a minute', () => {
    expect(said(now - 30_000)).to.equal('à l’instant');
  });

  it('says minutes, hours and days the French way', () => {
    expect(said(now - 5 * 60_000)).to.equal('il y a 5 min');
    expect(said(now - 3 * 3600_000)).to.equal('il y a 3 h');
    expect(said(now - 30 * 3600_000)).to.equal('hier');
    expect(said(now - 3 * 86_400_000)).to.equal('il y a 3 jours');
  });

  it('gives the date past a week', () => {
    expect(said(Date.UTC(2026, 8, 1, 10, 0))).to.equal('1 sept.');
  });
});

describe('Notifications (web) : les messages selon le nombre', () => {
  it('picks the singular, the plural or « none »', () => {
    expect(countKey('fil.unread', 1, true)).to.equal('fil.unread.one');
    expect(countKey('fil.unread', 4, true)).to.equal('fil.unread.many');
    expect(countKey('fil.unread', 0, true)).to.equal('fil.unread.none');
    expect(fr(countKey('fil.unread', 4), { count: 4 })).to.equal('4 notifications non lues.');
  });

  it('has every French message in English too', () => {
    expect(Object.keys(catalogue.en ?? {}).sort()).to.deep.equal(Object.keys(catalogue.fr).sort());
  });
});
