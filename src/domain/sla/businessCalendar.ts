// Business time: working hours per weekday in a time zone, minus holidays. DST-correct because every
// interval is built from local wall-clock times in the zone and measured as absolute instants.
import { DateTime, IANAZone } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock interval, 'HH:MM' to 'HH:MM' ('24:00' allowed as end). */
export interface WorkingInterval {
  start: string;
  end: string;
}

export interface BusinessCalendar {
  timeZone: string;
  week: Readonly<Record<Weekday, readonly WorkingInterval[]>>;
  /** Local dates ('YYYY-MM-DD') with no working time. */
  holidays: readonly string[];
}

const MINUTE = 60_000;
/** No calendar needs more than ten years to find its working time; past that the calendar is empty. */
const MAX_DAYS_SCANNED = 3660;

export function parseClock(hhmm: string): { hour: number; minute: number } {
  const [h, m] = hhmm.split(':').map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

function localInstant(day: DateTime, hhmm: string): DateTime {
  const { hour, minute } = parseClock(hhmm);
  // '24:00' is the start of the next day; a wall time inside a DST gap resolves forward (luxon).
  return day
    .startOf('day')
    .plus({ days: hour === 24 ? 1 : 0 })
    .set({ hour: hour % 24, minute });
}

/** The working intervals of one local day, as absolute [start, end) instants in ms. */
function intervalsOn(day: DateTime, cal: BusinessCalendar): Array<[number, number]> {
  if (cal.holidays.includes(day.toISODate() ?? '')) return [];
  const weekday = WEEKDAYS[day.weekday - 1] as Weekday;
  return cal.week[weekday].map((w) => [
    localInstant(day, w.start).toMillis(),
    localInstant(day, w.end).toMillis(),
  ]);
}

function firstDay(at: Date, cal: BusinessCalendar): DateTime {
  return DateTime.fromJSDate(at, { zone: cal.timeZone }).startOf('day');
}

/** The instant `minutes` of business time after `start`. Outside working hours the clock starts at the next opening. */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  let remaining = minutes * MINUTE;
  const from = start.getTime();
  let day = firstDay(start, cal);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = day.plus({ days: 1 })) {
    for (const [s, e] of intervalsOn(day, cal)) {
      const begin = Math.max(s, from);
      if (begin >= e) continue;
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
  }
  throw new RangeError('The business calendar has no working time');
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  let day = firstDay(from, cal);
  for (let i = 0; i < MAX_DAYS_SCANNED && day.toMillis() < b; i++, day = day.plus({ days: 1 })) {
    for (const [s, e] of intervalsOn(day, cal)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total / MINUTE;
}

/** True when `at` falls inside working hours. */
export function isWorkingTime(at: Date, cal: BusinessCalendar): boolean {
  const t = at.getTime();
  return intervalsOn(firstDay(at, cal), cal).some(([s, e]) => t >= s && t < e);
}

/** The same calendar in another time zone (an owner's own zone when known). */
export function inTimeZone(cal: BusinessCalendar, timeZone: string | null | undefined): BusinessCalendar {
  return timeZone && isValidTimeZone(timeZone) ? { ...cal, timeZone } : cal;
}

/**
 * An IANA zone the runtime knows. luxon's own keywords ('local', 'system', 'default') are refused: they mean
 * the machine's zone, which would make deadlines depend on where the worker runs.
 */
export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}
