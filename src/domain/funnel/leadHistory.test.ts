import { describe, expect, it } from 'vitest';
import { historiesAt, visitsOf } from './leadHistory.ts';
import { journey, row, t } from './testRows.ts';

describe('leadHistory', () => {
  const lead = journey('L1', [
    ['03-03 09:00', 'inquiry'],
    ['03-04 10:00', 'mql'],
    ['03-04 10:00', 'assigned'],
    ['03-04 20:00', 'assigned', { cause: 'sla_reminder' }],
    ['03-05 12:00', 'returned', { reason: 'not_ready' }],
    ['03-05 12:00', 'recycled', { cause: 'rep_returned', reason: 'not_ready' }],
  ]);
  const order = (rows: typeof lead) =>
    historiesAt(rows, t('03-31 00:00'))
      .get('L1')
      ?.map((r) => r.to);

  it.each([
    ['ledger order', lead],
    ['reversed: rows sharing an instant are chained back', lead.toReversed()],
    ['rotated', [...lead.slice(3), ...lead.slice(0, 3)]],
  ])('orders rows by time, then by chain: %s', (_, rows) => {
    expect(order(rows)).toEqual(['inquiry', 'mql', 'assigned', 'assigned', 'returned', 'recycled']);
  });

  it('chains same-instant rows that open a history mid-way (from is not null)', () => {
    const rows = [
      row({ leadId: 'L1', at: '03-04 10:00', from: 'mql', to: 'assigned' }),
      row({ leadId: 'L1', at: '03-04 10:00', from: 'recycled', to: 'mql', cause: 're_engaged' }),
    ];
    expect(order(rows)).toEqual(['mql', 'assigned']);
  });

  it('puts a mark sharing an instant with a move before it, so the lead ends in the moved-to stage', () => {
    const rows = [
      row({ leadId: 'L1', at: '03-04 10:00', to: 'assigned' }),
      row({ leadId: 'L1', at: '03-05 10:00', from: 'assigned', to: 'accepted', cause: 'first_touch' }),
      row({ leadId: 'L1', at: '03-05 10:00', from: 'assigned', to: 'assigned', cause: 'sla_breach' }),
    ];
    expect(order(rows)).toEqual(['assigned', 'assigned', 'accepted']);
  });

  it('keeps only rows known at the instant asked (rows at that instant included)', () => {
    expect(
      historiesAt(lead, t('03-04 10:00'))
        .get('L1')
        ?.map((r) => r.to),
    ).toEqual(['inquiry', 'mql', 'assigned']);
  });

  it('visits skip marks and end where the next move starts', () => {
    const visits = visitsOf(historiesAt(lead, t('03-31 00:00')).get('L1') ?? []);
    expect(visits.map((v) => [v.stage, v.enteredAt.toISOString(), v.leftAt?.toISOString() ?? null])).toEqual([
      ['inquiry', '2025-03-03T09:00:00.000Z', '2025-03-04T10:00:00.000Z'],
      ['mql', '2025-03-04T10:00:00.000Z', '2025-03-04T10:00:00.000Z'],
      ['assigned', '2025-03-04T10:00:00.000Z', '2025-03-05T12:00:00.000Z'],
      ['returned', '2025-03-05T12:00:00.000Z', '2025-03-05T12:00:00.000Z'],
      ['recycled', '2025-03-05T12:00:00.000Z', null],
    ]);
  });
});
