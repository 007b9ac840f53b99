// Each rep's SLA record for the period: outcomes met against the commitment, breaches, untouched recycles and
// median first-touch latency.
import { badge } from '../components/badge.ts';
import { card as panel } from '../components/card.ts';
import { dataTable } from '../components/table.ts';
import { el } from '../dom.ts';
import { formatCount, formatMinutes, formatPercent } from '../format.ts';
import { repName, type Names } from './repName.ts';
import type { Card } from './seriesAxis.ts';

type Rep = Card['sales']['byRep'][number];

const count = (n: number, tone: 'warn' | 'bad') => (n > 0 ? badge(formatCount(n), tone) : '0');

export function repSlaTable(card: Card, names: Names): HTMLElement {
  const target = card.sales.slaMet.target;
  return panel(
    'By rep',
    {
      hint: `Share of SLA outcomes met, against the ${formatPercent(target)} commitment (red: under it). First touch: the median business time from assignment.`,
    },
    dataTable<Rep>({
      columns: [
        { label: 'Rep', cell: (r) => repName(names, r.repId), className: 'nowrap' },
        {
          label: 'Met',
          // Under the commitment: the share in red and the row marked (no badge: the column stays narrow).
          cell: (r) =>
            el(
              'span',
              { title: r.belowTarget ? `Under the ${formatPercent(target)} commitment` : undefined },
              el('span', { class: r.belowTarget ? 'sc-below' : undefined }, formatPercent(r.metShare)),
              el('span', { class: 'sc-muted' }, ` of ${formatCount(r.outcomes)}`),
            ),
          numeric: true,
        },
        { label: 'Breaches', cell: (r) => count(r.breaches, 'warn'), numeric: true },
        { label: 'Untouched', cell: (r) => count(r.untouched, 'bad'), numeric: true },
        {
          label: 'First touch',
          cell: (r) => formatMinutes(r.medianHumanLatencyMinutes),
          numeric: true,
          className: 'nowrap',
        },
      ],
      rows: card.sales.byRep,
      rowId: (r) => r.repId ?? '',
      rowClass: (r) => (r.belowTarget ? 'sc-over' : undefined),
      testId: 'scorecard-reps',
      empty: 'No rep had an SLA outcome or a breach in this period.',
    }),
  );
}
