// A picked calendar day starts at midnight in the tenant's zone, not in UTC.
import { describe, expect, it } from 'vitest';
import { startOfDayIn } from './calendarDay.ts';

describe('startOfDayIn', () => {
  it('is midnight in the tenant zone', () => {
    expect(startOfDayIn('2026-12-03', 'America/New_York').toISOString()).toBe('2026-12-03T05:00:00.000Z');
    expect(startOfDayIn('2026-12-03', 'Asia/Tokyo').toISOString()).toBe('2026-12-02T15:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(startOfDayIn('2026-07-03', 'America/New_York').toISOString()).toBe('2026-07-03T04:00:00.000Z');
  });
});
