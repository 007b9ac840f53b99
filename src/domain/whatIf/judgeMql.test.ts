import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/schema.ts';
import { gradeOf, judgeMql } from './judgeMql.ts';

const { mql: RULE, scoring } = defaultPolicy(); // fit ≥ B and engagement ≥ 2; hand-raise from fit C
const BANDS = scoring.bands; // fit A 75, B 50, C 25; engagement 1 60, 2 30, 3 10

describe('judgeMql', () => {
  it.each([
    ['B2 from the scores', { fit: 60, engagement: 35 }, false, 'pass'],
    ['C2 from the scores', { fit: 40, engagement: 35 }, false, 'fail'],
    ['B3 from the scores', { fit: 60, engagement: 15 }, false, 'fail'],
    ['the scores win over a stale grade', { fit: 80, engagement: 80, grade: 'D4' }, false, 'pass'],
    ['the grade when the scores are missing', { grade: 'A2' }, false, 'pass'],
    ['a grade that is not one', { grade: 'Z9' }, false, 'unknown'],
    ['no context at all', undefined, false, 'unknown'],
    ['a hand-raise from fit C', { fit: 30, engagement: 0 }, true, 'pass'],
    ['a hand-raise from fit D', { fit: 10, engagement: 0 }, true, 'fail'],
  ] as const)('%s', (_name, context, handRaise, verdict) => {
    expect(judgeMql(context, handRaise, RULE, BANDS)).toBe(verdict);
  });

  it('no hand-raise fast track when the rule keeps no hand-raise events', () => {
    const rule = { ...RULE, handRaise: { ...RULE.handRaise, events: [] } };
    expect(judgeMql({ fit: 30, engagement: 0 }, true, rule, BANDS)).toBe('fail');
  });

  it('re-grades frozen scores with other bands', () => {
    const stricter = { ...BANDS, fit: { A: 90, B: 70, C: 40 } };
    expect(gradeOf({ fit: 60, engagement: 35 }, stricter)).toEqual({ fit: 'C', engagement: 2 });
  });
});
