import { describe, expect, it } from 'vitest';
import type { LedgerContext, LedgerEntry } from '../ledger.ts';
import { DEFAULT_REASONS } from '../reasons.ts';
import { rejectRate } from './rejectRate.ts';
import { PERIOD, row } from './testRows.ts';

// h1–h5: webinar, fit 80 (A1), rep-a, h1–h3 in the spring campaign; h6–h10: ads, fit 30 (C2), rep-b.
const facts = (i: number): { ownerId: string; context: LedgerContext } =>
  i <= 5
    ? {
        ownerId: 'rep-a',
        context: { source: 'webinar', campaign: i <= 3 ? 'spring' : null, fit: 80, grade: 'A1' },
      }
    : { ownerId: 'rep-b', context: { source: 'ads', campaign: null, fit: 30, grade: 'C2' } };

const handovers = Array.from({ length: 10 }, (_, k) =>
  row({ leadId: `h${k + 1}`, at: '03-04 10:00', from: 'mql', to: 'assigned', ...facts(k + 1) }),
);

const returned = (i: number, at: string, reason: string): LedgerEntry[] => [
  row({ leadId: `h${i}`, at, from: 'assigned', to: 'returned', reason, ...facts(i) }),
  // the recycle or disqualify row the same return writes: not a second return
  row({ leadId: `h${i}`, at, from: 'returned', to: 'recycled', cause: 'rep_returned', reason, ...facts(i) }),
];

const rows = [
  ...handovers,
  // h1 handed on to rep-b: still one handed-over lead, but rep-b got it too
  row({
    leadId: 'h1',
    at: '03-05 10:00',
    from: 'assigned',
    to: 'assigned',
    cause: 'reassigned',
    ...facts(1),
    ownerId: 'rep-b',
  }),
  ...returned(6, '03-11 10:00', 'wrong_owner'), // reject bucket: counts
  ...returned(7, '03-11 11:00', 'not_ready'), // recycle bucket: does not count
  ...returned(8, '03-12 10:00', 'education_only'), // recycle bucket, but the policy counts it
  ...returned(9, '03-12 11:00', 'made_up'), // not in the policy: cannot be judged, does not count
  ...returned(10, '03-17 00:00', 'wrong_owner'), // the period's end is excluded
];

const report = rejectRate(rows, { period: PERIOD, reasons: DEFAULT_REASONS, bucket: 'week' });

describe('rejectRate', () => {
  it('rejects over distinct handed-over leads, against the default 10 % target', () => {
    expect(report).toMatchObject({
      handedOver: 10,
      returns: 4,
      rejects: 2,
      rate: 0.2,
      target: 0.1,
      overTarget: true,
    });
  });

  it('by reason: every return, with whether it counts', () => {
    expect(report.byReason).toEqual([
      {
        reason: 'education_only',
        label: 'Education only (learning, not buying)',
        bucket: 'recycle',
        countsAsReject: true,
        returns: 1,
        rate: 0.1,
      },
      { reason: 'made_up', label: null, bucket: null, countsAsReject: false, returns: 1, rate: 0.1 },
      {
        reason: 'not_ready',
        label: 'Not ready to buy yet',
        bucket: 'recycle',
        countsAsReject: false,
        returns: 1,
        rate: 0.1,
      },
      {
        reason: 'wrong_owner',
        label: 'Wrong owner or territory',
        bucket: 'reject',
        countsAsReject: true,
        returns: 1,
        rate: 0.1,
      },
    ]);
  });

  it.each([
    [
      'bySource',
      [
        { key: 'ads', handedOver: 5, rejects: 2, rate: 0.4, overTarget: true },
        { key: 'webinar', handedOver: 5, rejects: 0, rate: 0, overTarget: false },
      ],
    ],
    [
      'byCampaign',
      [
        { key: null, handedOver: 7, rejects: 2, rate: 2 / 7, overTarget: true },
        { key: 'spring', handedOver: 3, rejects: 0, rate: 0, overTarget: false },
      ],
    ],
    [
      'byFitBand',
      [
        { key: '25-49', handedOver: 5, rejects: 2, rate: 0.4, overTarget: true },
        { key: '75-100', handedOver: 5, rejects: 0, rate: 0, overTarget: false },
      ],
    ],
    [
      'byFitGrade',
      [
        { key: 'C', handedOver: 5, rejects: 2, rate: 0.4, overTarget: true },
        { key: 'A', handedOver: 5, rejects: 0, rate: 0, overTarget: false },
      ],
    ],
    [
      'byRep',
      [
        { key: 'rep-b', handedOver: 6, rejects: 2, rate: 1 / 3, overTarget: true },
        { key: 'rep-a', handedOver: 5, rejects: 0, rate: 0, overTarget: false },
      ],
    ],
  ] as const)('%s', (slice, expected) => {
    expect(report[slice]).toEqual(expected);
  });

  it('weekly series with the target line', () => {
    expect(report.series).toEqual([
      { bucket: '2025-03-03', handedOver: 10, rejects: 0, rate: 0, target: 0.1 },
      { bucket: '2025-03-10', handedOver: 0, rejects: 2, rate: null, target: 0.1 },
    ]);
  });

  it.each([
    [10, 1, 0.1, false], // exactly at the target is healthy
    [20, 2, 0.1, false],
    [30, 3, 0.1, false],
    [1000, 100, 0.1, false],
    [1000, 101, 0.101, true], // just above
    [10, 2, 0.2, true],
    [10, 0, 0, false],
    [0, 0, null, false],
  ])('%i handed over, %i rejects: rate %s, over target %s', (handed, rejects, rate, overTarget) => {
    const rows = [
      ...Array.from({ length: handed }, (_, i) =>
        row({ leadId: `l${i}`, at: '03-04 10:00', from: 'mql', to: 'assigned' }),
      ),
      ...Array.from({ length: rejects }, (_, i) =>
        row({ leadId: `l${i}`, at: '03-05 10:00', from: 'assigned', to: 'returned', reason: 'duplicate' }),
      ),
    ];
    const r = rejectRate(rows, { period: PERIOD, reasons: DEFAULT_REASONS, bucket: 'week' });
    expect([r.handedOver, r.rejects, r.rate, r.overTarget]).toEqual([handed, rejects, rate, overTarget]);
  });

  it('takes the tenant’s target', () => {
    const r = rejectRate(rows, { period: PERIOD, reasons: DEFAULT_REASONS, bucket: 'week', target: 0.2 });
    expect([r.rate, r.target, r.overTarget]).toEqual([0.2, 0.2, false]);
  });

  it('no rows: rate null, not over target, no slices, empty buckets listed', () => {
    const r = rejectRate([], { period: PERIOD, reasons: DEFAULT_REASONS, bucket: 'day' });
    expect(r).toMatchObject({ handedOver: 0, returns: 0, rejects: 0, rate: null, overTarget: false });
    expect([r.byReason, r.bySource, r.byCampaign, r.byFitBand, r.byFitGrade, r.byRep, r.byActor]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(r.series).toHaveLength(14);
    expect(r.series.every((b) => b.rate === null && b.target === 0.1)).toBe(true);
  });
});

describe('rejectRate: who acted, apart from whose lead it was', () => {
  // rep-a's leads a1–a3 (HubSpot: user ids u-…, owner ids o-…); a1 returned by rep-a, a2 by their manager,
  // a3 by an admin; b1 is rep-b's, returned by rep-b (Salesforce-like: one id, no separate owner id).
  const handed = ['a1', 'a2', 'a3', 'b1'].map((leadId) =>
    row({
      leadId,
      at: '03-04 10:00',
      from: 'mql',
      to: 'assigned',
      ownerId: leadId.startsWith('a') ? 'o-a' : 'o-b',
    }),
  );
  const returnBy = (
    leadId: string,
    owner: string,
    actor: LedgerEntry['actor'],
    reason: string,
  ): LedgerEntry => ({
    ...row({ leadId, at: '03-05 10:00', from: 'assigned', to: 'returned', reason, ownerId: owner }),
    actor,
  });
  const r = rejectRate(
    [
      ...handed,
      returnBy('a1', 'o-a', { kind: 'user', userId: 'u-a', ownerId: 'o-a' }, 'wrong_owner'),
      returnBy('a2', 'o-a', { kind: 'user', userId: 'u-mgr', ownerId: 'o-mgr' }, 'wrong_owner'),
      returnBy('a3', 'o-a', { kind: 'user', userId: 'u-admin', ownerId: 'o-admin' }, 'not_ready'),
      returnBy('b1', 'o-b', { kind: 'user', userId: 'o-b' }, 'wrong_owner'),
    ],
    { period: PERIOD, reasons: DEFAULT_REASONS, bucket: 'week' },
  );

  it("by rep: every reject counts against the lead's owner, whoever clicked", () => {
    expect(r.byRep).toEqual([
      { key: 'o-a', handedOver: 3, rejects: 2, rate: 2 / 3, overTarget: true },
      { key: 'o-b', handedOver: 1, rejects: 1, rate: 1, overTarget: true },
    ]);
  });

  it('by actor: who clicked, and how many of those returns were of a lead someone else owned', () => {
    expect(r.byActor).toEqual([
      { key: 'o-a', returns: 1, rejects: 1, ofOthersLeads: 0 },
      { key: 'o-admin', returns: 1, rejects: 0, ofOthersLeads: 1 },
      { key: 'o-b', returns: 1, rejects: 1, ofOthersLeads: 0 },
      { key: 'o-mgr', returns: 1, rejects: 1, ofOthersLeads: 1 },
    ]);
  });

  it('a row with no user (older rows, Baton itself) groups under null and is never "of others"', () => {
    const system = rejectRate(
      [
        ...handed,
        row({
          leadId: 'a1',
          at: '03-05 10:00',
          from: 'assigned',
          to: 'returned',
          reason: 'wrong_owner',
          ownerId: 'o-a',
        }),
      ],
      { period: PERIOD, reasons: DEFAULT_REASONS, bucket: 'week' },
    );
    expect(system.byActor).toEqual([{ key: null, returns: 1, rejects: 1, ofOthersLeads: 0 }]);
  });
});
