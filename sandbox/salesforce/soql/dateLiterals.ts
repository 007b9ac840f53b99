// Relative date literals as ranges in the org's time zone: TODAY is [start of today, start of tomorrow).
// LAST_N_DAYS:n runs from the start of the day n days ago through the end of today; NEXT_N_DAYS:n from the
// start of tomorrow through the end of the day n days ahead.
import { addDays, dateIn, startOfDay } from '../model/sfDates.ts';

export interface DayRange {
  /** First and last calendar day, inclusive. */
  firstDay: string;
  lastDay: string;
  /** The same range as epoch ms: [startMs, endMs). */
  startMs: number;
  endMs: number;
}

export function dateLiteralRange(name: string, n: number, now: number, timeZone: string): DayRange {
  const today = dateIn(now, timeZone);
  const [first, last] = ((): [string, string] => {
    switch (name) {
      case 'YESTERDAY':
        return [addDays(today, -1), addDays(today, -1)];
      case 'TOMORROW':
        return [addDays(today, 1), addDays(today, 1)];
      case 'LAST_N_DAYS':
        return [addDays(today, -n), today];
      case 'NEXT_N_DAYS':
        return [addDays(today, 1), addDays(today, n)];
      default:
        return [today, today];
    }
  })();
  return {
    firstDay: first,
    lastDay: last,
    startMs: startOfDay(first, timeZone),
    endMs: startOfDay(addDays(last, 1), timeZone),
  };
}
