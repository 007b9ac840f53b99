import { describe, expect, it } from 'vitest';
import { slaCompliance } from './slaCompliance.ts';
import { PERIOD, row } from './testRows.ts';

const met = { slaMet: true };
const missed = { slaMet: false };

const rows = [
  // week of 3 March: one met, one missed first touch; one breach; a reminder (not counted)
  row({ leadId: 'A', at: '03-04 10:00', from: 'assigned', to: 'accepted', context: met }),
  row({ leadId: 'B', at: '03-05 10:00', from: 'assigned', to: 'accepted', context: missed }),
  row({ leadId: 'B', at: '03-04 09:00', from: 'assigned', to: 'assigned', cause: 'sla_breach' }),
  row({ leadId: 'B', at: '03-04 01:00', from: 'assigned', to: 'assigned', cause: 'sla_reminder' }),
  // week of 10 March
  row({ leadId: 'C', at: '03-11 10:00', from: 'assigned', to: 'accepted', context: met }),
  // a return before any touch answers the SLA (late here); its recycle row does not count again
  row({
    leadId: 'D',
    at: '03-12 10:00',
    from: 'assigned',
    to: 'returned',
    reason: 'wrong_owner',
    context: missed,
  }),
  row({ leadId: 'D', at: '03-12 09:00', from: 'assigned', to: 'assigned', cause: 'sla_breach' }),
  // a return after the first touch settles nothing
  row({ leadId: 'E', at: '03-12 11:00', from: 'accepted', to: 'returned', reason: 'not_ready' }),
  row({ leadId: 'E', at: '03-12 11:00', from: 'returned', to: 'recycled', cause: 'rep_returned' }),
  // untouched: auto-recycled, or disqualified as exhausted straight from assigned — both misses
  row({ leadId: 'F', at: '03-13 10:00', from: 'assigned', to: 'recycled', cause: 'sla_untouched' }),
  row({ leadId: 'G', at: '03-13 11:00', from: 'assigned', to: 'disqualified', cause: 'exhausted' }),
  // exhausted after a rep return is no SLA outcome
  row({ leadId: 'H', at: '03-13 12:00', from: 'returned', to: 'disqualified', cause: 'exhausted' }),
  // outside the period (the end is excluded)
  row({ leadId: 'I', at: '02-28 10:00', from: 'assigned', to: 'accepted', context: met }),
  row({ leadId: 'J', at: '03-17 00:00', from: 'assigned', to: 'accepted', context: missed }),
  row({ leadId: 'J', at: '03-17 00:00', from: 'assigned', to: 'assigned', cause: 'sla_breach' }),
];

describe('slaCompliance', () => {
  it('counts met and missed outcomes, and breaches, in the period', () => {
    const report = slaCompliance(rows, { period: PERIOD, bucket: 'week' });
    expect(report).toMatchObject({ outcomes: 6, met: 2, missed: 4, metShare: 1 / 3, breaches: 2 });
    expect(report.byKind).toEqual({
      first_touch: { met: 2, missed: 1 },
      returned: { met: 0, missed: 1 },
      untouched: { met: 0, missed: 2 },
    });
  });

  it('weekly series (ISO weeks, UTC)', () => {
    expect(slaCompliance(rows, { period: PERIOD, bucket: 'week' }).series).toEqual([
      { bucket: '2025-03-03', outcomes: 2, met: 1, missed: 1, metShare: 0.5, breaches: 1 },
      { bucket: '2025-03-10', outcomes: 4, met: 1, missed: 3, metShare: 0.25, breaches: 1 },
    ]);
  });

  it.each([
    ['2025-03-04', { outcomes: 1, met: 1, missed: 0, metShare: 1, breaches: 1 }],
    ['2025-03-06', { outcomes: 0, met: 0, missed: 0, metShare: null, breaches: 0 }],
    ['2025-03-13', { outcomes: 2, met: 0, missed: 2, metShare: 0, breaches: 0 }],
  ])('daily series, %s', (bucket, expected) => {
    const series = slaCompliance(rows, { period: PERIOD, bucket: 'day' }).series;
    expect(series).toHaveLength(14);
    expect(series.find((b) => b.bucket === bucket)).toEqual({ bucket, ...expected });
  });

  it('no rows: nothing met, share null, empty buckets still listed', () => {
    const report = slaCompliance([], { period: PERIOD, bucket: 'week' });
    expect(report).toMatchObject({ outcomes: 0, met: 0, missed: 0, metShare: null, breaches: 0 });
    expect(report.series.map((b) => b.metShare)).toEqual([null, null]);
  });
});
