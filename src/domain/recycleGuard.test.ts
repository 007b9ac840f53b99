import { describe, expect, it } from 'vitest';
import { recycleExhausts, reMqlCheck, reMqlNotBefore, type RecycleRules } from './recycleGuard.ts';
import { DAY, DEFAULT, ev, local, plus } from './testing/leads.ts';

const rules: RecycleRules = { cooldownDays: 30, maxRecycles: 3 };
const recycledAt = local('2026-01-23T10:00');
const day = (n: number) => plus(recycledAt, n * DAY);

describe('the recycle rules', () => {
  it('default to a 30-day cooldown and at most 3 recycles', () => {
    expect(DEFAULT.recycle).toMatchObject(rules);
  });
});

describe('reMqlNotBefore', () => {
  it.each([
    ['no re-engage date: the 30-day cooldown', null, 30],
    ['a re-engage date after the cooldown wins', 60, 60],
    ['a re-engage date inside the cooldown does not shorten it', 10, 30],
  ])('%s', (_label, reengageDay, expectedDay) => {
    expect(
      reMqlNotBefore({ recycledAt, reengageAt: reengageDay === null ? null : day(reengageDay) }, rules),
    ).toEqual(day(expectedDay));
  });

  it('follows the tenant cooldown', () => {
    expect(reMqlNotBefore({ recycledAt, reengageAt: null }, { ...rules, cooldownDays: 7 })).toEqual(day(7));
    expect(reMqlNotBefore({ recycledAt, reengageAt: null }, { ...rules, cooldownDays: 0 })).toEqual(
      recycledAt,
    );
  });
});

describe('reMqlCheck', () => {
  const at = (ms: number) => plus(recycledAt, ms);
  it.each([
    [
      'inside the cooldown, even with new engagement',
      [day(5)],
      null,
      day(10),
      { allowed: false, why: 'cooldown' },
    ],
    [
      'after the cooldown, no engagement at all',
      [],
      null,
      day(31),
      { allowed: false, why: 'no_new_engagement' },
    ],
    [
      'after the cooldown, only engagement from before the recycle',
      [day(-1)],
      null,
      day(31),
      { allowed: false, why: 'no_new_engagement' },
    ],
    [
      'engagement exactly at the recycle instant is not new',
      [recycledAt],
      null,
      day(31),
      { allowed: false, why: 'no_new_engagement' },
    ],
    ['engagement a millisecond after the recycle is new', [at(1)], null, day(31), { allowed: true }],
    ['engagement during the cooldown counts once it is over', [day(20)], null, day(31), { allowed: true }],
    ['exactly at the end of the cooldown', [day(29)], null, day(30), { allowed: true }],
    [
      'engagement stamped after now does not count',
      [day(40)],
      null,
      day(31),
      { allowed: false, why: 'no_new_engagement' },
    ],
    ['before a later re-engage date', [day(40)], day(60), day(45), { allowed: false, why: 'cooldown' }],
    ['after the re-engage date', [day(40)], day(60), day(61), { allowed: true }],
  ])('%s', (_label, times, reengageAt, now, expected) => {
    const engagement = times.map((t) => ev('page_view', t));
    expect(reMqlCheck({ recycledAt, reengageAt }, engagement, rules, now)).toEqual(expected);
  });
});

describe('recycleExhausts', () => {
  it.each([
    [0, 3, false],
    [1, 3, false],
    [2, 3, false], // the 3rd recycle is still allowed
    [3, 3, true], // the 4th would pass the maximum: disqualified as exhausted
    [7, 3, true],
    [0, 0, true],
    [0, 1, false],
    [1, 1, true],
  ])('recycled %i times, at most %i → exhausted: %s', (count, maxRecycles, exhausted) => {
    expect(recycleExhausts(count, { cooldownDays: 30, maxRecycles })).toBe(exhausted);
  });
});
