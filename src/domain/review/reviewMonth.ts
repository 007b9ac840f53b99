// The month a review covers, written YYYY-MM and read in the tenant's time zone, so "December" starts at
// midnight where the team works. A month that has not started yet has nothing to review: invalid input.
import { DateTime } from 'luxon';
import { businessMinutesBetween, type BusinessCalendar } from '../sla/businessCalendar.ts';
import {
  parsePeriodLabel,
  periodAt,
  previousPeriod,
  type ScorecardPeriod,
} from '../scorecard/scorecardPeriod.ts';

/** A month as the scorecard names and bounds it (2026-12, in the tenant's zone). */
export type ReviewMonth = ScorecardPeriod;

export type MonthProblem = 'malformed' | 'future';

/** The month `label` names in `timeZone`, or why it cannot be reviewed at `now`. */
export function parseReviewMonth(
  label: string,
  timeZone: string,
  now: Date,
): { ok: true; month: ReviewMonth } | { ok: false; problem: MonthProblem; message: string } {
  const month = parsePeriodLabel(label, timeZone);
  const year = month?.from.getUTCFullYear() ?? 0;
  if (!month || month.kind !== 'month' || year < 1970 || year > 9999)
    return {
      ok: false,
      problem: 'malformed',
      message: `month must be YYYY-MM (e.g. 2026-11), not "${label}"`,
    };
  if (month.from.getTime() > now.getTime())
    return { ok: false, problem: 'future', message: `month ${label} has not started yet: nothing to review` };
  return { ok: true, month };
}

/** The month holding `at`, in `timeZone`. */
export const monthAt = (at: Date, timeZone: string): ReviewMonth => periodAt('month', at, timeZone);

/** The month before `month`. */
export const previousMonth = (month: ReviewMonth, timeZone: string): ReviewMonth =>
  previousPeriod(month, timeZone);

/** The first local day of `month` with any working time (weekends and holidays skipped), as YYYY-MM-DD. */
export function firstWorkingDay(month: ReviewMonth, cal: BusinessCalendar): string | null {
  let day = DateTime.fromJSDate(month.from, { zone: cal.timeZone }).startOf('day');
  const end = DateTime.fromJSDate(month.to, { zone: cal.timeZone });
  for (; day < end; day = day.plus({ days: 1 })) {
    const iso = day.toISODate();
    if (iso && !cal.holidays.includes(iso) && hasWorkingTime(day, cal)) return iso;
  }
  return null;
}

const hasWorkingTime = (day: DateTime, cal: BusinessCalendar): boolean =>
  businessMinutesBetween(day.toJSDate(), day.plus({ days: 1 }).toJSDate(), cal) > 0;

/** The local calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
export const localDay = (at: Date, timeZone: string): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? '';
