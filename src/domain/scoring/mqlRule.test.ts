import { describe, expect, it } from 'vitest';
import { DAY, DEFAULT, ev, local, plus } from '../testing/leads.ts';
import type { EngagementLevel, FitGrade } from './grade.ts';
import { mqlVerdict } from './mqlRule.ts';
import type { EngagementEvent } from './profile.ts';

const now = local('2026-03-02T12:00');
const ago = (days: number) => plus(now, -days * DAY);
const rule = DEFAULT.mql;

describe('the default MQL rule', () => {
  it('is fit ≥ B and engagement level ≤ 2, or a demo/contact-sales hand-raise from fit ≥ C within 30 days', () => {
    expect(rule).toEqual({
      minFitGrade: 'B',
      minEngagementLevel: 2,
      handRaise: { events: ['demo_request', 'contact_sales'], minFitGrade: 'C', withinDays: 30 },
    });
  });
});

describe('mqlVerdict', () => {
  it.each<[string, FitGrade, EngagementLevel, EngagementEvent[], Date | null, ReturnType<typeof mqlVerdict>]>(
    [
      ['A1 by score', 'A', 1, [], null, { qualified: true, via: 'score' }],
      ['B2 by score (the edge on both axes)', 'B', 2, [], null, { qualified: true, via: 'score' }],
      ['B3: not engaged enough', 'B', 3, [], null, { qualified: false }],
      ['C1: not a good enough fit', 'C', 1, [], null, { qualified: false }],
      ['D1', 'D', 1, [], null, { qualified: false }],
      [
        'C4 with a demo request 10 days ago',
        'C',
        4,
        [ev('demo_request', ago(10))],
        null,
        { qualified: true, via: 'hand_raise' },
      ],
      [
        'C4 with a contact-sales form today',
        'C',
        4,
        [ev('contact_sales', now)],
        null,
        { qualified: true, via: 'hand_raise' },
      ],
      [
        'hand-raise exactly at the edge of the 30-day window',
        'C',
        4,
        [ev('demo_request', ago(30))],
        null,
        { qualified: true, via: 'hand_raise' },
      ],
      [
        'hand-raise just outside the window',
        'C',
        4,
        [ev('demo_request', plus(ago(30), -1))],
        null,
        { qualified: false },
      ],
      [
        'a D-fit lead asking for a demo is not fast-tracked',
        'D',
        4,
        [ev('demo_request', now)],
        null,
        { qualified: false },
      ],
      [
        'a meeting booked is not a hand-raise',
        'C',
        4,
        [ev('meeting_booked', now)],
        null,
        { qualified: false },
      ],
      [
        'a hand-raise before the last reset does not count',
        'C',
        4,
        [ev('demo_request', ago(10))],
        ago(5),
        { qualified: false },
      ],
      [
        'a hand-raise exactly at the reset does not count',
        'C',
        4,
        [ev('demo_request', ago(5))],
        ago(5),
        { qualified: false },
      ],
      [
        'a hand-raise after the reset counts',
        'C',
        4,
        [ev('demo_request', ago(4))],
        ago(5),
        { qualified: true, via: 'hand_raise' },
      ],
      [
        'a hand-raise stamped after now does not count',
        'C',
        4,
        [ev('demo_request', plus(now, 1))],
        null,
        { qualified: false },
      ],
      [
        'a hand-raise from a qualifying lead is told as a hand-raise',
        'A',
        1,
        [ev('demo_request', now)],
        null,
        { qualified: true, via: 'hand_raise' },
      ],
    ],
  )('%s', (_label, fitGrade, engagementLevel, events, since, verdict) => {
    expect(mqlVerdict({ fitGrade, engagementLevel }, events, rule, { now, since })).toEqual(verdict);
  });

  it('follows the tenant rule', () => {
    const strict = { ...rule, minFitGrade: 'A' as const, minEngagementLevel: 1 as const };
    expect(mqlVerdict({ fitGrade: 'B', engagementLevel: 1 }, [], strict, { now })).toEqual({
      qualified: false,
    });
    expect(mqlVerdict({ fitGrade: 'A', engagementLevel: 1 }, [], strict, { now })).toEqual({
      qualified: true,
      via: 'score',
    });
    const dFast = { ...rule, handRaise: { ...rule.handRaise, minFitGrade: 'D' as const } };
    expect(
      mqlVerdict({ fitGrade: 'D', engagementLevel: 4 }, [ev('demo_request', now)], dFast, { now }),
    ).toEqual({
      qualified: true,
      via: 'hand_raise',
    });
  });
});
