import { describe, expect, it } from 'vitest';
import { hygieneVerdict, stalledAt, wentDarkAt, type HygieneRules, type MeasuredCycle } from './hygiene.ts';
import type { Stage } from './stages.ts';
import { DAY, DEFAULT, local, plus } from './testing/leads.ts';

const rules: HygieneRules = { stalledFactor: 2, stalledFallbackDays: 90, wentDarkDays: 30 };
const entered = local('2026-02-02T10:00');
const day = (n: number) => plus(entered, n * DAY);

describe('the hygiene rules', () => {
  it('default to k = 2 and 30 days without activity', () => {
    expect(DEFAULT.hygiene).toEqual(rules);
  });
});

describe('stalledAt: k × the measured median time in the stage', () => {
  it.each([
    ['measured median 10 days, k = 2', 'accepted', { accepted: 10 }, rules, 20],
    ['measured median 12.5 days, k = 2', 'qualified', { qualified: 12.5 }, rules, 25],
    ['k = 3', 'accepted', { accepted: 5 }, { ...rules, stalledFactor: 3 }, 15],
    ['unmeasured: the fallback days', 'accepted', {}, rules, 90],
    ['measured for another stage only: the fallback', 'qualified', { accepted: 10 }, rules, 90],
    ['a median of 0 means not measured', 'accepted', { accepted: 0 }, rules, 90],
  ] as Array<[string, Stage, MeasuredCycle, HygieneRules, number]>)('%s', (_l, stage, measured, r, days) => {
    expect(stalledAt(stage, entered, r, measured)).toEqual(day(days));
  });
});

describe('wentDarkAt', () => {
  it('is D days after the last activity', () => {
    expect(wentDarkAt(entered, rules)).toEqual(day(30));
    expect(wentDarkAt(entered, { ...rules, wentDarkDays: 10 })).toEqual(day(10));
  });
});

describe('hygieneVerdict', () => {
  const measured: MeasuredCycle = { accepted: 10, qualified: 20 };
  it.each([
    ['accepted, busy, before 2 × median', 'accepted', day(15), measured, day(19), null],
    ['accepted, busy, at 2 × median', 'accepted', day(15), measured, day(20), 'stalled'],
    ['qualified, busy, before 2 × median', 'qualified', day(30), measured, day(39), null],
    ['qualified, busy, at 2 × median', 'qualified', day(30), measured, day(40), 'stalled'],
    ['unmeasured: stalled only after the fallback', 'qualified', day(80), {}, day(89), null],
    ['unmeasured: stalled at the fallback', 'qualified', day(80), {}, day(90), 'stalled'],
    ['quiet for 30 days', 'accepted', day(5), {}, day(35), 'went_dark'],
    ['quiet for a millisecond less', 'accepted', day(5), {}, plus(day(35), -1), null],
    ['never any activity: quiet since the stage began', 'qualified', null, {}, day(30), 'went_dark'],
    ['went dark is told before stalled', 'accepted', null, measured, day(30), 'went_dark'],
    ['assigned leads are the SLA’s business', 'assigned', null, measured, day(400), null],
    ['recycled leads are out of the funnel', 'recycled', null, measured, day(400), null],
    ['mql', 'mql', null, measured, day(400), null],
  ] as Array<[string, Stage, Date | null, MeasuredCycle, Date, string | null]>)(
    '%s',
    (_label, stage, lastActivityAt, m, now, verdict) => {
      expect(hygieneVerdict({ stage, stageEnteredAt: entered, lastActivityAt }, rules, m, now)).toBe(verdict);
    },
  );

  it('follows a tenant’s own went-dark days', () => {
    const lead = { stage: 'accepted' as const, stageEnteredAt: entered, lastActivityAt: day(1) };
    expect(hygieneVerdict(lead, { ...rules, wentDarkDays: 10 }, {}, day(11))).toBe('went_dark');
    expect(hygieneVerdict(lead, rules, {}, day(11))).toBeNull();
  });
});
