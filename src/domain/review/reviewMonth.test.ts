import { describe, expect, it } from 'vitest';
import { firstWorkingDay, monthAt, parseReviewMonth, previousMonth } from './reviewMonth.ts';
import { calendar } from '../testing/leads.ts';

const NOW = new Date('2026-12-08T16:00:00Z');
const CAL = calendar({ holidays: ['2027-01-01'] });

describe('parseReviewMonth', () => {
  it('reads the month in the tenant’s time zone, half-open', () => {
    const r = parseReviewMonth('2026-11', 'America/New_York', NOW);
    expect(r).toEqual({
      ok: true,
      month: {
        kind: 'month',
        label: '2026-11',
        from: new Date('2026-11-01T04:00:00Z'),
        to: new Date('2026-12-01T05:00:00Z'),
      },
    });
  });

  it('accepts the running month (figures to date)', () => {
    expect(parseReviewMonth('2026-12', 'UTC', NOW).ok).toBe(true);
  });

  it.each([
    '2026-13',
    '2026-1',
    '26-11',
    '2026-11-01',
    '',
    'november',
    '0000-01',
    '2026-00',
    '2026-W49',
    '2026-Q4',
  ])('refuses the malformed month %j, naming the expected shape', (label) => {
    const r = parseReviewMonth(label, 'UTC', NOW);
    expect(r).toMatchObject({ ok: false, problem: 'malformed' });
    if (!r.ok) expect(r.message).toContain('YYYY-MM');
  });

  it('refuses a month that has not started', () => {
    const r = parseReviewMonth('2027-01', 'UTC', NOW);
    expect(r).toMatchObject({ ok: false, problem: 'future' });
    if (!r.ok) expect(r.message).toContain('2027-01');
  });
});

describe('months and working days', () => {
  it('finds the month holding an instant and the one before it, across a year', () => {
    const jan = monthAt(new Date('2027-01-15T12:00:00Z'), 'UTC');
    expect(jan.label).toBe('2027-01');
    expect(previousMonth(jan, 'UTC').label).toBe('2026-12');
  });

  it.each([
    ['2026-11', '2026-11-02'], // 1 Nov 2026 is a Sunday
    ['2026-12', '2026-12-01'], // a Tuesday
    ['2027-01', '2027-01-04'], // New Year's Day is a holiday, then a weekend
    ['2026-08', '2026-08-03'], // Saturday the 1st
  ])('the first working day of %s is %s', (label, day) => {
    const r = parseReviewMonth(label, CAL.timeZone, new Date('2030-01-01T00:00:00Z'));
    if (!r.ok) throw new Error(r.message);
    expect(firstWorkingDay(r.month, CAL)).toBe(day);
  });

  it('a month with no working time has no first working day', () => {
    const r = parseReviewMonth('2026-11', 'UTC', NOW);
    if (!r.ok) throw new Error(r.message);
    expect(
      firstWorkingDay(r.month, {
        ...CAL,
        timeZone: 'UTC',
        week: { ...CAL.week, mon: [], tue: [], wed: [], thu: [], fri: [] },
      }),
    ).toBeNull();
  });
});
