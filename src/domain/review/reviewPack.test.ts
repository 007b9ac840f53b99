import { describe, expect, it } from 'vitest';
import { journey, t } from '../funnel/testRows.ts';
import type { LedgerEntry } from '../ledger.ts';
import { defaultPolicy } from '../policy/schema.ts';
import { monthlyReviewPack } from './reviewPack.ts';
import { parseReviewMonth } from './reviewMonth.ts';

const policy = defaultPolicy();
const parsed = parseReviewMonth('2025-03', 'UTC', t('04-15 00:00'));
if (!parsed.ok) throw new Error(parsed.message);
const MARCH = parsed.month;
const tenant = { id: 'hubspot-1', name: 'Acme' };

const touchedMet = journey('touched', [
  ['02-20 10:00', 'mql'],
  ['03-03 10:00', 'assigned', { ownerId: 'rep-a', context: { source: 'PAID_SEARCH', grade: 'A2' } }],
  ['03-03 12:00', 'accepted', { ownerId: 'rep-a', context: { slaMet: true } }],
]);
const rejected: LedgerEntry[] = journey('rejected', [
  ['03-04 10:00', 'mql'],
  ['03-04 10:00', 'assigned', { ownerId: 'rep-b' }],
  ['03-04 11:00', 'returned', { reason: 'bad_data', ownerId: 'rep-b', context: { slaMet: true } }],
]).map((r) =>
  r.to === 'returned'
    ? {
        ...r,
        note: 'Phone is <script>alert(1)</script>',
        // HubSpot: the clicking user's owner id is the lead's owner.
        actor: { kind: 'user' as const, userId: 'u-9', ownerId: 'rep-b' },
      }
    : r,
);
const untouched = journey('untouched', [
  ['03-05 10:00', 'mql'],
  ['03-05 10:00', 'assigned', { ownerId: 'rep-b' }],
  ['03-06 10:00', 'assigned', { cause: 'sla_breach', ownerId: 'rep-b' }],
  ['03-10 10:00', 'recycled', { cause: 'sla_untouched', reason: 'untouched', ownerId: 'rep-b' }],
]);
// Recycled in January, back in February, an opportunity in March and won in March: one sale to a former lead.
const formerLead = journey('former', [
  ['01-05 10:00', 'mql'],
  ['01-05 10:00', 'assigned', { ownerId: 'rep-a' }],
  ['01-06 10:00', 'returned', { reason: 'not_ready', ownerId: 'rep-a' }],
  ['01-06 10:00', 'recycled', { reason: 'not_ready' }],
  ['02-10 10:00', 'mql', { cause: 're_engaged' }],
  ['02-10 11:00', 'assigned', { ownerId: 'rep-b' }],
  ['02-11 10:00', 'accepted', { ownerId: 'rep-b' }],
  ['03-12 10:00', 'qualified', { ownerId: 'rep-b' }],
  ['03-20 10:00', 'won', { ownerId: 'rep-b' }],
]);
// Handed over in April: outside the month.
const april = journey('april', [
  ['04-01 10:00', 'mql'],
  ['04-01 10:00', 'assigned', { ownerId: 'rep-a' }],
]);
const ROWS = [...touchedMet, ...rejected, ...untouched, ...formerLead, ...april];

const DEVIATIONS = [
  { side: 'marketing' as const, kind: 'accept_rate_low', detail: '1 of 3 rejected' },
  { side: 'sales' as const, kind: 'sla_breach', detail: 'late', leadId: 'untouched', ownerId: 'rep-b' },
];
const input = {
  tenant,
  policy,
  month: MARCH,
  rows: ROWS,
  generatedAt: t('04-15 00:00'),
  deviations: DEVIATIONS,
};
const pack = monthlyReviewPack(input);

describe('the monthly review pack', () => {
  it('lists every lead handed over in the month with where it stands now', () => {
    expect(pack.handedOver.map((l) => [l.leadId, l.status, l.ownerId, l.slaMet])).toEqual([
      ['touched', 'accepted', 'rep-a', true],
      ['rejected', 'returned', 'rep-b', true],
      ['untouched', 'recycled', 'rep-b', false],
    ]);
    expect(pack.handedOver[0]).toMatchObject({
      source: 'PAID_SEARCH',
      grade: 'A2',
      firstTouchAt: t('03-03 12:00').toISOString(),
    });
  });

  it('keeps each rep’s feedback with its reason, label and note', () => {
    expect(pack.feedback).toEqual([
      expect.objectContaining({
        leadId: 'rejected',
        reason: 'bad_data',
        label: 'Bad or incomplete contact data',
        bucket: 'reject',
        countsAsReject: true,
        note: 'Phone is <script>alert(1)</script>',
        ownerId: 'rep-b',
        actor: 'the owner',
      }),
    ]);
    expect(pack.handedOver[1]?.feedback).toHaveLength(1);
  });

  it('finds the sale to a former lead once, at its furthest step, with no invented amount', () => {
    expect(pack.salesFromFormerLeads).toEqual([
      {
        leadId: 'former',
        reached: 'won',
        at: t('03-20 10:00').toISOString(),
        recycledAt: t('01-06 10:00').toISOString(),
        recycleReason: 'not_ready',
        recycleReasonLabel: 'Not ready to buy yet',
        recycles: 1,
        ownerId: 'rep-b',
        amount: null,
      },
    ]);
  });

  it('carries the scorecard’s deviations on both sides as they are', () => {
    expect(pack.deviations).toEqual(DEVIATIONS);
  });

  it('sums the month up', () => {
    expect(pack.summary).toMatchObject({
      handedOver: 3,
      touched: 1,
      returns: 1,
      rejects: 1,
      overTarget: true,
      slaOutcomes: 3,
      slaMet: 2,
      breaches: 1,
      recycled: 1,
      qualified: 1,
      won: 1,
      formerLeadSales: 1,
    });
    expect(pack.complete).toBe(true);
  });

  it('is a valid pack for a month with nothing handed over', () => {
    const june = parseReviewMonth('2025-06', 'UTC', t('07-01 00:00'));
    if (!june.ok) throw new Error(june.message);
    const empty = monthlyReviewPack({
      ...input,
      month: june.month,
      generatedAt: t('07-01 00:00'),
      deviations: [],
    });
    expect(empty.handedOver).toEqual([]);
    expect(empty.summary).toMatchObject({ handedOver: 0, rejectRate: null, slaMetShare: null });
    expect(empty.deviations).toEqual([]);
  });

  it('marks a running month as to date', () => {
    const running = monthlyReviewPack({ ...input, generatedAt: t('03-15 00:00') });
    expect(running.complete).toBe(false);
    expect(running.forecast.windowTo).toBe(t('03-15 00:00').toISOString());
  });
});
