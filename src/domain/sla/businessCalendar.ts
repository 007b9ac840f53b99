// Business time: working hours per weekday in a time zone, minus holidays. DST-correct because every
// interval is built from local wall-clock times in the zone and measured as absolute instants.
// Far deadlines stay exact and cheap: a whole week with no holiday and no offset change counts its nominal
// working time in one step; only days with a holiday or an offset change are looked at one by one.
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
const DAY = 86_400_000;
const WEEK = 7 * DAY;

export function parseClock(hhmm: string): { hour: number; minute: number } {
  const [h, m] = hhmm.split(':').map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

/** A calendar ready to walk: wall-clock intervals as minutes after midnight, holidays in date order. */
interface Plan {
  timeZone: string;
  /** Per weekday, Monday first: ordered, non-overlapping [start, end) minutes after local midnight. */
  week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Working time per weekday in ms on a day without an offset change. */
  dayMs: readonly number[];
  weekMs: number;
  holidays: readonly string[];
}

/** A local day: its date as days since 1970-01-01, and the instant it starts. */
interface Day {
  n: number;
  start: number;
  /** False when midnight fell in a DST gap and the day starts later (wall clock not counted from it). */
  midnight: boolean;
  /** The zone's offset at `start`. */
  offset: string;
}

function planOf(cal: BusinessCalendar): Plan {
  const minutesOf = (hhmm: string) => {
    const { hour, minute } = parseClock(hhmm);
    return hour * 60 + minute;
  };
  // The schema only lets ordered, non-overlapping spans within a day through; code that bypassed it gets the
  // same shape here, so no working minute is counted twice and nothing outside the day is counted at all.
  const week = WEEKDAYS.map((d) => {
    const spans = cal.week[d]
      .map((w): [number, number] => [minutesOf(w.start), minutesOf(w.end)])
      .sort((x, y) => x[0] - y[0]);
    const out: Array<[number, number]> = [];
    let reached = 0;
    for (const [s, e] of spans) {
      const begin = Math.max(s, reached);
      const end = Math.min(e, 1440);
      if (begin < end) out.push([begin, (reached = end)]);
    }
    return out;
  });
  const dayMs = week.map((spans) => spans.reduce((sum, [s, e]) => sum + (e - s) * MINUTE, 0));
  const sorted = cal.holidays.every((h, i) => i === 0 || (cal.holidays[i - 1] ?? '') <= h);
  return {
    timeZone: cal.timeZone,
    week,
    dayMs,
    weekMs: dayMs.reduce((a, b) => a + b, 0),
    holidays: sorted ? cal.holidays : [...cal.holidays].sort(),
  };
}

/** Monday = 0; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (n: number): number => (((n + 3) % 7) + 7) % 7;
const isoDate = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

/** A 'YYYY-MM-DD' date as a day number; null when it names no date (then no day is that holiday). */
function dayNumber(iso: string): number | null {
  if (!/^\d{4}-\d\d-\d\d$/.test(iso)) return null;
  const n = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
  return isoDate(n) === iso ? n : null;
}

/**
 * Asked for day `n` (in increasing order), the first holiday on or after it that takes working time away
 * (one on a day without working hours changes nothing), Infinity when none. Only holidays passed are parsed.
 */
function holidaysFrom(first: number, plan: Plan): (n: number) => number {
  const list = plan.holidays;
  const from = isoDate(first);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? '') < from) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  const advance = (): number => {
    while (i < list.length) {
      const n = dayNumber(list[i++] ?? '');
      if (n !== null && (plan.dayMs[weekdayOf(n)] ?? 0) > 0) return n;
    }
    return Infinity;
  };
  let next = advance();
  return (n) => {
    while (next < n) next = advance();
    return next;
  };
}

// One formatter per zone, kept for the process (a cache, nothing observable): making one costs ~50 µs, using
// it under 1 µs, where a luxon DateTime costs ~20 µs.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at instant `t` as text ('GMT+01:00', with seconds when it has them). */
function offsetAt(timeZone: string, t: number): string {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
    offsetFormats.set(timeZone, format);
  }
  const text = format.format(t);
  return text.slice(text.indexOf('GMT'));
}

/** An offset as text in ms (NaN when unreadable). */
function offsetMs(text: string): number {
  const m = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text);
  if (!m) return NaN;
  const seconds = (Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0);
  return (m[1] === '-' ? -1 : 1) * seconds * 1000;
}

function dayOf(at: DateTime, timeZone: string): Day {
  const local = at.startOf('day');
  const start = local.toMillis();
  return {
    n: Math.floor((start + local.offset * MINUTE) / DAY),
    start,
    midnight: local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0,
    offset: offsetAt(timeZone, start),
  };
}

/** The instant of a wall-clock time (minutes after midnight, 1440 = the next midnight) on a local day. */
function wallInstant(day: DateTime, minutes: number): number {
  // A wall time inside a DST gap resolves forward (luxon).
  return day
    .plus({ days: minutes >= 1440 ? 1 : 0 })
    .set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 })
    .toMillis();
}

/**
 * Local days from the one containing `from`, in order: each day's working intervals, or a whole week at once
 * when it counts its nominal working time.
 */
class Walk {
  day: Day;
  private readonly plan: Plan;
  private readonly holidayFrom: (n: number) => number;
  /** A week failed for an offset change before this instant: no use trying again until the walk passed it. */
  private changeBefore = -Infinity;

  constructor(from: number, plan: Plan) {
    this.plan = plan;
    this.day = dayOf(DateTime.fromMillis(from, { zone: plan.timeZone }), plan.timeZone);
    this.holidayFrom = holidaysFrom(this.day.n, plan);
  }

  /**
   * Steps over the week from the current day when nothing in it differs from the weekly pattern: no holiday
   * and no offset change. Its working time is then `plan.weekMs`. The offset is also checked mid-week: tzdata
   * has a change and its reversal 6 days 23 hours apart (Brazil 2000, Gaza's predicted Ramadan changes),
   * never two within half a week (1900–2100), so a change can't hide between the checks.
   */
  skipWeek(): boolean {
    const { day, plan } = this;
    if (!day.midnight || day.start < this.changeBefore || this.holidayFrom(day.n) < day.n + 7) return false;
    const end = day.start + WEEK;
    const offset = offsetAt(plan.timeZone, end);
    if (offset !== day.offset || offsetAt(plan.timeZone, day.start + WEEK / 2) !== offset) {
      this.changeBefore = end;
      return false;
    }
    this.day = { n: day.n + 7, start: end, midnight: true, offset };
    return true;
  }

  /** The current day's working intervals as absolute [start, end) instants in ms; moves to the next day. */
  nextDay(): Array<[number, number]> {
    const { day, plan } = this;
    const holiday = this.holidayFrom(day.n) === day.n;
    const spans = holiday ? [] : (plan.week[weekdayOf(day.n)] ?? []);
    if (day.midnight) {
      const end = day.start + DAY;
      const offset = offsetAt(plan.timeZone, end);
      if (offset === day.offset) {
        // No offset change today: a wall-clock minute is a real minute.
        this.day = { n: day.n + 1, start: end, midnight: true, offset };
        return spans.map(([s, e]) => [day.start + s * MINUTE, day.start + e * MINUTE]);
      }
      // The offset changes today, with no working time: only the next midnight moves, by the change.
      this.changeBefore = -Infinity;
      const next = end - (offsetMs(offset) - offsetMs(day.offset));
      if (spans.length === 0 && Number.isFinite(next) && offsetAt(plan.timeZone, next) === offset) {
        this.day = { n: day.n + 1, start: next, midnight: true, offset };
        return [];
      }
    }
    // The offset changes during working time (or midnight fell in a gap): luxon places each wall-clock time.
    // Around a gap two wall times can land on the same instant, so an interval never reaches back before the
    // previous one's end (nothing is counted twice).
    this.changeBefore = -Infinity;
    const local = DateTime.fromMillis(day.start, { zone: plan.timeZone }).startOf('day');
    const intervals: Array<[number, number]> = [];
    let reached = -Infinity;
    for (const [s, e] of spans) {
      const begin = Math.max(wallInstant(local, s), reached);
      const end = wallInstant(local, e);
      if (end > begin) intervals.push([begin, end]);
      reached = Math.max(reached, end);
    }
    this.day = dayOf(local.plus({ days: 1 }), plan.timeZone);
    return intervals;
  }
}

/**
 * The instant `minutes` of business time after `start`. Outside working hours the clock starts at the next
 * opening. Exact however far: 5,000 business hours of a 2-hour week (about 48 years) take a few milliseconds.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  const from = start.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(minutes)) {
    throw new RangeError(`No deadline ${minutes} business minutes after ${String(start)}`);
  }
  const plan = planOf(cal);
  // The policy schema requires working hours on some weekday (and holidays are finite): only code that
  // bypassed it gets here, and the walk below would never end.
  if (plan.weekMs === 0) throw new RangeError('The business calendar has no working time');
  let remaining = minutes * MINUTE;
  const walk = new Walk(from, plan);
  for (;;) {
    // More than a week left: a deadline at the very end of a week's working time is placed by the walk.
    if (remaining > plan.weekMs && walk.day.start >= from && walk.skipWeek()) {
      remaining -= plan.weekMs;
      continue;
    }
    for (const [s, e] of walk.nextDay()) {
      const begin = Math.max(s, from);
      if (begin >= e) continue;
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
  }
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  const plan = planOf(cal);
  if (plan.weekMs === 0) return 0;
  let total = 0;
  const walk = new Walk(a, plan);
  while (walk.day.start < b) {
    if (walk.day.start >= a && walk.day.start + WEEK <= b && walk.skipWeek()) {
      total += plan.weekMs;
      continue;
    }
    for (const [s, e] of walk.nextDay()) {
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
  return new Walk(t, planOf(cal)).nextDay().some(([s, e]) => t >= s && t < e);
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
