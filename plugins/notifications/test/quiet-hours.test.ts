import { expect } from 'chai';

import { latestSlot } from '../src/server/delivery.js';
import {
  DEFAULT_QUIET_HOURS,
  isQuiet,
  quietUntil,
  type QuietHours,
} from '../src/server/quiet-hours.js';

const PARIS = 'Europe/Paris';
const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const until = (time: string, quiet: QuietHours = DEFAULT_QUIET_HOURS) =>
  iso(quietUntil(at(time), quiet, PARIS));

describe('notifications: quiet hours, computed in the école’s time zone', () => {
  it('lets through a Tuesday at 19:59 Paris time', () => {
    expect(until('2026-09-01T19:59:00+02:00')).to.equal(iso(at('2026-09-01T19:59:00+02:00')));
  });

  it('holds a Tuesday at 20:01 until Wednesday 07:00', () => {
    expect(until('2026-09-01T20:01:00+02:00')).to.equal('2026-09-02T05:00:00.000Z');
  });

  it('holds 06:59 until 07:00, and lets 07:00 through', () => {
    expect(until('2026-09-02T06:59:00+02:00')).to.equal('2026-09-02T05:00:00.000Z');
    expect(isQuiet(at('2026-09-02T07:00:00+02:00'), DEFAULT_QUIET_HOURS, PARIS)).to.equal(false);
  });

  it('holds Friday 21:00 and the whole weekend until Monday 07:00', () => {
    expect(until('2026-09-04T21:00:00+02:00')).to.equal('2026-09-07T05:00:00.000Z');
    expect(until('2026-09-05T12:00:00+02:00')).to.equal('2026-09-07T05:00:00.000Z');
    expect(until('2026-09-06T23:59:00+02:00')).to.equal('2026-09-07T05:00:00.000Z');
  });

  it('lets Friday afternoon through', () => {
    expect(isQuiet(at('2026-09-04T17:30:00+02:00'), DEFAULT_QUIET_HOURS, PARIS)).to.equal(false);
  });

  it('holds over the autumn change (25 October 2026) until 07:00 winter time', () => {
    // Friday 23 October 21:00 (UTC+2) → Monday 26 October 07:00 (UTC+1) = 06:00 UTC.
    expect(until('2026-10-23T21:00:00+02:00')).to.equal('2026-10-26T06:00:00.000Z');
    // Saturday night, during the repeated hour (02:30 happens twice).
    expect(until('2026-10-25T00:30:00Z')).to.equal('2026-10-26T06:00:00.000Z');
    expect(until('2026-10-25T01:30:00Z')).to.equal('2026-10-26T06:00:00.000Z');
  });

  it('holds over the spring change (28 March 2027) until 07:00 summer time', () => {
    // Friday 26 March 21:00 (UTC+1) → Monday 29 March 07:00 (UTC+2) = 05:00 UTC.
    expect(until('2027-03-26T21:00:00+01:00')).to.equal('2027-03-29T05:00:00.000Z');
    // Monday 29 March 06:30 summer time is still quiet, 07:00 is not.
    expect(until('2027-03-29T06:30:00+02:00')).to.equal('2027-03-29T05:00:00.000Z');
  });

  it('moves a nonexistent local time forward (02:30 on the spring change)', () => {
    const quiet: QuietHours = [{ from: { day: 7, time: '01:00' }, to: { day: 7, time: '02:30' } }];
    // 02:30 does not exist on 28 March 2027 in Paris: the interval ends at 03:30 summer time.
    expect(until('2027-03-28T01:30:00+01:00', quiet)).to.equal('2027-03-28T01:30:00.000Z');
  });

  it('adds a person’s intervals to the école’s: they hold more, never less', () => {
    const wednesday: QuietHours = [
      ...DEFAULT_QUIET_HOURS,
      { from: { day: 3, time: '12:00' }, to: { day: 3, time: '18:00' } },
    ];
    expect(until('2026-09-02T13:00:00+02:00', wednesday)).to.equal('2026-09-02T16:00:00.000Z');
    // An interval touching the night merges with it.
    const evening: QuietHours = [
      ...DEFAULT_QUIET_HOURS,
      { from: { day: 2, time: '18:00' }, to: { day: 2, time: '20:00' } },
    ];
    expect(until('2026-09-01T18:30:00+02:00', evening)).to.equal('2026-09-02T05:00:00.000Z');
    // A person's empty list changes nothing.
    expect(until('2026-09-01T20:01:00+02:00', [...DEFAULT_QUIET_HOURS])).to.equal(
      '2026-09-02T05:00:00.000Z',
    );
  });

  it('lets everything through when there are no quiet hours at all', () => {
    expect(until('2026-09-01T23:00:00+02:00', [])).to.equal('2026-09-01T21:00:00.000Z');
  });

  it('puts the daily digest at 17:30, and the weekly one on Friday at 17:30', () => {
    const tuesdayEvening = at('2026-09-01T18:00:00+02:00');
    expect(iso(latestSlot(tuesdayEvening, 'daily', PARIS, '17:30'))).to.equal(
      '2026-09-01T15:30:00.000Z',
    );
    expect(iso(latestSlot(tuesdayEvening, 'weekly', PARIS, '17:30'))).to.equal(
      '2026-08-28T15:30:00.000Z',
    );
    const tuesdayMorning = at('2026-09-01T09:00:00+02:00');
    expect(iso(latestSlot(tuesdayMorning, 'daily', PARIS, '17:30'))).to.equal(
      '2026-08-31T15:30:00.000Z',
    );
  });
});
