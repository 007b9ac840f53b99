import { describe, expect, it } from 'vitest';
import { DAY, DEFAULT, ev, local, plus, STRONG_FIT } from '../testing/leads.ts';
import { topReasons } from './contribution.ts';
import { reasonsText, scoreCard, scoreCardChanged } from './scoreCard.ts';

const now = local('2026-03-02T12:00');

describe('topReasons', () => {
  it('the strongest first by absolute points, as "label (+n)" / "label (-n)", at most three', () => {
    expect(
      topReasons([
        { label: 'Company email', points: 10 },
        { label: 'Student or intern', points: -30 },
        { label: 'VP title', points: 20 },
        { label: 'Served country', points: 5 },
      ]),
    ).toEqual(['Student or intern (-30)', 'VP title (+20)', 'Company email (+10)']);
  });

  it('ties in alphabetical order; decayed points rounded; contributions that round to 0 dropped', () => {
    expect(
      topReasons([
        { label: 'Webinar attended', points: 7.4 },
        { label: 'Form submission', points: 7.4 },
        { label: 'Email click', points: 0.4 },
      ]),
    ).toEqual(['Form submission (+7)', 'Webinar attended (+7)']);
  });

  it('as many as asked', () => {
    expect(
      topReasons(
        [
          { label: 'a', points: 1 },
          { label: 'b', points: 2 },
        ],
        1,
      ),
    ).toEqual(['b (+2)']);
    expect(topReasons([])).toEqual([]);
  });
});

describe('scoreCard with the default model', () => {
  it('scores both axes, grades them and says why', () => {
    const card = scoreCard(
      { profile: STRONG_FIT, events: [ev('meeting_booked', now)] },
      DEFAULT.scoring,
      now,
    );
    expect(card).toEqual({
      fit: 90,
      engagement: 35,
      fitGrade: 'A',
      engagementLevel: 2,
      grade: 'A2',
      fitReasons: ['200–5,000 employees (+25)', 'Executive title (+25)', 'Core industry (+20)'],
      engagementReasons: ['Meeting booked (+35)'],
    });
    expect(reasonsText(card)).toBe(
      'Fit: 200–5,000 employees (+25), Executive title (+25), Core industry (+20) · Engagement: Meeting booked (+35)',
    );
  });

  it('a month later the meeting counts half (17.5 → 18): A3', () => {
    const card = scoreCard(
      { profile: STRONG_FIT, events: [ev('meeting_booked', plus(now, -30 * DAY))] },
      DEFAULT.scoring,
      now,
    );
    expect(card).toMatchObject({
      fit: 90,
      engagement: 18,
      grade: 'A3',
      engagementReasons: ['Meeting booked (+18)'],
    });
  });

  it('engagement before the reset does not count; fit stays', () => {
    const card = scoreCard(
      {
        profile: STRONG_FIT,
        events: [ev('meeting_booked', plus(now, -DAY))],
        engagementSince: plus(now, -DAY),
      },
      DEFAULT.scoring,
      now,
    );
    expect(card).toMatchObject({ fit: 90, engagement: 0, grade: 'A4', engagementReasons: [] });
    expect(reasonsText(card)).toMatch(/· Engagement: no signals$/);
  });
});

describe('scoreCardChanged: scores are written back only when they change', () => {
  const card = scoreCard({ profile: STRONG_FIT, events: [ev('meeting_booked', now)] }, DEFAULT.scoring, now);

  it.each([
    ['nothing written yet', null, card, true],
    [
      'the same card recomputed',
      card,
      scoreCard({ profile: STRONG_FIT, events: [ev('meeting_booked', now)] }, DEFAULT.scoring, now),
      false,
    ],
    [
      'a minute later (no visible change)',
      card,
      scoreCard(
        { profile: STRONG_FIT, events: [ev('meeting_booked', now)] },
        DEFAULT.scoring,
        plus(now, 60_000),
      ),
      false,
    ],
    ['fit changed', card, { ...card, fit: 80 }, true],
    ['engagement changed', card, { ...card, engagement: 34 }, true],
    ['grade changed', card, { ...card, grade: 'A3' }, true],
    ['only the reasons changed', card, { ...card, fitReasons: ['Core industry (+20)'] }, true],
  ])('%s → %s', (_label, previous, next, changed) => {
    expect(scoreCardChanged(previous, next)).toBe(changed);
  });
});
