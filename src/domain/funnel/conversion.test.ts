import { describe, expect, it } from 'vitest';
import { conversion } from './conversion.ts';
import { journey, PERIOD } from './testRows.ts';

const rows = [
  // All the way to won inside the period.
  ...journey('L1', [
    ['03-03 09:00', 'inquiry'],
    ['03-04 09:00', 'mql'],
    ['03-04 09:00', 'assigned'],
    ['03-05 09:00', 'accepted'],
    ['03-10 09:00', 'qualified'],
    ['03-14 09:00', 'won'],
  ]),
  // Returned, recycled, re-MQL'd: one lead in the mql and assigned cohorts, never accepted.
  ...journey('L2', [
    ['03-04 10:00', 'mql'],
    ['03-04 10:00', 'assigned'],
    ['03-05 10:00', 'returned', { reason: 'not_ready' }],
    ['03-05 10:00', 'recycled', { cause: 'rep_returned', reason: 'not_ready' }],
    ['03-12 10:00', 'mql', { cause: 're_engaged' }],
    ['03-12 10:00', 'assigned'],
  ]),
  // Qualified only after the period's end: not converted from accepted.
  ...journey('L3', [
    ['03-05 11:00', 'inquiry'],
    ['03-06 11:00', 'mql'],
    ['03-06 11:00', 'assigned'],
    ['03-07 11:00', 'accepted'],
    ['03-20 11:00', 'qualified'],
  ]),
  // Assigned before the period: only in the accepted cohort.
  ...journey('L4', [
    ['02-25 12:00', 'assigned'],
    ['03-04 12:00', 'accepted'],
  ]),
  // Straight from assigned to qualified: past accepted, so assigned → accepted converted.
  ...journey('L5', [
    ['03-05 13:00', 'assigned'],
    ['03-06 13:00', 'qualified'],
  ]),
];

describe('conversion', () => {
  it.each([
    ['inquiry', 'mql', 2, 2, 1], // L1, L3
    ['mql', 'assigned', 3, 3, 1], // L1, L2 (once), L3
    ['assigned', 'accepted', 4, 3, 0.75], // L1, L2 ✗, L3, L5 (skipped ahead)
    ['accepted', 'qualified', 3, 1, 1 / 3], // L1 ✓, L3 (too late) ✗, L4 ✗
    ['qualified', 'won', 2, 1, 0.5], // L1 ✓, L5 ✗
  ] as const)('%s → %s: %i entered, %i converted', (from, to, entered, converted, rate) => {
    const step = conversion(rows, PERIOD).find((c) => c.from === from);
    expect(step).toEqual({ from, to, entered, converted, rate });
  });

  it('no rows: every step 0 of 0, rate null', () => {
    expect(conversion([], PERIOD)).toEqual([
      { from: 'inquiry', to: 'mql', entered: 0, converted: 0, rate: null },
      { from: 'mql', to: 'assigned', entered: 0, converted: 0, rate: null },
      { from: 'assigned', to: 'accepted', entered: 0, converted: 0, rate: null },
      { from: 'accepted', to: 'qualified', entered: 0, converted: 0, rate: null },
      { from: 'qualified', to: 'won', entered: 0, converted: 0, rate: null },
    ]);
  });
});
