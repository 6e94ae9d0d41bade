import { expect } from 'chai';

import {
  datesOfWeek,
  isCalendarDate,
  isoWeekOf,
  isSchoolDay,
  nextSchoolDay,
  parisNow,
  weekdayName,
} from '../src/server/calendar.js';

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
});
