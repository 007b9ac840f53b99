import { describe, expect, it } from 'vitest';
import { calendar, HOUR, local, utc } from '../testing/leads.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  inTimeZone,
  isValidTimeZone,
  isWorkingTime,
  type BusinessCalendar,
} from './businessCalendar.ts';

// Expected instants are worked out by hand from the calendar (2026: Jan 9 and Mar 6 are Fridays, the US
// switches to EDT on Sun Mar 8 and back to EST on Sun Nov 1, the EU on Sun Mar 29 and Sun Oct 25).
const H = 60; // business minutes in an hour

const nyDefault = calendar();
const splitDay = calendar({
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
      d,
      [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    ]),
  ),
});
const evenings = calendar({
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '20:00', end: '24:00' }]]),
  ),
});
const sundaysOnly = (timeZone: string): BusinessCalendar =>
  calendar({
    timeZone,
    days: { mon: [], tue: [], wed: [], thu: [], fri: [], sun: [{ start: '00:00', end: '24:00' }] },
  });
const sundayNight = calendar({
  days: { mon: [], tue: [], wed: [], thu: [], fri: [], sun: [{ start: '01:00', end: '04:00' }] },
});
const berlin = calendar({ timeZone: 'Europe/Berlin' });

describe('addBusinessMinutes — default calendar (Mon–Fri 09:00–17:00 America/New_York)', () => {
  it.each([
    [
      'Friday afternoon + 24 business hours → Wednesday, same hour',
      '2026-01-09T15:00',
      24 * H,
      '2026-01-14T15:00',
    ],
    ['inside a day', '2026-01-12T10:00', 3 * H, '2026-01-12T13:00'],
    ['exactly to closing time stays at 17:00', '2026-01-12T09:00', 8 * H, '2026-01-12T17:00'],
    ['past closing carries over to the next opening', '2026-01-12T16:30', 60, '2026-01-13T09:30'],
    ['Saturday: the clock starts Monday 09:00', '2026-01-10T11:00', 60, '2026-01-12T10:00'],
    ['before opening: the clock starts at 09:00', '2026-01-12T07:30', 60, '2026-01-12T10:00'],
    ['after closing: the clock starts next morning', '2026-01-12T18:00', 60, '2026-01-13T10:00'],
    ['at Friday closing: next Monday', '2026-01-09T17:00', 30, '2026-01-12T09:30'],
    ['zero minutes outside hours = the next opening', '2026-01-10T11:00', 0, '2026-01-12T09:00'],
    ['zero minutes inside hours = now', '2026-01-12T12:34', 0, '2026-01-12T12:34'],
    ['72 business hours = 9 working days', '2026-01-12T10:00', 72 * H, '2026-01-23T10:00'],
  ])('%s', (_label, start, minutes, due) => {
    expect(addBusinessMinutes(local(start), minutes, nyDefault)).toEqual(local(due));
  });

  it('Friday 15:00 EST + 24 business hours is Wednesday 15:00 EST = 20:00 UTC', () => {
    expect(addBusinessMinutes(utc('2026-01-09T20:00:00Z'), 24 * H, nyDefault)).toEqual(
      utc('2026-01-14T20:00:00Z'),
    );
  });
});

describe('holidays', () => {
  it('skip a whole local day', () => {
    const july = calendar({ holidays: ['2026-07-03'] });
    // Thu 15:00 + 8h: Thu 2h, Fri 3 July is off, Mon 6h → Mon 15:00.
    expect(addBusinessMinutes(local('2026-07-02T15:00'), 8 * H, july)).toEqual(local('2026-07-06T15:00'));
    expect(addBusinessMinutes(local('2026-07-02T15:00'), 8 * H, nyDefault)).toEqual(
      local('2026-07-03T15:00'),
    );
    expect(businessMinutesBetween(local('2026-07-03T00:00'), local('2026-07-04T00:00'), july)).toBe(0);
    expect(isWorkingTime(local('2026-07-03T10:00'), july)).toBe(false);
  });

  it('are local dates of the calendar zone, not UTC dates', () => {
    // Auckland is UTC+12 in July: Friday 3 July 09:00–17:00 local is Thursday 2 July 21:00Z–05:00Z.
    const auckland = calendar({ timeZone: 'Pacific/Auckland', holidays: ['2026-07-03'] });
    const thu16 = local('2026-07-02T16:00', 'Pacific/Auckland');
    expect(addBusinessMinutes(thu16, 2 * H, auckland)).toEqual(local('2026-07-06T10:00', 'Pacific/Auckland'));
  });
});

describe('split days (09:00–12:00 and 13:00–17:00)', () => {
  it.each([
    ['crosses lunch', '2026-01-12T11:00', 2 * H, '2026-01-12T14:00'],
    ['assigned at lunch starts at 13:00', '2026-01-12T12:30', 30, '2026-01-12T13:30'],
    ['a 7-hour working day', '2026-01-12T16:00', 7 * H, '2026-01-13T16:00'],
    ['ends exactly at the lunch break', '2026-01-12T09:00', 3 * H, '2026-01-12T12:00'],
  ])('%s', (_label, start, minutes, due) => {
    expect(addBusinessMinutes(local(start), minutes, splitDay)).toEqual(local(due));
  });

  it('a full day counts 7 hours; lunch is not working time', () => {
    expect(businessMinutesBetween(local('2026-01-12T08:00'), local('2026-01-13T08:00'), splitDay)).toBe(
      7 * H,
    );
    expect(isWorkingTime(local('2026-01-12T12:15'), splitDay)).toBe(false);
    expect(isWorkingTime(local('2026-01-12T13:00'), splitDay)).toBe(true);
  });
});

describe("'24:00' as the end of a working interval", () => {
  it.each([
    ['runs to midnight and on the next evening', '2026-01-12T22:00', 3 * H, '2026-01-13T21:00'],
    ['Friday night to Monday night', '2026-01-09T23:00', 2 * H, '2026-01-12T21:00'],
    ['ends exactly at midnight', '2026-01-12T20:00', 4 * H, '2026-01-13T00:00'],
  ])('%s', (_label, start, minutes, due) => {
    expect(addBusinessMinutes(local(start), minutes, evenings)).toEqual(local(due));
  });

  it('a day of 20:00–24:00 has 4 hours', () => {
    expect(businessMinutesBetween(local('2026-01-12T00:00'), local('2026-01-13T00:00'), evenings)).toBe(
      4 * H,
    );
    expect(isWorkingTime(local('2026-01-12T23:59'), evenings)).toBe(true);
    expect(isWorkingTime(local('2026-01-13T00:00'), evenings)).toBe(false);
  });
});

describe('daylight saving time', () => {
  it.each([
    // Fri 15:00 EST (20:00Z) → Wed 15:00 EDT (19:00Z): same local hour, one hour earlier in UTC.
    ['US spring forward', '2026-03-06T20:00:00Z', '2026-03-11T19:00:00Z', nyDefault],
    // Fri 15:00 EDT (19:00Z) → Wed 15:00 EST (20:00Z).
    ['US fall back', '2026-10-30T19:00:00Z', '2026-11-04T20:00:00Z', nyDefault],
    // Fri 15:00 CET (14:00Z) → Wed 15:00 CEST (13:00Z).
    ['EU spring forward (Berlin)', '2026-03-27T14:00:00Z', '2026-04-01T13:00:00Z', berlin],
    // Fri 15:00 CEST (13:00Z) → Wed 15:00 CET (14:00Z).
    ['EU fall back (Berlin)', '2026-10-23T13:00:00Z', '2026-10-28T14:00:00Z', berlin],
  ])('a 24-business-hour deadline over the %s weekend lands on 15:00 local', (_label, start, due, cal) => {
    expect(addBusinessMinutes(utc(start), 24 * H, cal)).toEqual(utc(due));
  });

  it.each([
    ['America/New_York', 'a normal Sunday', '2026-01-10T12:00', '2026-01-12T12:00', 24 * H],
    ['America/New_York', 'spring forward', '2026-03-07T12:00', '2026-03-09T12:00', 23 * H],
    ['America/New_York', 'fall back', '2026-10-31T12:00', '2026-11-02T12:00', 25 * H],
    ['Europe/Berlin', 'spring forward', '2026-03-28T12:00', '2026-03-30T12:00', 23 * H],
    ['Europe/London', 'fall back', '2026-10-24T12:00', '2026-10-26T12:00', 25 * H],
  ])(
    'Sunday 00:00–24:00 in %s over %s counts the real hours of that day',
    (zone, _label, from, to, minutes) => {
      expect(businessMinutesBetween(local(from, zone), local(to, zone), sundaysOnly(zone))).toBe(minutes);
    },
  );

  it('a 24-hour clock over a 23-hour Sunday needs an hour of the next Sunday', () => {
    // Sun 8 March has 23 hours; the 24th is Sun 15 March 00:00–01:00 EDT (04:00Z–05:00Z).
    expect(addBusinessMinutes(local('2026-03-07T12:00'), 24 * H, sundaysOnly('America/New_York'))).toEqual(
      utc('2026-03-15T05:00:00Z'),
    );
  });

  it('a 24-hour clock over a 25-hour Sunday ends at 23:00 local the same day', () => {
    // Sun 1 Nov starts 00:00 EDT (04:00Z); 24 real hours later is 04:00Z on Mon 2 Nov = Sun 23:00 EST.
    const due = addBusinessMinutes(local('2026-10-31T12:00'), 24 * H, sundaysOnly('America/New_York'));
    expect(due).toEqual(utc('2026-11-02T04:00:00Z'));
    expect(due).toEqual(local('2026-11-01T23:00'));
  });

  it.each([
    ['a normal Sunday', '2026-01-11', 3 * H],
    ['spring forward: 01:00 EST → 04:00 EDT is 2 hours', '2026-03-08', 2 * H],
    ['fall back: 01:00 EDT → 04:00 EST is 4 hours', '2026-11-01', 4 * H],
  ])('Sunday 01:00–04:00 on %s', (_label, date, minutes) => {
    const from = local(`${date}T00:00`);
    expect(businessMinutesBetween(from, new Date(from.getTime() + 24 * HOUR), sundayNight)).toBe(minutes);
  });
});

describe('the owner time zone (inTimeZone)', () => {
  it("replaces the portal's zone, so the owner's own working hours count", () => {
    // Mon 12 Jan 12:00Z is 07:00 in New York (before hours) and 12:00 in London (GMT).
    const assigned = utc('2026-01-12T12:00:00Z');
    const london = inTimeZone(nyDefault, 'Europe/London');
    expect(london.timeZone).toBe('Europe/London');
    expect(london.week).toBe(nyDefault.week);
    // London: Mon 5h, Tue 8h, Wed 8h, Thu 3h → Thu 12:00 GMT.
    expect(addBusinessMinutes(assigned, 24 * H, london)).toEqual(utc('2026-01-15T12:00:00Z'));
    // New York: from Mon 09:00 EST, three full days → Wed 17:00 EST = 22:00Z.
    expect(addBusinessMinutes(assigned, 24 * H, nyDefault)).toEqual(utc('2026-01-14T22:00:00Z'));
  });

  it.each([['Mars/Olympus_Mons'], [''], [null], [undefined], ['local'], ['system']])(
    'ignores %j and keeps the portal zone',
    (zone) => {
      expect(inTimeZone(nyDefault, zone)).toEqual(nyDefault);
    },
  );
});

describe('isValidTimeZone', () => {
  it.each([
    ['America/New_York', true],
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    // luxon keywords for the machine's own zone: not IANA zones, and would make deadlines depend on the server.
    ['local', false],
    ['system', false],
    ['default', false],
  ])('%j → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['Friday 15:00 → Wednesday 15:00', '2026-01-09T15:00', '2026-01-14T15:00', 24 * H],
    ['over a weekend only', '2026-01-09T17:00', '2026-01-12T09:00', 0],
    ['from before opening', '2026-01-12T06:00', '2026-01-12T10:00', 60],
    ['until after closing', '2026-01-12T16:00', '2026-01-12T23:00', 60],
    ['to before from', '2026-01-12T12:00', '2026-01-12T10:00', 0],
    ['same instant', '2026-01-12T12:00', '2026-01-12T12:00', 0],
  ])('%s', (_label, from, to, minutes) => {
    expect(businessMinutesBetween(local(from), local(to), nyDefault)).toBe(minutes);
  });

  it.each([
    ['default, inside hours', nyDefault, '2026-01-12T10:17', 24 * H],
    ['default, on a Saturday', nyDefault, '2026-01-10T11:00', 13 * H + 7],
    ['default, over the spring-forward weekend', nyDefault, '2026-03-06T16:00', 72 * H],
    ['split day, at lunch', splitDay, '2026-01-12T12:30', 10 * H + 45],
    ['evenings to 24:00', evenings, '2026-01-12T23:30', 9 * H],
    ['Sundays only, over fall back', sundaysOnly('America/New_York'), '2026-10-31T12:00', 30 * H],
    ['Berlin, over spring forward', berlin, '2026-03-27T15:00', 24 * H],
  ])('is the inverse of addBusinessMinutes (%s)', (_label, cal, start, minutes) => {
    const from = local(start, cal.timeZone);
    expect(businessMinutesBetween(from, addBusinessMinutes(from, minutes, cal), cal)).toBe(minutes);
  });
});

describe('isWorkingTime', () => {
  it.each([
    ['2026-01-12T09:00', true],
    ['2026-01-12T16:59', true],
    ['2026-01-12T17:00', false],
    ['2026-01-12T08:59', false],
    ['2026-01-10T12:00', false],
  ])('%s → %s', (at, working) => {
    expect(isWorkingTime(local(at), nyDefault)).toBe(working);
  });
});

describe('an empty calendar', () => {
  const empty = calendar({ days: { mon: [], tue: [], wed: [], thu: [], fri: [] } });

  it('cannot place a deadline: it throws', () => {
    expect(() => addBusinessMinutes(local('2026-01-12T10:00'), 60, empty)).toThrow(RangeError);
  });

  it('has no business time between two instants', () => {
    expect(businessMinutesBetween(local('2026-01-12T00:00'), local('2026-02-12T00:00'), empty)).toBe(0);
  });

  it('throws even when every working day is a holiday', () => {
    const onlyMonday = calendar({
      days: { tue: [], wed: [], thu: [], fri: [] },
      holidays: Array.from({ length: 600 }, (_, i) =>
        new Date(Date.UTC(2026, 0, 12 + 7 * i)).toISOString().slice(0, 10),
      ),
    });
    expect(() => addBusinessMinutes(local('2026-01-12T10:00'), 60, onlyMonday)).toThrow(RangeError);
  });
});
