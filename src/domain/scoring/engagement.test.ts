import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGAGEMENT_RULES } from '../policy/defaults.ts';
import { DAY, ev, local, plus } from '../testing/leads.ts';
import { decayFactor, scoreEngagement, type EngagementRule } from './engagement.ts';
import type { EngagementEvent } from './profile.ts';

const now = local('2026-03-02T12:00');
const ago = (days: number) => plus(now, -days * DAY);
const demo40: EngagementRule = { id: 'demo', label: 'Demo request', event: 'demo_request', points: 40 };
const score = (events: EngagementEvent[], rules: EngagementRule[] = [demo40], since: Date | null = null) =>
  scoreEngagement(events, rules, { now, halfLifeDays: 30, since });

describe('decayFactor (half-life)', () => {
  it.each([
    [0, 1],
    [30, 0.5],
    [60, 0.25],
    [90, 0.125],
    [15, Math.SQRT1_2],
  ])('an event %i days old at a 30-day half-life weighs %d', (days, factor) => {
    expect(decayFactor(ago(days), now, 30)).toBeCloseTo(factor, 12);
  });

  it('an event in the future does not weigh more than a fresh one', () => {
    expect(decayFactor(plus(now, DAY), now, 30)).toBe(1);
  });
});

describe('scoreEngagement', () => {
  it.each([
    ['a fresh demo request counts in full', [ev('demo_request', now)], 40],
    ['one half-life old counts half', [ev('demo_request', ago(30))], 20],
    ['two half-lives old counts a quarter', [ev('demo_request', ago(60))], 10],
    ['half a half-life old: 40/√2 ≈ 28.3', [ev('demo_request', ago(15))], 28],
    ['a year old has decayed to nothing', [ev('demo_request', ago(365))], 0],
    ['two fresh ones add up', [ev('demo_request', now), ev('demo_request', ago(30))], 60],
    ['an event after now is ignored', [ev('demo_request', plus(now, 1))], 0],
    ['other event types do not match the rule', [ev('page_view', now)], 0],
  ])('%s', (_label, events, expected) => {
    expect(score(events).score).toBe(expected);
  });

  it('maxCount keeps the most recent events', () => {
    const pv: EngagementRule = { id: 'pv', label: 'Page view', event: 'page_view', points: 8, maxCount: 2 };
    // Shuffled on purpose: the two most recent are now (8) and 30 days ago (4).
    const events = [
      ev('page_view', ago(60)),
      ev('page_view', now),
      ev('page_view', ago(90)),
      ev('page_view', ago(30)),
    ];
    expect(score(events, [pv])).toEqual({
      score: 12,
      contributions: [{ label: '2 × Page view', points: 12 }],
    });
    expect(score(events, [{ ...pv, maxCount: undefined }]).score).toBe(15); // 8 + 4 + 2 + 1
  });

  it('detailContains matches the detail case-insensitively', () => {
    const pricing: EngagementRule = {
      id: 'pricing',
      label: 'Pricing page view',
      event: 'page_view',
      detailContains: '/pricing',
      points: 10,
    };
    const events = [
      ev('page_view', now, 'https://acme.io/Pricing'),
      ev('page_view', now, 'https://acme.io/blog'),
      ev('page_view', now),
    ];
    expect(score(events, [pricing])).toEqual({
      score: 10,
      contributions: [{ label: 'Pricing page view', points: 10 }],
    });
  });

  it('only events after `since` (the last engagement reset) count', () => {
    const since = ago(5);
    expect(score([ev('demo_request', since)], [demo40], since).score).toBe(0);
    expect(score([ev('demo_request', ago(6))], [demo40], since).score).toBe(0);
    const justAfter = plus(since, 1);
    // Only the one just after counts: 40 × 0.5^(5/30) ≈ 35.6 → 36 (both would make 71).
    expect(score([ev('demo_request', since), ev('demo_request', justAfter)], [demo40], since).score).toBe(36);
  });

  it.each([
    ['a demo request less an unsubscribe', [ev('demo_request', now), ev('unsubscribe', now)], 15],
    ['an unsubscribe alone does not go below 0', [ev('unsubscribe', now)], 0],
    [
      'meeting 35, bounce −20, careers −10, and the careers view is still a page view +2',
      [ev('meeting_booked', now), ev('email_bounce', now), ev('page_view', now, '/careers')],
      7,
    ],
    [
      'three demo requests cap at 100',
      [ev('demo_request', now), ev('demo_request', now), ev('demo_request', now)],
      100,
    ],
  ])('default rules with negative signals: %s', (_label, events, expected) => {
    expect(score(events, DEFAULT_ENGAGEMENT_RULES).score).toBe(expected);
  });

  it('says which rules contributed, with counts', () => {
    const events = [
      ev('demo_request', now),
      ev('demo_request', now),
      ev('demo_request', now),
      ev('unsubscribe', now),
    ];
    expect(score(events, DEFAULT_ENGAGEMENT_RULES).contributions).toEqual([
      { label: '3 × Demo request', points: 135 },
      { label: 'Unsubscribed', points: -30 },
    ]);
  });
});
