import { describe, expect, it } from 'vitest';
import { journey, PERIOD } from './testRows.ts';
import { winProbability, type StageWinProbability } from './winProbability.ts';

const rows = [
  ...journey('W1', [
    ['03-03 09:00', 'mql'],
    ['03-03 09:00', 'assigned'],
    ['03-04 09:00', 'accepted'],
    ['03-05 09:00', 'qualified'],
    ['03-10 09:00', 'won'],
  ]),
  ...journey('W2', [
    ['03-03 10:00', 'mql'],
    ['03-03 10:00', 'assigned'],
    ['03-04 10:00', 'accepted'],
    ['03-05 10:00', 'qualified'],
    ['03-08 10:00', 'lost'],
    ['03-08 10:00', 'recycled', { cause: 'closed_lost', reason: 'closed_lost' }],
  ]),
  // two tries: the first ends recycled (a loss), the second is won
  ...journey('W3', [
    ['03-03 11:00', 'mql'],
    ['03-03 11:00', 'assigned'],
    ['03-04 11:00', 'returned', { reason: 'not_ready' }],
    ['03-04 11:00', 'recycled', { cause: 'rep_returned', reason: 'not_ready' }],
    ['03-12 11:00', 'mql', { cause: 're_engaged' }],
    ['03-12 11:00', 'assigned'],
    ['03-13 11:00', 'accepted'],
    ['03-14 11:00', 'qualified'],
    ['03-16 11:00', 'won'],
  ]),
  // still open at the end: left out
  ...journey('W4', [
    ['03-04 12:00', 'mql'],
    ['03-04 12:00', 'assigned'],
  ]),
  // won only after the period's end: still open
  ...journey('W5', [
    ['03-06 13:00', 'qualified'],
    ['03-20 13:00', 'won'],
  ]),
  ...journey('W6', [
    ['03-05 14:00', 'mql'],
    ['03-05 14:00', 'assigned'],
    ['03-06 14:00', 'returned', { reason: 'spam' }],
    ['03-06 14:00', 'disqualified', { cause: 'rep_returned', reason: 'spam' }],
  ]),
];

const configured = { mql: 0.05, assigned: 0.1, accepted: 0.2, qualified: 0.4 };

// Tries in the period, by stage: mql and assigned W1 ✓, W2 ✗, W3 ✗ then ✓, W4 open, W6 ✗ → 2 of 5;
// accepted W1 ✓, W2 ✗, W3 ✓ → 2 of 3; qualified W1 ✓, W2 ✗, W3 ✓, W5 open → 2 of 3.
const counts = {
  mql: { entered: 6, decided: 5, won: 2 },
  assigned: { entered: 6, decided: 5, won: 2 },
  accepted: { entered: 3, decided: 3, won: 2 },
  qualified: { entered: 4, decided: 3, won: 2 },
};

describe('winProbability', () => {
  it.each<[string, number | undefined, Record<string, number | null>]>([
    [
      'every stage at or above a minimum of 3',
      3,
      { mql: 0.4, assigned: 0.4, accepted: 2 / 3, qualified: 2 / 3 },
    ],
    [
      'a minimum of 4: accepted and qualified not enough',
      4,
      { mql: 0.4, assigned: 0.4, accepted: null, qualified: null },
    ],
    [
      'the default minimum of 20: not enough history anywhere',
      undefined,
      { mql: null, assigned: null, accepted: null, qualified: null },
    ],
  ])('%s', (_, minSample, measured) => {
    const got = winProbability(rows, { period: PERIOD, configured, minSample });
    expect(got.map((s) => s.stage)).toEqual(['mql', 'assigned', 'accepted', 'qualified']);
    for (const s of got) {
      const m = measured[s.stage] ?? null;
      expect(s).toMatchObject({ ...counts[s.stage], configured: configured[s.stage], measured: m });
      if (m === null) expect(s.difference).toBeNull();
      else expect(s.difference).toBeCloseTo(m - configured[s.stage], 10);
    }
  });

  it('a stage the policy has no configured value for has no difference', () => {
    const got = winProbability(rows, { period: PERIOD, configured: {}, minSample: 1 });
    expect(got[0]).toMatchObject<Partial<StageWinProbability>>({
      measured: 0.4,
      configured: null,
      difference: null,
    });
  });

  it('no rows: nothing entered, nothing measured', () => {
    for (const s of winProbability([], { period: PERIOD, configured, minSample: 0 })) {
      expect(s).toMatchObject({ entered: 0, decided: 0, won: 0, measured: null, difference: null });
    }
  });
});
