import { describe, expect, it } from 'vitest';
import { median, p90, quantile, ratio } from './stats.ts';

describe('stats', () => {
  it.each([
    ['no values', [], null],
    ['one value', [5], 5],
    ['odd count: the middle value', [3, 1, 2], 2],
    ['even count: the mean of the two middle values', [4, 1, 3, 2], 2.5],
    ['even count, unsorted, with repeats', [10, 0, 10, 0], 5],
  ])('median of %s', (_, values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [[], null],
    [[7], 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9.1],
    [[0, 100], 90],
  ])('p90 of %j is %s', (values, expected) => {
    const got = p90(values);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });

  it('quantile 0 and 1 are the extremes', () => {
    expect(quantile([3, 9, 1], 0)).toBe(1);
    expect(quantile([3, 9, 1], 1)).toBe(9);
  });

  it.each([
    [1, 4, 0.25],
    [0, 4, 0],
    [1, 0, null],
    [0, 0, null],
  ])('ratio(%i, %i) = %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});
