// Business-time deadlines for a replay of many leads: the calendar's working intervals are laid out once as
// absolute instants with their running total of working time, so a deadline is two binary searches instead of
// a walk over the days (addBusinessMinutes costs tens of µs per call; a quarter has ~200,000 deadlines).
// Same answers as addBusinessMinutes (a test holds them together): intervals come from local wall-clock times
// in the zone, DST-correct, holidays removed. Before the laid-out span the exact walk answers instead.
import { DateTime } from 'luxon';
import { addBusinessMinutes, parseClock, WEEKDAYS, type BusinessCalendar } from '../sla/businessCalendar.ts';

const MINUTE = 60_000;
/** Days laid out at a time when a deadline runs past the end. */
const CHUNK_DAYS = 64;

export interface FastCalendar {
  /** The instant `minutes` of business time after `at` (ms since the epoch). */
  addMinutes(at: number, minutes: number): number;
}

export function fastCalendar(cal: BusinessCalendar, fromMs: number): FastCalendar {
  const week = WEEKDAYS.map((d) =>
    cal.week[d]
      .map(({ start, end }) => [minutesOf(start), Math.min(minutesOf(end), 1440)] as const)
      .filter(([s, e]) => e > s)
      .toSorted((a, b) => a[0] - b[0]),
  );
  if (week.every((spans) => spans.length === 0))
    throw new RangeError('The business calendar has no working time');
  const holidays = new Set(cal.holidays);
  // Growable parallel arrays: interval starts, ends, and working ms before each interval.
  let starts: Float64Array = new Float64Array(1024);
  let ends: Float64Array = new Float64Array(1024);
  let before: Float64Array = new Float64Array(1024);
  let count = 0;
  let total = 0;
  let day = DateTime.fromMillis(fromMs, { zone: cal.timeZone }).startOf('day').minus({ days: 1 });
  const firstMs = day.toMillis();

  const push = (s: number, e: number) => {
    if (count > 0 && s < (ends[count - 1] ?? 0)) s = ends[count - 1] ?? 0; // never count a minute twice around a DST gap
    if (e <= s) return;
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      before = grow(before);
    }
    starts[count] = s;
    ends[count] = e;
    before[count] = total;
    total += e - s;
    count += 1;
  };

  const layOut = (days: number) => {
    for (let i = 0; i < days; i++) {
      const next = day.plus({ days: 1 });
      const spans = holidays.has(day.toISODate() ?? '') ? [] : (week[day.weekday - 1] ?? []);
      const start = day.toMillis();
      const plain = day.hour === 0 && day.minute === 0 && next.offset === day.offset;
      for (const [s, e] of spans) {
        // A day without an offset change: wall-clock minutes are real minutes. Otherwise luxon places each time
        // (a time inside a DST gap resolves forward), as the exact walk does.
        if (plain) push(start + s * MINUTE, start + e * MINUTE);
        else push(wallInstant(day, s), wallInstant(day, e));
      }
      day = next.startOf('day');
    }
  };
  layOut(CHUNK_DAYS);

  /** First interval whose end is after `t`. */
  const intervalAfter = (t: number): number => {
    while (count === 0 || (ends[count - 1] ?? 0) <= t) layOut(CHUNK_DAYS);
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] ?? 0) > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  return {
    addMinutes(at, minutes) {
      if (at < firstMs || !Number.isFinite(at) || !(minutes >= 0)) {
        return addBusinessMinutes(new Date(at), minutes, cal).getTime();
      }
      const i = intervalAfter(at);
      const target = (before[i] ?? 0) + Math.max(0, at - (starts[i] ?? 0)) + minutes * MINUTE;
      while (total < target) layOut(CHUNK_DAYS);
      // First interval, from i on, whose working time reaches the target (a deadline on an interval's end is
      // that end, not the next opening).
      let lo = i;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((before[mid] ?? 0) + (ends[mid] ?? 0) - (starts[mid] ?? 0) >= target) hi = mid;
        else lo = mid + 1;
      }
      return (starts[lo] ?? 0) + (target - (before[lo] ?? 0));
    },
  };
}

function minutesOf(hhmm: string): number {
  const { hour, minute } = parseClock(hhmm);
  return hour * 60 + minute;
}

function wallInstant(day: DateTime, minutes: number): number {
  return day
    .plus({ days: minutes >= 1440 ? 1 : 0 })
    .set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 })
    .toMillis();
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
