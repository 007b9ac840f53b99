import { describe, expect, it } from 'vitest';
import {
  daysIn,
  firstDay,
  formatLabel,
  lastDayReached,
  nextPeriod,
  parseLabel,
  periodHolding,
  periodName,
  type PeriodLabel,
} from './periodLabel.ts';

const parsed = (label: string): PeriodLabel => {
  const p = parseLabel(label);
  if (!p) throw new Error(`not a label: ${label}`);
  return p;
};

describe('scorecard period labels in the console', () => {
  it.each([
    ['2026-12', '2027-01'],
    ['2026-11', '2026-12'],
    ['2026-Q4', '2027-Q1'],
    ['2026-Q1', '2026-Q2'],
    ['2026-W49', '2026-W50'],
    ['2026-W52', '2026-W53'],
    ['2026-W53', '2027-W01'],
    ['2020-W53', '2021-W01'],
  ])('steps %s to %s', (label, next) => {
    expect(formatLabel(nextPeriod(parsed(label)))).toBe(next);
  });

  it('refuses what the API refuses', () => {
    for (const bad of ['2026-13', '2026-W60', '2025-W53', '2026-Q5', 'abc', '2026-1', ''])
      expect(parseLabel(bad)).toBeNull();
  });

  it('knows the first day, the length and the name of a period', () => {
    expect(firstDay(parsed('2026-W48'))).toBe('2026-11-23');
    expect(firstDay(parsed('2027-W01'))).toBe('2027-01-04');
    expect(firstDay(parsed('2026-Q4'))).toBe('2026-10-01');
    expect(daysIn(parsed('2026-11'))).toBe(30);
    expect(daysIn(parsed('2026-W50'))).toBe(7);
    expect(periodName(parsed('2026-11'))).toBe('November 2026');
    expect(periodName(parsed('2026-W48'))).toBe('Week 48 of 2026');
    expect(periodName(parsed('2026-Q4'))).toBe('Q4 2026');
  });

  it('switches kind from the last day the period reached', () => {
    expect(lastDayReached(parsed('2026-11'), 1)).toBe('2026-11-30');
    expect(lastDayReached(parsed('2026-12'), 0.2406)).toBe('2026-12-08');
    expect(formatLabel(periodHolding('week', '2026-11-30'))).toBe('2026-W49');
    expect(formatLabel(periodHolding('week', '2026-12-31'))).toBe('2026-W53');
    expect(formatLabel(periodHolding('week', '2027-01-02'))).toBe('2026-W53');
    expect(formatLabel(periodHolding('quarter', '2026-12-08'))).toBe('2026-Q4');
    expect(formatLabel(periodHolding('month', '2026-11-29'))).toBe('2026-11');
  });
});
