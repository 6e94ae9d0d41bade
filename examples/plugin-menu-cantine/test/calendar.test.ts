import { expect } from 'chai';

import {
  dateOf,
  datesOfWeek,
  dayNumber,
  inMenuYears,
  isCalendarDate,
  isoWeekOf,
  isSchoolDay,
  nextSchoolDay,
  parisNow,
  weekdayName,
} from '../src/calendar.js';

describe('menu-cantine: calendar', () => {
  it('tells real dates from impossible ones', () => {
    expect(isCalendarDate('2028-02-29')).to.equal(true);
    expect(isCalendarDate('2026-02-29')).to.equal(false);
    expect(isCalendarDate('2026-13-01')).to.equal(false);
    expect(isCalendarDate('2026-9-1')).to.equal(false);
  });

  it('names weekdays in French', () => {
    expect(weekdayName('2026-09-01')).to.equal('mardi');
    expect(weekdayName('2026-09-06')).to.equal('dimanche');
  });

  it('gives ISO weeks, including those that straddle two years', () => {
    expect(isoWeekOf('2026-09-01')).to.equal('2026-W36');
    expect(isoWeekOf('2027-01-01')).to.equal('2026-W53');
    expect(isoWeekOf('2024-12-30')).to.equal('2025-W01');
  });

  it('gives the seven dates of an ISO week, Monday first', () => {
    expect(datesOfWeek('2026-W36')).to.deep.equal([
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
      '2026-09-03',
      '2026-09-04',
      '2026-09-05',
      '2026-09-06',
    ]);
    expect(datesOfWeek('2025-W01')?.[0]).to.equal('2024-12-30');
  });

  it('knows which years have a 53rd week', () => {
    expect(datesOfWeek('2026-W53')?.[0]).to.equal('2026-12-28');
    expect(datesOfWeek('2027-W53')).to.equal(null);
    expect(datesOfWeek('2026-W00')).to.equal(null);
  });

  it('serves meals Monday to Friday, Wednesday only when the école chose to', () => {
    expect(isSchoolDay('2026-09-02', false)).to.equal(false);
    expect(isSchoolDay('2026-09-02', true)).to.equal(true);
    expect(isSchoolDay('2026-09-05', true)).to.equal(false);
    expect(nextSchoolDay('2026-09-01', false)).to.equal('2026-09-03');
    expect(nextSchoolDay('2026-09-01', true)).to.equal('2026-09-02');
    expect(nextSchoolDay('2026-09-04', false)).to.equal('2026-09-07');
  });

  it('reads the date and hour in Paris, summer and winter time alike', () => {
    expect(parisNow(Date.UTC(2026, 8, 1, 12, 30))).to.deep.equal({
      date: '2026-09-01',
      hour: 14,
      minute: 30,
    });
    expect(parisNow(Date.UTC(2026, 11, 31, 23, 15))).to.deep.equal({
      date: '2027-01-01',
      hour: 0,
      minute: 15,
    });
  });

  it('computes years 0 to 999 as written, not as 1900–1999, with four-digit years', () => {
    expect(isCalendarDate('0050-03-01')).to.equal(true);
    expect(dateOf(dayNumber('0050-03-01') as number)).to.equal('0050-03-01');
    expect(isoWeekOf('0999-12-28')).to.match(/^0999-W5[23]$/);
    expect(datesOfWeek('0999-W01')?.[0]).to.match(/^0998-12-|^0999-01-/);
    expect(datesOfWeek('0000-W01')).to.have.length(7);
    expect(datesOfWeek('9999-W52')?.[0]).to.match(/^9999-12-/);
  });

  it('tells the years menus are accepted for', () => {
    expect(['2000-01-01', '2099-12-31', '2026-W36'].map(inMenuYears)).to.deep.equal([
      true,
      true,
      true,
    ]);
    expect(['1999-12-31', '2100-01-01', '9999-W52', '0050-03-01'].map(inMenuYears)).to.deep.equal([
      false,
      false,
      false,
      false,
    ]);
  });
});
