// Working hours as Baton's default policy defines them (the demo portal keeps the defaults): reps work in
// them, and the SLA counts them.
import { DateTime } from 'luxon';
import { DEFAULT_POLICY } from '../../src/domain/policy/defaults.ts';
import {
  addBusinessMinutes,
  isWorkingTime,
  type BusinessCalendar,
} from '../../src/domain/sla/businessCalendar.ts';

export const CALENDAR: BusinessCalendar = {
  timeZone: DEFAULT_POLICY.timeZone,
  week: DEFAULT_POLICY.businessHours,
  holidays: DEFAULT_POLICY.holidays,
};

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** `hours` of business time after `fromMs`. */
export function afterBusinessHours(fromMs: number, hours: number): number {
  return addBusinessMinutes(new Date(fromMs), Math.round(hours * 60), CALENDAR).getTime();
}

export function isBusinessTime(atMs: number): boolean {
  return isWorkingTime(new Date(atMs), CALENDAR);
}

/** A local wall-clock time on the day of `dayMs` plus `days`, in the policy's zone (DST-correct). */
export function localTime(dayMs: number, days: number, hour: number, minute = 0): number {
  return DateTime.fromMillis(dayMs, { zone: CALENDAR.timeZone })
    .plus({ days })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toMillis();
}

/** The first working day at or after `atMs`, at `hour` local time. */
export function nextWorkingDayAt(atMs: number, hour: number): number {
  for (let d = 0; d < 14; d++) {
    const t = localTime(atMs, d, hour);
    if (t >= atMs && isBusinessTime(localTime(atMs, d, 12))) return t;
  }
  throw new Error('no working day within two weeks');
}

export function formatLocal(atMs: number): string {
  return DateTime.fromMillis(atMs, { zone: CALENDAR.timeZone }).toFormat('ccc d LLL HH:mm');
}
