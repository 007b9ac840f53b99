import { describe, expect, it } from 'vitest';
import type { Stage } from '../stages.ts';
import { stageCounts } from './stageCounts.ts';
import { journey, PERIOD } from './testRows.ts';

// L1 entered before the period and moved on inside it. L2 recycles and re-MQLs: two entries into mql and
// assigned, one lead each. L3's MQL comes after the period's end. L4 arrives exactly at the end.
const rows = [
  ...journey('L1', [
    ['02-20 09:00', 'inquiry'],
    ['03-04 10:00', 'mql'],
    ['03-04 10:00', 'assigned'],
    ['03-04 20:00', 'assigned', { cause: 'sla_reminder' }],
    ['03-05 09:00', 'accepted'],
  ]),
  ...journey('L2', [
    ['03-04 11:00', 'mql'],
    ['03-04 11:00', 'assigned'],
    ['03-06 12:00', 'returned', { reason: 'not_ready' }],
    ['03-06 12:00', 'recycled', { cause: 'rep_returned', reason: 'not_ready' }],
    ['03-12 08:00', 'mql', { cause: 're_engaged' }],
    ['03-12 08:00', 'assigned'],
  ]),
  ...journey('L3', [
    ['03-10 08:00', 'inquiry'],
    ['03-20 08:00', 'mql'],
  ]),
  ...journey('L4', [['03-17 00:00', 'inquiry']]),
];

const zero = { enteredLeads: 0, entries: 0, current: 0 };

describe('stageCounts', () => {
  const counts = new Map(stageCounts(rows, PERIOD).map((c) => [c.stage, c]));

  it.each([
    ['inquiry', { enteredLeads: 1, entries: 1, current: 2 }], // L3 entered; L3 and L4 (at the end) sit there
    ['mql', { enteredLeads: 2, entries: 3, current: 0 }], // L2 counted once as a lead, twice as entries
    ['assigned', { enteredLeads: 2, entries: 3, current: 1 }], // the reminder is no entry
    ['accepted', { enteredLeads: 1, entries: 1, current: 1 }],
    ['qualified', zero],
    ['returned', { enteredLeads: 1, entries: 1, current: 0 }],
    ['recycled', { enteredLeads: 1, entries: 1, current: 0 }],
    ['won', zero],
    ['lost', zero],
    ['disqualified', zero],
  ] as const)('%s', (stage: Stage, expected) => {
    expect(counts.get(stage)).toEqual({ stage, ...expected });
  });

  it('lists every stage once, in funnel order, all zero for no rows', () => {
    const empty = stageCounts([], PERIOD);
    expect(empty.map((c) => c.stage)).toEqual([
      'inquiry',
      'mql',
      'assigned',
      'accepted',
      'qualified',
      'won',
      'lost',
      'returned',
      'recycled',
      'disqualified',
    ]);
    for (const c of empty) expect(c).toEqual({ stage: c.stage, ...zero });
  });

  it('reads rows in any order, also rows of one decision that share an instant', () => {
    expect(stageCounts(rows.toReversed(), PERIOD)).toEqual(stageCounts(rows, PERIOD));
  });
});
