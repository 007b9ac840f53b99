import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsOf } from './buckets.ts';
import { PERIOD, t } from './testRows.ts';

describe('buckets', () => {
  it.each([
    ['03-04 23:59', 'day', '2025-03-04'],
    ['03-05 00:00', 'day', '2025-03-05'],
    ['03-03 00:00', 'week', '2025-03-03'], // a Monday starts its own week
    ['03-09 23:59', 'week', '2025-03-03'], // Sunday belongs to the week before
    ['03-10 00:00', 'week', '2025-03-10'],
    ['01-01 12:00', 'week', '2024-12-30'], // ISO week 1 of 2025 starts in 2024
  ] as const)('%s by %s → %s', (at, size, expected) => {
    expect(bucketOf(t(at), size)).toBe(expected);
  });

  it.each([
    ['two ISO weeks', PERIOD, 'week', ['2025-03-03', '2025-03-10']],
    [
      'days, partial first and last day',
      { from: t('03-04 12:00'), to: t('03-06 06:00') },
      'day',
      ['2025-03-04', '2025-03-05', '2025-03-06'],
    ],
    [
      'a period starting mid-week starts with that week',
      { from: t('03-05 00:00'), to: t('03-11 00:00') },
      'week',
      ['2025-03-03', '2025-03-10'],
    ],
    ['an empty period has none', { from: t('03-05 00:00'), to: t('03-05 00:00') }, 'day', []],
  ] as const)('%s', (_, period, size, expected) => {
    expect(bucketsOf(period, size)).toEqual(expected);
  });

  it('fourteen days in two weeks', () => {
    expect(bucketsOf(PERIOD, 'day')).toHaveLength(14);
  });
});
