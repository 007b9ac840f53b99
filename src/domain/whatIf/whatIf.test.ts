// The what-if, rule by rule: each case replays a few leads' rows under the policy in force and a proposal that
// changes one setting, and checks what moves. Rows are in 2025 UTC; 3 March 2025 is a Monday; the calendar is
// 09:00–17:00 UTC on weekdays. Time is injected: nothing reads the clock.
import { describe, expect, it } from 'vitest';
import { rejectRate } from '../funnel/rejectRate.ts';
import { journey, PERIOD, row, t, type Step } from '../funnel/testRows.ts';
import type { LedgerEntry } from '../ledger.ts';
import { defaultPolicy, policySchema, type Policy } from '../policy/schema.ts';
import { whatIf } from './whatIf.ts';
import type { WhatIfSide } from './whatIfReport.ts';

const DEFAULTS = defaultPolicy();
// The policy in force: the defaults in UTC, with a 5-day cooldown (so the 30-day default is a proposal).
const BASE: Policy = { ...DEFAULTS, timeZone: 'UTC', recycle: { ...DEFAULTS.recycle, cooldownDays: 5 } };
const WINDOW = PERIOD; // 3–17 March 2025
const with_ = (patch: (p: Policy) => Policy): Policy => patch(structuredClone(BASE));
const mqlContext = { fit: 60, engagement: 35 }; // B2 with the default bands: passes the default rule

const handedAndTouched = (lead: string, assigned: string, touched: string, owner = 'rep-1'): LedgerEntry[] =>
  journey(lead, [
    ['03-03 08:00', 'mql', { context: mqlContext }],
    [assigned, 'assigned', { ownerId: owner }],
    [touched, 'accepted', { ownerId: owner }],
  ]);

const run = (rows: LedgerEntry[], proposed: Policy, baseline: Policy = BASE) =>
  whatIf({ rows, window: WINDOW, baseline, proposed });

type Figure = keyof Omit<WhatIfSide, 'capacity' | 'load' | 'rejectRate' | 'overTarget' | 'rejectRateTarget'>;

describe('whatIf: one setting at a time', () => {
  it.each<[string, LedgerEntry[], Policy, Partial<Record<Figure, [number, number]>>]>([
    [
      'a touch 11 business hours after assignment breaches an 8-hour SLA, not a 24-hour one',
      handedAndTouched('a', '03-03 09:00', '03-04 12:00'),
      with_((p) => ({ ...p, sla: { ...p.sla, firstTouchHours: 8 } })),
      { breaches: [0, 1], autoRecycles: [0, 0], handedOver: [1, 1] },
    ],
    [
      'a touch after 33 business hours comes after a 24-hour auto-recycle: breached and recycled, touch dropped',
      handedAndTouched('b', '03-03 09:00', '03-07 10:00'),
      with_((p) => ({ ...p, sla: { ...p.sla, firstTouchHours: 8, autoRecycleHours: 24 } })),
      { breaches: [1, 1], autoRecycles: [0, 1] },
    ],
    [
      'a lead untouched at the end of the window: breached under 24 h, auto-recycled under 32 h',
      journey('c', [
        ['03-10 08:00', 'mql', { context: mqlContext }],
        ['03-10 09:00', 'assigned', { ownerId: 'rep-1' }],
      ]),
      with_((p) => ({ ...p, sla: { ...p.sla, autoRecycleHours: 32 } })),
      { breaches: [1, 1], autoRecycles: [0, 1] },
    ],
    [
      'a holiday moves the deadline past the touch',
      handedAndTouched('d', '03-03 09:00', '03-06 10:00'),
      with_((p) => ({ ...p, holidays: ['2025-03-04'] })),
      { breaches: [1, 0] },
    ],
    [
      'a B2 lead is refused when the rule asks for fit A: its hand-over and touch drop out with it',
      handedAndTouched('e', '03-03 09:00', '03-03 10:00'),
      with_((p) => ({ ...p, mql: { ...p.mql, minFitGrade: 'A' } })),
      { mqls: [1, 0], droppedByMqlRule: [0, 1], handedOver: [1, 0] },
    ],
    [
      'raised bands re-grade the frozen scores: fit 60 is C when B starts at 65',
      handedAndTouched('f', '03-03 09:00', '03-03 10:00'),
      with_((p) => ({
        ...p,
        scoring: { ...p.scoring, bands: { ...p.scoring.bands, fit: { A: 80, B: 65, C: 25 } } },
      })),
      { mqls: [1, 0], droppedByMqlRule: [0, 1] },
    ],
    [
      'a hand-raise from a C fit fast-tracks only while the hand-raise minimum is C',
      journey('g', [['03-04 10:00', 'mql', { cause: 'hand_raise', context: { fit: 30, engagement: 5 } }]]),
      with_((p) => ({ ...p, mql: { ...p.mql, handRaise: { ...p.mql.handRaise, minFitGrade: 'B' } } })),
      { mqls: [1, 0], droppedByMqlRule: [0, 1] },
    ],
    [
      'a re-MQL 7 days after its recycle passes a 5-day cooldown, not a 30-day one',
      journey('h', [
        ['03-03 10:00', 'recycled', { cause: 'rep_returned', reason: 'not_ready' }],
        ['03-10 10:00', 'mql', { cause: 're_engaged', context: mqlContext }],
      ]),
      with_((p) => ({ ...p, recycle: { ...p.recycle, cooldownDays: 30 } })),
      { reMqls: [1, 0], reMqlsSuppressed: [0, 1], mqls: [1, 0] },
    ],
    [
      'the third recycle is allowed under a limit of 3 and exhausts the lead under a limit of 2',
      journey('i', [
        ['01-02 10:00', 'recycled', { cause: 'stalled' }],
        ['02-03 10:00', 'mql', { cause: 're_engaged', context: mqlContext }],
        ['02-04 10:00', 'recycled', { cause: 'stalled' }],
        ['03-05 10:00', 'mql', { cause: 're_engaged', context: mqlContext }],
        ['03-06 10:00', 'recycled', { cause: 'went_dark' }],
      ]),
      with_((p) => ({ ...p, recycle: { ...p.recycle, maxRecycles: 2 } })),
      { exhausted: [0, 1], reMqls: [1, 1] },
    ],
    [
      'a lead Baton auto-recycled at 72 h is assumed untouched until a 100-hour threshold (after the window)',
      journey('j', [
        ['03-03 08:00', 'mql', { context: mqlContext }],
        ['03-03 09:00', 'assigned', { ownerId: 'rep-1' }],
        ['03-13 17:00', 'recycled', { cause: 'sla_untouched', reason: 'untouched' }],
      ]),
      with_((p) => ({ ...p, sla: { ...p.sla, autoRecycleHours: 100 } })),
      { breaches: [1, 1], autoRecycles: [1, 0] },
    ],
    [
      'scores left in marketing that a looser rule passes: a would-be MQL, counted apart',
      journey('k', [['03-04 10:00', 'inquiry', { cause: 'created', context: { fit: 60, engagement: 15 } }]]),
      with_((p) => ({ ...p, mql: { ...p.mql, minEngagementLevel: 3 } })),
      { wouldQualifyUnseen: [0, 1], mqls: [0, 0] },
    ],
  ])('%s', (_name, rows, proposed, expected) => {
    const report = run(rows, proposed);
    for (const [figure, [before, after]] of Object.entries(expected)) {
      expect([figure, report.baseline[figure as Figure]]).toEqual([figure, before]);
      expect([figure, report.proposed[figure as Figure]]).toEqual([figure, after]);
    }
    expect(report.changed.count).toBe(1);
  });
});

describe('whatIf: reject rate, load and capacity', () => {
  const handovers = Array.from({ length: 10 }, (_, i) =>
    handedAndTouched(`r${i}`, '03-04 09:00', '03-04 10:00', `rep-${i % 2}`),
  ).flat();
  const returns = ['r0', 'r1'].map((leadId) =>
    row({
      leadId,
      at: '03-05 10:00',
      from: 'accepted',
      to: 'returned',
      reason: 'wrong_owner',
      ownerId: 'rep-0',
    }),
  );
  const rows = [...handovers, ...returns].toSorted((a, b) => a.at.getTime() - b.at.getTime());

  it('counts rejects as the funnel does, and judges them against each side’s target', () => {
    const report = run(
      rows,
      with_((p) => ({ ...p, rejectRateTarget: 0.25 })),
    );
    const funnel = rejectRate(rows, { period: WINDOW, reasons: BASE.reasons, bucket: 'week' });
    expect(report.baseline).toMatchObject({
      handedOver: 10,
      rejects: funnel.rejects,
      rejectRate: funnel.rate,
    });
    expect([report.baseline.overTarget, report.proposed.overTarget]).toEqual([true, false]);
  });

  it('a reason that stops counting as a reject lowers the rate', () => {
    const proposed = with_((p) => ({
      ...p,
      reasons: p.reasons.map((r) => (r.code === 'wrong_owner' ? { ...r, countsAsReject: false } : r)),
    }));
    expect(run(rows, proposed).proposed.rejects).toBe(0);
  });

  it('measures each rep’s peak open load against the capacity', () => {
    const report = run(
      rows,
      with_((p) => ({ ...p, capacity: { openLeadsPerRep: 3 } })),
    );
    // Load is what capacity counts: leads assigned and not yet worked. All five wait at once; by the end each is
    // worked or returned, so none is left waiting.
    expect(report.proposed.load).toEqual([
      { ownerId: 'rep-0', peak: 5, end: 0, capacity: 3, overCapacity: true },
      { ownerId: 'rep-1', peak: 5, end: 0, capacity: 3, overCapacity: true },
    ]);
    expect(report.proposed.capacity).toMatchObject({ reps: 2, peakLoad: 5, repsOverCapacity: 2 });
    expect(report.baseline.capacity.repsOverCapacity).toBe(0);
  });
});

describe('whatIf: what it says and how', () => {
  const rows: Step[] = [
    ['03-03 08:00', 'mql'],
    ['03-03 09:00', 'assigned', { ownerId: 'rep-1' }],
  ];

  it('keeps MQL rows without scores as they were, and says how many', () => {
    const report = run(
      journey('n', rows),
      with_((p) => ({ ...p, mql: { ...p.mql, minFitGrade: 'A' } })),
    );
    expect(report.proposed.mqls).toBe(1);
    expect(report.limits).toContainEqual(expect.stringMatching(/^1 MQL row in the window carries no scores/));
  });

  it('counts the leads that never reached an MQL row', () => {
    const report = run(journey('q', [['03-04 10:00', 'inquiry', { cause: 'created' }]]), BASE);
    expect(report.limits[0]).toMatch(/^1 lead in the window never reached an MQL row/);
  });

  it('is deterministic: the same report for rows in any order, and for every run', () => {
    const all = [...handedAndTouched('x', '03-03 09:00', '03-05 12:00'), ...journey('n', rows)];
    const proposed = with_((p) => ({ ...p, sla: { ...p.sla, firstTouchHours: 4 } }));
    const first = run(all, proposed);
    expect(run(all.toReversed(), proposed)).toEqual(first);
    expect(first.changed).toEqual({
      count: 1,
      leads: [{ leadId: 'x', baseline: 'MQL · handed over', proposed: 'MQL · handed over · breached' }],
    });
  });

  it('is a valid policy on both sides', () => {
    expect(policySchema.safeParse(BASE).success).toBe(true);
    expect(t('03-03 00:00').toISOString()).toBe(WINDOW.from.toISOString());
  });
});
