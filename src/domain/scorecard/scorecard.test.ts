import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../ledger.ts';
import { policyWith } from '../testing/leads.ts';
import { journey, row, t } from '../funnel/testRows.ts';
import { scorecard } from './scorecard.ts';
import { parsePeriodLabel, previousPeriod } from './scorecardPeriod.ts';

const policy = policyWith({ timeZone: 'UTC', commitment: { mqlsPerMonth: 6 } });
const march = parsePeriodLabel('2025-03', 'UTC')!;
const february = previousPeriod(march, 'UTC');
const AFTER = t('04-02 00:00');

const met = { slaMet: true, humanLatencyMinutes: 60 };
const late = { slaMet: false, humanLatencyMinutes: 600 };

const rows: LedgerEntry[] = [
  // February: two MQLs, both handed to ann and touched in time
  ...journey('f1', [
    ['02-03 09:00', 'mql'],
    ['02-03 10:00', 'assigned', { ownerId: 'ann' }],
    ['02-03 11:00', 'accepted', { ownerId: 'ann', context: met }],
  ]),
  ...journey('f2', [
    ['02-10 09:00', 'mql'],
    ['02-10 10:00', 'assigned', { ownerId: 'ann' }],
    ['02-10 11:00', 'accepted', { ownerId: 'ann', context: met }],
  ]),
  // March: four MQLs
  ...journey('m1', [
    ['03-03 09:00', 'mql', { context: { source: 'webinar' } }],
    ['03-03 10:00', 'assigned', { ownerId: 'ann', context: { source: 'webinar' } }],
    ['03-03 11:00', 'accepted', { ownerId: 'ann', context: met }],
  ]),
  // touched late, after a breach
  ...journey('m2', [
    ['03-04 09:00', 'mql'],
    ['03-04 10:00', 'assigned', { ownerId: 'bob' }],
    ['03-05 10:00', 'assigned', { ownerId: 'bob', cause: 'sla_breach' }],
    ['03-06 10:00', 'accepted', { ownerId: 'bob', context: late }],
  ]),
  // rejected as wrong owner (counts against marketing), with a note
  ...journey('m3', [
    ['03-10 09:00', 'mql', { context: { source: 'paid' } }],
    ['03-10 10:00', 'assigned', { ownerId: 'bob', context: { source: 'paid' } }],
  ]),
  {
    ...row({
      leadId: 'm3',
      at: '03-10 12:00',
      from: 'assigned',
      to: 'returned',
      reason: 'wrong_owner',
      ownerId: 'bob',
      context: { slaMet: true, source: 'paid' },
    }),
    note: 'EMEA <b>lead</b>',
  },
  // never touched: auto-recycled
  ...journey('m4', [
    ['03-17 09:00', 'mql'],
    ['03-17 10:00', 'assigned', { ownerId: 'bob' }],
    ['03-21 10:00', 'recycled', { ownerId: 'bob', cause: 'sla_untouched' }],
  ]),
];

describe('scorecard', () => {
  const card = scorecard(rows, { period: march, previous: february, policy, now: AFTER });

  it('names the period and the previous one', () => {
    expect(card.period).toMatchObject({ kind: 'month', label: '2025-03', from: '2025-03-01T00:00:00.000Z' });
    expect(card.previous.label).toBe('2025-02');
    expect(card.elapsed).toBe(1);
  });

  it('holds marketing to its MQL commitment (prorated from the policy’s monthly figure) and to the accept norm', () => {
    expect(card.marketing.mqls).toMatchObject({
      value: 4,
      previous: 2,
      change: 2,
      committed: 6,
      committedFrom: 'policy',
      committedToDate: 6,
    });
    expect(card.marketing.acceptRate).toMatchObject({
      value: 0.75,
      previous: 1,
      target: 0.9,
      handedOver: 4,
      rejects: 1,
      belowTarget: true,
    });
    expect(card.marketing.rejects.byReason).toEqual([
      expect.objectContaining({ reason: 'wrong_owner', returns: 1, countsAsReject: true }),
    ]);
    expect(card.marketing.rejects.bySource.find((s) => s.key === 'paid')).toMatchObject({
      rejects: 1,
      overTarget: true,
    });
  });

  it('holds sales to its share met, with human latency, breaches and untouched leads, per rep too', () => {
    // outcomes: m1 met, m2 late, m3 returned in time, m4 untouched
    expect(card.sales.slaMet).toMatchObject({
      value: 0.5,
      previous: 1,
      outcomes: 4,
      met: 2,
      target: 0.9,
      belowTarget: true,
    });
    expect(card.sales.medianHumanLatencyMinutes).toMatchObject({ value: 330, previous: 60 });
    expect(card.sales.breaches).toMatchObject({ value: 1, previous: 0, change: 1 });
    expect(card.sales.untouched.value).toBe(1);
    expect(card.sales.byRep.map((r) => [r.repId, r.outcomes, r.met, r.belowTarget])).toEqual([
      ['bob', 3, 1, true],
      ['ann', 1, 1, false],
    ]);
  });

  it('lists each return with its reason and note, as data', () => {
    expect(card.sales.returns).toEqual([
      {
        leadId: 'm3',
        at: '2025-03-10T12:00:00.000Z',
        ownerId: 'bob',
        returnedBy: null,
        reason: 'wrong_owner',
        label: 'Wrong owner or territory',
        countsAsReject: true,
        note: 'EMEA <b>lead</b>',
      },
    ]);
  });

  it('lists every deviation on both sides', () => {
    expect(card.deviations.map((d) => [d.side, d.kind, d.leadId ?? d.ownerId ?? null])).toEqual([
      ['marketing', 'mql_short', null],
      ['marketing', 'accept_rate_low', null],
      ['marketing', 'reject_slice_over_target', null],
      ['marketing', 'reject_slice_over_target', null],
      ['marketing', 'reject_slice_over_target', null],
      ['marketing', 'reject_slice_over_target', 'bob'],
      ['sales', 'sla_met_low', null],
      ['sales', 'rep_sla_low', 'bob'],
      ['sales', 'sla_breach', 'm2'],
      ['sales', 'untouched', 'm4'],
    ]);
    expect(card.deviations[0]?.detail).toBe('4 MQLs delivered, 6 committed by now (the policy).');
    expect(card.deviations.filter((d) => d.kind === 'reject_slice_over_target').map((d) => d.detail)).toEqual(
      [
        'Reject rate 100 % for source paid (1 of 1), over the 10 % target.',
        'Reject rate 25 % for campaign (none) (1 of 4), over the 10 % target.',
        'Reject rate 25 % for fit band (none) (1 of 4), over the 10 % target.',
        'Reject rate 33.3 % for rep bob (1 of 3), over the 10 % target.',
      ],
    );
  });

  it('series per week for a month, per day for a week', () => {
    expect(card.series.map((b) => b.bucket)).toEqual([
      '2025-02-24',
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
      '2025-03-31',
    ]);
    expect(card.series[1]).toMatchObject({ mqls: 2, handedOver: 2, breaches: 1 });
    expect(card.series[2]).toMatchObject({ mqls: 1, rejects: 1, acceptRate: 0 });
    const week = parsePeriodLabel('2025-W11', 'UTC')!;
    const weekly = scorecard(rows, {
      period: week,
      previous: previousPeriod(week, 'UTC'),
      policy,
      now: AFTER,
    });
    expect(weekly.series).toHaveLength(7);
  });

  it('buckets by the tenant’s own days: a New York week has seven days, an evening row on its local day', () => {
    const ny = policyWith({ timeZone: 'America/New_York' });
    const week = parsePeriodLabel('2025-W11', 'America/New_York')!;
    // Tuesday 11 March, 22:00 in New York = Wednesday 02:00 UTC
    const evening = journey('e1', [['03-12 02:00', 'mql']]);
    const weekly = scorecard(evening, {
      period: week,
      previous: previousPeriod(week, 'America/New_York'),
      policy: ny,
      now: AFTER,
    });
    expect(weekly.series.map((b) => b.bucket)).toEqual([
      '2025-03-10',
      '2025-03-11',
      '2025-03-12',
      '2025-03-13',
      '2025-03-14',
      '2025-03-15',
      '2025-03-16',
    ]);
    expect(weekly.series.find((b) => b.mqls === 1)?.bucket).toBe('2025-03-11');
  });

  it('prorates the commitment in a running period and only flags what is due by now', () => {
    const midMarch = t('03-16 12:00');
    const running = scorecard(
      rows.filter((r) => r.at < midMarch),
      { period: march, previous: february, policy, now: midMarch },
    );
    expect(running.elapsed).toBeCloseTo(0.5, 2);
    expect(running.marketing.mqls).toMatchObject({ value: 3, committed: 6, committedToDate: 3 });
    expect(running.deviations.some((d) => d.kind === 'mql_short')).toBe(false);
  });

  it('sizes the commitment to sales capacity when the policy sets none, and warns when MQLs outrun it', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      journey(`h${i}`, [
        ['02-05 09:00', 'mql'],
        ['02-05 10:00', 'assigned', { ownerId: 'ann' }],
        ['02-05 20:00', 'accepted', { ownerId: 'ann', context: met }],
      ]),
    ).flat();
    const flood = Array.from({ length: 100 }, (_, i) => journey(`q${i}`, [['03-12 09:00', 'mql']])).flat();
    const tight = policyWith({ timeZone: 'UTC', capacity: { openLeadsPerRep: 1 } });
    const c = scorecard([...many, ...flood], {
      period: march,
      previous: february,
      policy: tight,
      now: AFTER,
    });
    // ann holds 1 lead for a median of 10 h: 16.8 leads a week; all MQLs of the window reached a rep… until March
    expect(c.capacity.salesLeadsPerWeek).toBe(16.8);
    expect(c.marketing.mqls.committedFrom).toBe('capacity');
    expect(c.marketing.mqls.value).toBe(100);
    // the flood still waiting does not count as MQLs that failed to reach a rep
    expect(c.capacity.handoverShare).toBe(1);
    expect(c.marketing.mqls.capacityToDate).toBe(Math.round(16.8 * (31 / 7)));
    expect(c.deviations.find((d) => d.kind === 'mql_over_capacity')?.detail).toMatch(
      /^100 MQLs delivered, more than the 74 sales can work at the measured pace/,
    );
  });

  it('reads an empty period as no data, not as zero per cent', () => {
    const empty = scorecard([], { period: march, previous: february, policy, now: AFTER });
    expect(empty.marketing.acceptRate.value).toBeNull();
    expect(empty.sales.slaMet.value).toBeNull();
    expect(empty.marketing.mqls).toMatchObject({ value: 0, previous: 0, change: 0 });
    expect(empty.deviations.map((d) => d.kind)).toEqual(['mql_short']);
  });
});
