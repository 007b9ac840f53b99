import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../ledger.ts';
import type { Stage } from '../stages.ts';
import { journey, PERIOD, type Step } from './testRows.ts';
import { velocity, type StageVelocity } from './velocity.ts';

const acceptedFor = (leadId: string, enteredAt: string, next: Step): LedgerEntry[] =>
  journey(leadId, [[enteredAt, 'accepted'], next]);

// Left accepted in the period after 24 h, 48 h and 120 h (L3 entered before the period); L4 and L5 still
// sit there at the end (168 h and 24 h); L6 left before the period.
const accepted = [
  ...acceptedFor('L1', '03-04 00:00', ['03-05 00:00', 'qualified']),
  ...acceptedFor('L2', '03-04 00:00', ['03-06 00:00', 'qualified']),
  ...acceptedFor('L3', '02-27 00:00', ['03-04 00:00', 'lost']),
  ...acceptedFor('L4', '03-10 00:00', ['03-20 00:00', 'qualified']),
  ...journey('L5', [['03-16 00:00', 'accepted']]),
  ...acceptedFor('L6', '02-01 00:00', ['02-10 00:00', 'qualified']),
];

const stage = (rows: LedgerEntry[], s: Stage): StageVelocity | undefined =>
  velocity(rows, PERIOD).find((v) => v.stage === s);

describe('velocity', () => {
  it('odd count: median is the middle visit; stagnant are those sitting longer than it', () => {
    const v = stage(accepted, 'accepted');
    expect(v).toMatchObject({ samples: 3, medianHours: 48, current: 2, stagnant: 1 });
    expect(v?.p90Hours).toBeCloseTo(105.6, 10); // 48 + 0.8 × (120 − 48)
  });

  it.each<[string, LedgerEntry[], Stage, Partial<StageVelocity>]>([
    [
      'even count: median is the mean of the middle two',
      [...accepted, ...acceptedFor('L7', '03-10 00:00', ['03-13 00:00', 'won'])], // 72 h
      'accepted',
      { samples: 4, medianHours: 60, current: 2, stagnant: 1 },
    ],
    [
      'a stage passed in the same instant counts 0 hours',
      journey('L8', [
        ['03-04 10:00', 'mql'],
        ['03-04 10:00', 'assigned'],
      ]),
      'mql',
      { samples: 1, medianHours: 0, p90Hours: 0, current: 0, stagnant: 0 },
    ],
    [
      'an SLA reminder does not restart the time in stage',
      journey('L9', [
        ['03-04 00:00', 'assigned'],
        ['03-04 12:00', 'assigned', { cause: 'sla_reminder' }],
        ['03-05 00:00', 'accepted'],
      ]),
      'assigned',
      { samples: 1, medianHours: 24 },
    ],
    [
      'no visit ended: no median, so stagnation is unknown',
      journey('L10', [['03-04 00:00', 'recycled']]),
      'recycled',
      { samples: 0, medianHours: null, p90Hours: null, current: 1, stagnant: null },
    ],
  ])('%s', (_, rows, s, expected) => {
    expect(stage(rows, s)).toMatchObject(expected);
  });

  it('covers the stages a lead can leave, all empty for no rows', () => {
    const empty = velocity([], PERIOD);
    expect(empty.map((v) => v.stage)).toEqual([
      'inquiry',
      'mql',
      'assigned',
      'accepted',
      'qualified',
      'lost',
      'returned',
      'recycled',
    ]);
    for (const v of empty) {
      expect(v).toEqual({
        stage: v.stage,
        samples: 0,
        medianHours: null,
        p90Hours: null,
        current: 0,
        stagnant: null,
      });
    }
  });
});
