import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendar, HOUR, local, MINUTE, NY, utc } from '../testing/leads.ts';
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

describe('a calendar without working hours (only code that bypassed the policy schema can build one)', () => {
  const empty = calendar({ days: { mon: [], tue: [], wed: [], thu: [], fri: [] } });

  it('cannot place a deadline: it throws', () => {
    expect(() => addBusinessMinutes(local('2026-01-12T10:00'), 60, empty)).toThrow(RangeError);
  });

  it('has no business time between two instants', () => {
    expect(businessMinutesBetween(local('2026-01-12T00:00'), local('2026-02-12T00:00'), empty)).toBe(0);
  });
});

// ---- Far deadlines: whole weeks are skipped in one step, and must land exactly where a day-by-day walk would.

const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const noWeekdays = { mon: [], tue: [], wed: [], thu: [], fri: [] };
const saturdays = (timeZone: string, holidays: string[] = []): BusinessCalendar =>
  calendar({ timeZone, holidays, days: { ...noWeekdays, sat: [{ start: '10:00', end: '12:00' }] } });
const allWeek = (timeZone: string): BusinessCalendar =>
  calendar({
    timeZone,
    days: Object.fromEntries(WEEK_DAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
  });
/** The same local wall-clock time `weeks` weeks later (luxon keeps the wall clock across DST). */
const weeksLater = (wallClock: string, zone: string, weeks: number): Date =>
  DateTime.fromISO(wallClock, { zone }).plus({ weeks }).toJSDate();
const dateWeeksLater = (date: string, weeks: number, days = 0): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ weeks, days }).toISODate() ?? '';

/** One local day's working intervals, placed by luxon wall clock by wall clock: no shortcuts. */
function referenceDay(day: DateTime, cal: BusinessCalendar): Array<[number, number]> {
  if (cal.holidays.includes(day.toISODate() ?? '')) return [];
  const spans = cal.week[WEEK_DAYS[day.weekday - 1] ?? 'mon'];
  const at = (hhmm: string) => {
    const [h = 0, m = 0] = hhmm.split(':').map(Number);
    return day
      .plus({ days: h === 24 ? 1 : 0 })
      .set({ hour: h % 24, minute: m })
      .toMillis();
  };
  const out: Array<[number, number]> = [];
  let reached = -Infinity;
  for (const w of spans) {
    const begin = Math.max(at(w.start), reached);
    const end = at(w.end);
    if (end > begin) out.push([begin, end]);
    reached = Math.max(reached, end);
  }
  return out;
}

function* referenceDays(from: number, cal: BusinessCalendar) {
  for (let day = DateTime.fromMillis(from, { zone: cal.timeZone }).startOf('day'); ;) {
    yield { start: day.toMillis(), intervals: referenceDay(day, cal) };
    day = day.plus({ days: 1 }).startOf('day');
  }
}

function referenceAdd(start: Date, minutes: number, cal: BusinessCalendar): Date {
  let remaining = minutes * MINUTE;
  const from = start.getTime();
  for (const { intervals } of referenceDays(from, cal)) {
    for (const [s, e] of intervals) {
      const begin = Math.max(s, from);
      if (begin >= e) continue;
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
  }
  throw new Error('unreachable');
}

function referenceBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const [a, b] = [from.getTime(), to.getTime()];
  let total = 0;
  for (const { start, intervals } of referenceDays(a, cal)) {
    if (start >= b) break;
    for (const [s, e] of intervals) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total / MINUTE;
}

describe('far deadlines (the issue: Saturdays 10:00–12:00 only, 2,000 business hours)', () => {
  const zone = 'Europe/Berlin';
  const berlinSaturdays = saturdays(zone);
  // 2026-01-10 is a Saturday. Every Saturday has 2 business hours, DST or not (the change is on Sundays).
  it.each([
    [
      'Saturday 10:00 + 2,000 h → 12:00 on the 1,000th Saturday',
      '2026-01-10T10:00',
      2000,
      '2026-01-10T12:00',
      999,
    ],
    [
      'Saturday 11:00 + 2,000 h → 11:00 on the 1,001st Saturday',
      '2026-01-10T11:00',
      2000,
      '2026-01-10T11:00',
      1000,
    ],
    [
      'Monday 09:00 + 2,000 h → the clock starts Saturday 17 Jan',
      '2026-01-12T09:00',
      2000,
      '2026-01-17T12:00',
      999,
    ],
    [
      'Saturday 10:00 + 5,000 h → 12:00 on the 2,500th Saturday',
      '2026-01-10T10:00',
      5000,
      '2026-01-10T12:00',
      2499,
    ],
    [
      'Saturday 12:00 + 5,000 h → 12:00 on the 2,501st Saturday',
      '2026-01-10T12:00',
      5000,
      '2026-01-17T12:00',
      2499,
    ],
  ])('%s', (_label, start, hours, wallClock, weeks) => {
    const due = addBusinessMinutes(local(start, zone), hours * H, berlinSaturdays);
    expect(due).toEqual(weeksLater(wallClock, zone, weeks));
    expect(businessMinutesBetween(local(start, zone), due, berlinSaturdays)).toBe(hours * H);
  });

  it('a count that starts and ends in summer time ends at 12:00 CEST', () => {
    // Saturday 11 April 2026 + 999 weeks = Saturday 3 June 2045 (CEST, UTC+2).
    const due = addBusinessMinutes(local('2026-04-11T10:00', zone), 2000 * H, berlinSaturdays);
    expect(due).toEqual(utc('2045-06-03T10:00:00Z'));
  });

  it.each([
    ['Saturdays 10:00–12:00 in New York', saturdays('America/New_York'), '2026-01-10T10:00', 400 * H],
    ['Saturdays 10:00–12:00 in Tokyo (no DST)', saturdays('Asia/Tokyo'), '2026-01-10T10:00', 400 * H],
    [
      'Sundays 01:00–04:00 in New York (DST changes inside working hours)',
      sundayNight,
      '2026-01-10T12:00',
      700 * H,
    ],
    ['Mon–Fri 09:00–17:00 in New York, two years', nyDefault, '2026-01-09T15:00', 4200 * H],
  ])('%s: the same instant as a day-by-day walk', (_label, cal, start, minutes) => {
    const from = local(start, cal.timeZone);
    expect(addBusinessMinutes(from, minutes, cal)).toEqual(referenceAdd(from, minutes, cal));
  });
});

describe('holidays in far deadlines', () => {
  const zone = 'Europe/Berlin';
  const start = local('2026-01-10T10:00', zone);
  const saturday = (weeks: number) => dateWeeksLater('2026-01-10', weeks);

  it('each holiday Saturday inside the span moves the deadline a week; others change nothing', () => {
    const cal = saturdays(zone, [
      saturday(-1), // before the start
      saturday(1), // inside the span: in weeks that would otherwise be skipped
      saturday(300),
      saturday(998),
      dateWeeksLater('2026-01-10', 400, 4), // a Wednesday: no working hours anyway
      '2030-02-30', // no such date
      saturday(1010), // after the deadline
    ]);
    expect(addBusinessMinutes(start, 2000 * H, cal)).toEqual(weeksLater('2026-01-10T12:00', zone, 1002));
  });

  it('holidays may come in any order', () => {
    const cal = saturdays(zone, [saturday(998), saturday(1), saturday(300)]);
    expect(addBusinessMinutes(start, 2000 * H, cal)).toEqual(weeksLater('2026-01-10T12:00', zone, 1002));
  });

  it('the start day itself can be a holiday', () => {
    const cal = saturdays(zone, [saturday(0)]);
    expect(addBusinessMinutes(start, 2000 * H, cal)).toEqual(weeksLater('2026-01-10T12:00', zone, 1000));
  });

  it('a holiday on the Saturday the deadline would fall on moves it to the next Saturday', () => {
    const cal = saturdays(zone, [saturday(999)]);
    expect(addBusinessMinutes(start, 2000 * H, cal)).toEqual(weeksLater('2026-01-10T12:00', zone, 1000));
  });

  it('600 holiday Mondays in a row: the deadline is on the first working Monday after them', () => {
    const onlyMonday = calendar({
      days: { tue: [], wed: [], thu: [], fri: [] },
      holidays: Array.from({ length: 600 }, (_, i) => dateWeeksLater('2026-01-12', i)),
    });
    expect(addBusinessMinutes(local('2026-01-12T10:00'), 60, onlyMonday)).toEqual(
      weeksLater('2026-01-12T10:00', NY, 600),
    );
  });

  it('businessMinutesBetween leaves them out too', () => {
    const cal = saturdays(zone, [saturday(1), saturday(300), dateWeeksLater('2026-01-10', 5, 2)]);
    // [Sat 10 Jan 2026 00:00, 1,000 weeks later): 1,000 Saturdays, two of them holidays.
    const to = weeksLater('2026-01-10T00:00', zone, 1000);
    expect(businessMinutesBetween(local('2026-01-10T00:00', zone), to, cal)).toBe(998 * 2 * H);
  });
});

const OFFSET_CHANGES: Array<[string, string]> = [
  ['Europe/Berlin', '2026-01-01T00:00'],
  ['America/New_York', '2026-01-01T00:00'],
  ['Australia/Lord_Howe', '2026-01-01T00:00'], // 30-minute DST
  ['America/Santiago', '2026-01-01T00:00'], // changes at midnight
  ['America/Boa_Vista', '2000-09-30T00:00'], // one week of DST in October 2000
  ['Asia/Gaza', '2040-10-01T00:00'], // a change and its reversal 6 days 23 hours apart
  ['Pacific/Apia', '2011-12-01T00:00'], // 30 December 2011 never happened
];

describe('weeks with an offset change are walked, not skipped', () => {
  // Every hour of a 00:00–24:00 week is business time: business minutes are real minutes, whatever DST does.
  it.each(OFFSET_CHANGES)('a 00:00–24:00 calendar in %s counts real time', (zone, start) => {
    const cal = allWeek(zone);
    const from = local(start, zone);
    for (const minutes of [6 * 24 * H, 8 * 24 * H, 100 * 24 * H + 7, 3 * 365 * 24 * H]) {
      expect(addBusinessMinutes(from, minutes, cal)).toEqual(new Date(from.getTime() + minutes * MINUTE));
    }
    const to = new Date(from.getTime() + 3 * 365 * 24 * HOUR + 123 * MINUTE);
    expect(businessMinutesBetween(from, to, cal)).toBe((to.getTime() - from.getTime()) / MINUTE);
  });

  // Nights lose or gain the hour of a change; a week skipped over one would shift every later day by it.
  it.each(OFFSET_CHANGES)(
    '00:00–06:00 and 13:00–14:00 daily in %s: as the day-by-day walk',
    (zone, start) => {
      const spans = [
        { start: '00:00', end: '06:00' },
        { start: '13:00', end: '14:00' },
      ];
      const cal = calendar({ timeZone: zone, days: Object.fromEntries(WEEK_DAYS.map((d) => [d, spans])) });
      const from = local(start, zone);
      for (const minutes of [6 * 7 * H, 8 * 7 * H + 30, 200 * 7 * H + 7]) {
        expect(addBusinessMinutes(from, minutes, cal)).toEqual(referenceAdd(from, minutes, cal));
      }
      const to = new Date(from.getTime() + 300 * 24 * HOUR + 123 * MINUTE);
      expect(businessMinutesBetween(from, to, cal)).toBe(referenceBetween(from, to, cal));
    },
  );

  it('Sundays 01:00–04:00 in New York over half a year: the spring-forward Sunday has only 2 hours', () => {
    // Sun 4 Jan to Sat 4 Jul 2026: 26 Sundays, 8 March among them.
    expect(businessMinutesBetween(local('2026-01-04T00:00'), local('2026-07-04T00:00'), sundayNight)).toBe(
      (25 * 3 + 2) * H,
    );
  });

  it('and over 30 years every fall-back Sunday gives its hour back: 3 hours a Sunday on average', () => {
    // 1,565 Sundays from Sun 4 Jan 2026 on; each year's 2-hour and 4-hour Sundays cancel (30 of each).
    const to = weeksLater('2026-01-04T00:00', NY, 1565);
    expect(businessMinutesBetween(local('2026-01-04T00:00'), to, sundayNight)).toBe(1565 * 3 * H);
  });
});

describe('businessMinutesBetween over more than ten years is exact', () => {
  it('Saturdays 10:00–12:00 in Berlin over 20 years: 1,044 Saturdays', () => {
    // 7,305 days from Sat 10 Jan 2026; the Saturdays are days 0, 7, …, 7,301.
    const days = (Date.UTC(2046, 0, 10) - Date.UTC(2026, 0, 10)) / (24 * HOUR);
    expect(days).toBe(7305);
    expect(
      businessMinutesBetween(
        local('2026-01-10T00:00', 'Europe/Berlin'),
        local('2046-01-10T00:00', 'Europe/Berlin'),
        saturdays('Europe/Berlin'),
      ),
    ).toBe(Math.ceil(days / 7) * 2 * H);
  });

  it('Mon–Fri 09:00–17:00 in New York over 12 years: 8 hours per weekday', () => {
    let weekdays = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2038, 0, 1); t += 24 * HOUR) {
      if (new Date(t).getUTCDay() % 6 !== 0) weekdays++;
    }
    expect(businessMinutesBetween(local('2026-01-01T00:00'), local('2038-01-01T00:00'), nyDefault)).toBe(
      weekdays * 8 * H,
    );
  });

  it('businessMinutesLeft-style: the 5,000-hour Saturday deadline is 5,000 hours away', () => {
    const cal = saturdays('Europe/Berlin');
    const from = local('2026-03-14T11:30', 'Europe/Berlin');
    expect(businessMinutesBetween(from, addBusinessMinutes(from, 5000 * H, cal), cal)).toBe(5000 * H);
  });
});

// ---- Properties over random calendars, against the day-by-day reference above.

const ZONE_WINDOWS: Array<[string, string]> = [
  ['Europe/Berlin', '2025-06-01'],
  ['America/New_York', '2025-06-01'],
  ['Australia/Lord_Howe', '2025-06-01'],
  ['America/Santiago', '2025-06-01'],
  ['America/Havana', '2025-06-01'],
  ['Asia/Kolkata', '2025-06-01'],
  ['America/Boa_Vista', '2000-06-01'],
  ['Asia/Gaza', '2040-06-01'],
  ['Pacific/Apia', '2011-09-01'],
];

/** A week of 0–2 intervals a day, on quarter hours, with working time on at least one day. */
const arbWeek = fc
  .array(
    fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 }).map((cuts) => {
      const sorted = [...cuts].sort((x, y) => x - y);
      const clock = (q: number) =>
        `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
      const spans: Array<{ start: string; end: string }> = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        spans.push({ start: clock(sorted[i] ?? 0), end: clock(sorted[i + 1] ?? 0) });
      }
      return spans;
    }),
    { minLength: 7, maxLength: 7 },
  )
  .filter((days) => days.some((d) => d.length > 0))
  .map((days): BusinessCalendar['week'] => {
    const [mon = [], tue = [], wed = [], thu = [], fri = [], sat = [], sun = []] = days;
    return { mon, tue, wed, thu, fri, sat, sun };
  });

const arbCase = fc
  .record({
    window: fc.constantFrom(...ZONE_WINDOWS),
    week: arbWeek,
    startHours: fc.integer({ min: 0, max: 300 * 24 }),
    holidayDays: fc.array(fc.integer({ min: -10, max: 400 }), { maxLength: 12 }),
  })
  .map(({ window: [timeZone, from], week, startHours, holidayDays }) => ({
    cal: {
      timeZone,
      week,
      holidays: holidayDays.map(
        (d) => DateTime.fromISO(from, { zone: 'UTC' }).plus({ days: d }).toISODate() ?? '',
      ),
    } satisfies BusinessCalendar,
    start: new Date(DateTime.fromISO(from, { zone: timeZone }).toMillis() + startHours * HOUR + 7 * MINUTE),
  }));
const weekMinutes = (cal: BusinessCalendar) =>
  WEEK_DAYS.flatMap((d) => cal.week[d]).reduce((sum, w) => {
    const [sh = 0, sm = 0] = w.start.split(':').map(Number);
    const [eh = 0, em = 0] = w.end.split(':').map(Number);
    return sum + eh * 60 + em - sh * 60 - sm;
  }, 0);

describe('properties over random calendars, zones and holidays', () => {
  it('addBusinessMinutes equals a day-by-day walk (up to 30 weeks of working time)', () => {
    fc.assert(
      fc.property(arbCase, fc.double({ min: 0, max: 30, noNaN: true }), ({ cal, start }, weeks) => {
        const minutes = Math.round(weeks * weekMinutes(cal));
        expect(addBusinessMinutes(start, minutes, cal)).toEqual(referenceAdd(start, minutes, cal));
      }),
      { numRuns: 100 },
    );
  });

  it('businessMinutesBetween equals a day-by-day count (spans up to 100 days)', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 100 * 24 * 60 }), ({ cal, start }, spanMinutes) => {
        const to = new Date(start.getTime() + spanMinutes * MINUTE);
        expect(businessMinutesBetween(start, to, cal)).toBe(referenceBetween(start, to, cal));
      }),
      { numRuns: 100 },
    );
  });

  it('businessMinutesBetween(start, addBusinessMinutes(start, m)) = m from working time, m ≤ 5,000 h', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 5000 * 60 }), ({ cal, start }, minutes) => {
        const opening = addBusinessMinutes(start, 0, cal);
        expect(isWorkingTime(opening, cal)).toBe(true);
        expect(businessMinutesBetween(opening, addBusinessMinutes(opening, minutes, cal), cal)).toBe(minutes);
      }),
      { numRuns: 100 },
    );
  });
});
