import { describe, expect, it } from 'vitest';
import { parsePeriodLabel, periodAt, previousPeriod, weeksIn } from './scorecardPeriod.ts';

const NY = 'America/New_York';
const iso = (d: Date) => d.toISOString();

describe('scorecard periods', () => {
  it('reads a month, an ISO week and a quarter in the tenant’s time zone', () => {
    const month = parsePeriodLabel('2026-12', NY);
    expect(month && [month.kind, iso(month.from), iso(month.to)]).toEqual([
      'month',
      '2026-12-01T05:00:00.000Z',
      '2027-01-01T05:00:00.000Z',
    ]);
    const week = parsePeriodLabel('2026-W49', 'UTC');
    expect(week && [week.kind, iso(week.from), iso(week.to)]).toEqual([
      'week',
      '2026-11-30T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
    const quarter = parsePeriodLabel('2026-Q4', 'UTC');
    expect(quarter && [iso(quarter.from), iso(quarter.to)]).toEqual([
      '2026-10-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });

  it('crosses a daylight-saving change by the calendar, not by 24-hour days', () => {
    const march = parsePeriodLabel('2026-03', NY);
    expect(march && (march.to.getTime() - march.from.getTime()) / 3_600_000).toBe(31 * 24 - 1);
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-W54',
    '2025-W53',
    '2026-W00',
    '2026-Q5',
    '26-12',
    'december',
    '',
    '2026-12-01',
  ])('refuses %j', (label) => expect(parsePeriodLabel(label, 'UTC')).toBeNull());

  it('accepts week 53 only in a year that has one (2026 starts on a Thursday, 2025 on a Wednesday)', () => {
    expect(parsePeriodLabel('2026-W53', 'UTC')?.label).toBe('2026-W53');
    expect(parsePeriodLabel('2025-W53', 'UTC')).toBeNull();
  });

  it('finds the period holding an instant, and the one before (across a year)', () => {
    const at = new Date('2027-01-01T03:00:00Z'); // still 31 December in New York
    expect(periodAt('month', at, NY).label).toBe('2026-12');
    expect(periodAt('quarter', at, NY).label).toBe('2026-Q4');
    expect(periodAt('week', at, NY).label).toBe('2026-W53');
    const jan = parsePeriodLabel('2027-01', NY);
    expect(jan && previousPeriod(jan, NY).label).toBe('2026-12');
    const w1 = parsePeriodLabel('2027-W01', 'UTC');
    expect(w1 && previousPeriod(w1, 'UTC').label).toBe('2026-W53');
    const q1 = parsePeriodLabel('2027-Q1', 'UTC');
    expect(q1 && previousPeriod(q1, 'UTC').label).toBe('2026-Q4');
  });

  it('measures a period in weeks', () => {
    const week = parsePeriodLabel('2026-W10', 'UTC');
    expect(week && weeksIn(week)).toBe(1);
  });
});
