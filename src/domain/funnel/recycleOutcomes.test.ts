import { describe, expect, it } from 'vitest';
import { recycleOutcomes } from './recycleOutcomes.ts';
import { journey, PERIOD } from './testRows.ts';

const rows = [
  // returned as not ready, re-MQL'd, worked and won
  ...journey('R1', [
    ['03-01 10:00', 'assigned'],
    ['03-03 10:00', 'returned', { reason: 'not_ready' }],
    ['03-03 10:00', 'recycled', { cause: 'rep_returned', reason: 'not_ready' }],
    ['03-10 10:00', 'mql', { cause: 're_engaged' }],
    ['03-10 10:00', 'assigned'],
    ['03-11 10:00', 'accepted'],
    ['03-12 10:00', 'qualified'],
    ['03-14 10:00', 'won'],
  ]),
  // never worked: recycled as untouched, nothing since
  ...journey('R2', [
    ['03-03 11:00', 'assigned'],
    ['03-06 11:00', 'recycled', { cause: 'sla_untouched', reason: 'untouched' }],
  ]),
  // recycled twice: each recycle owns what happened until the next one
  ...journey('R3', [
    ['02-20 12:00', 'accepted'],
    ['03-04 12:00', 'recycled', { cause: 'stalled', reason: 'stalled' }],
    ['03-08 12:00', 'mql', { cause: 're_engaged' }],
    ['03-08 12:00', 'assigned'],
    ['03-09 12:00', 'returned', { reason: 'no_budget' }],
    ['03-09 12:00', 'recycled', { cause: 'rep_returned', reason: 'no_budget' }],
    ['03-15 12:00', 'mql', { cause: 're_engaged' }],
    ['03-15 12:00', 'assigned'],
    ['03-15 13:00', 'accepted'],
    ['03-16 12:00', 'qualified'],
  ]),
  // recycled before the period: its later re-MQL is not this period's outcome
  ...journey('R4', [
    ['02-20 13:00', 'recycled', { reason: 'went_dark' }],
    ['03-05 13:00', 'mql', { cause: 're_engaged' }],
  ]),
  // re-MQL'd only after the period's end
  ...journey('R5', [
    ['03-05 14:00', 'recycled', { cause: 'went_dark', reason: 'went_dark' }],
    ['03-20 14:00', 'mql', { cause: 're_engaged' }],
  ]),
  // closed lost, recycled in the same instant
  ...journey('R6', [
    ['03-02 15:00', 'qualified'],
    ['03-07 15:00', 'lost'],
    ['03-07 15:00', 'recycled', { cause: 'closed_lost', reason: 'closed_lost' }],
  ]),
];

const none = { reMql: 0, qualified: 0, won: 0, reMqlRate: 0, qualifiedRate: 0, wonRate: 0 };

describe('recycleOutcomes', () => {
  const report = recycleOutcomes(rows, PERIOD);

  it('counts recycles (and leads) in the period and what followed them by the end', () => {
    expect(report).toMatchObject({
      recycled: 6,
      leads: 5,
      reMql: 3,
      qualified: 2,
      won: 1,
      reMqlRate: 0.5,
      qualifiedRate: 1 / 3,
      wonRate: 1 / 6,
    });
  });

  it('by reason', () => {
    expect(report.byReason).toEqual([
      { reason: 'closed_lost', recycled: 1, ...none },
      {
        reason: 'no_budget',
        recycled: 1,
        reMql: 1,
        qualified: 1,
        won: 0,
        reMqlRate: 1,
        qualifiedRate: 1,
        wonRate: 0,
      },
      {
        reason: 'not_ready',
        recycled: 1,
        reMql: 1,
        qualified: 1,
        won: 1,
        reMqlRate: 1,
        qualifiedRate: 1,
        wonRate: 1,
      },
      {
        reason: 'stalled',
        recycled: 1,
        reMql: 1,
        qualified: 0,
        won: 0,
        reMqlRate: 1,
        qualifiedRate: 0,
        wonRate: 0,
      },
      { reason: 'untouched', recycled: 1, ...none },
      { reason: 'went_dark', recycled: 1, ...none },
    ]);
  });

  it('no rows: zero recycles, rates null', () => {
    expect(recycleOutcomes([], PERIOD)).toEqual({
      recycled: 0,
      leads: 0,
      reMql: 0,
      qualified: 0,
      won: 0,
      reMqlRate: null,
      qualifiedRate: null,
      wonRate: null,
      byReason: [],
    });
  });
});
